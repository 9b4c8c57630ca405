import { Card, Collapse, Empty, Flex, Select, Tag, Typography } from 'antd';
import type { ImportDepartment } from '../graphql/plan-import.graphql';
import { usePlanImportText } from '../plan-import.messages';

/** The Select's value for "create this department". */
const CREATE = '__create__';

/** Names we have no department for, excluding catch-alls such as 各镇区. */
export function newDepartmentsOf(departments: readonly ImportDepartment[]): ImportDepartment[] {
  return departments.filter((d) => d.existing === null && !d.group);
}

/** The starting answer: the best suggestion where there is one, otherwise create. */
export function initialChoices(departments: readonly ImportDepartment[]): Record<string, string | null> {
  return Object.fromEntries(newDepartmentsOf(departments).map((d) => [d.name, d.suggestions[0]?.id ?? null]));
}

/** For each new name: create it, or say which existing department it is. Known departments are only counted. */
export function DepartmentChoices({
  departments,
  choices,
  onChange,
  disabled,
}: {
  departments: readonly ImportDepartment[];
  choices: Record<string, string | null>;
  onChange(name: string, departmentId: string | null): void;
  disabled?: boolean;
}) {
  const text = usePlanImportText();
  const fresh = newDepartmentsOf(departments);
  const known = departments.filter((d) => d.existing !== null && !d.group);
  const groups = departments.filter((d) => d.group);
  return (
    <Card size="small" data-testid="import-new-departments" title={text.counted(text.newDepartments, fresh.length)}>
      {fresh.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noNewDepartments} style={{ margin: 8 }} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {text.newDepartmentsHint}
          </Typography.Paragraph>
          <Flex vertical gap={8}>
            {fresh.map((d) => (
              <Flex key={d.name} align="center" gap={8} wrap data-testid="import-new-department" data-name={d.name}>
                <Tag color="orange" style={{ minWidth: 180 }}>
                  {d.name}
                </Tag>
                <span aria-hidden>→</span>
                <Select
                  aria-label={d.name}
                  style={{ minWidth: 260 }}
                  disabled={disabled}
                  value={choices[d.name] ?? CREATE}
                  onChange={(value: string) => onChange(d.name, value === CREATE ? null : value)}
                  options={[{ value: CREATE, label: text.createNew }, ...d.suggestions.map((s) => ({ value: s.id, label: s.name }))]}
                />
              </Flex>
            ))}
          </Flex>
        </>
      )}
      {(known.length > 0 || groups.length > 0) && (
        <Collapse
          ghost
          size="small"
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'known',
              label: (
                <span data-testid="import-known-departments">
                  {text.knownDepartments(known.length)}
                  {groups.length > 0 && ` · ${text.groups(groups.length)}`}
                </span>
              ),
              children: (
                <Flex wrap gap={4}>
                  {known.map((d) => (
                    <Tag key={d.name}>{d.existing && d.existing.name !== d.name ? `${d.name} = ${d.existing.name}` : d.name}</Tag>
                  ))}
                  {groups.map((d) => (
                    <Tag key={d.name} color="purple">
                      {d.name}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

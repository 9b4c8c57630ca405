import { Alert, Button, Card, Descriptions, Flex, Statistic, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import type { PlanImportResult } from '../graphql/plan-import.graphql';
import { usePlanImportText } from '../plan-import.messages';
import { DepartmentChoices, newDepartmentsOf } from './DepartmentChoices';
import { IndicatorTable } from './IndicatorTable';
import { PreviewOutline } from './PreviewOutline';
import { UnplacedLines } from './UnplacedLines';

/** Step 2: what the document was read as, for the coordinator to check before anything is written. */
export function ImportPreview({
  result,
  sourceName,
  choices,
  onChoose,
  onBack,
  onConfirm,
  onOpenBoard,
  importing,
  error,
}: {
  result: PlanImportResult;
  sourceName: string;
  choices: Record<string, string | null>;
  onChoose(name: string, departmentId: string | null): void;
  onBack(): void;
  onConfirm(): void;
  onOpenBoard(planId: string): void;
  importing: boolean;
  error: ReactNode;
}) {
  const text = usePlanImportText();
  const { plan, tasks, indicators } = result.preview;
  // The result's own list is the one the server vouches for; the preview JSON carries the same lines.
  const unplaced = result.unplacedLines ?? result.preview.unplacedLines ?? [];
  const newNames = useMemo(() => new Set(newDepartmentsOf(result.departments).map((d) => d.name)), [result.departments]);
  const value = (v: string | null) => v || <Typography.Text type="secondary">{text.unknown}</Typography.Text>;

  return (
    <Flex vertical gap={16} data-testid="import-preview">
      <Card
        size="small"
        title={<span data-testid="import-plan-title">{plan.title || text.untitled}</span>}
        extra={
          <Flex gap={8}>
            <Button onClick={onBack} disabled={importing} data-testid="import-back">
              {text.back}
            </Button>
            {!result.alreadyImported && (
              <Button type="primary" loading={importing} onClick={onConfirm} data-testid="import-confirm">
                {importing ? text.importing : text.confirm}
              </Button>
            )}
          </Flex>
        }
      >
        {result.alreadyImported && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="import-already-imported"
            title={text.alreadyImported}
            action={
              result.planId ? (
                <Button size="small" type="primary" onClick={() => onOpenBoard(result.planId!)} data-testid="import-open-board">
                  {text.openBoard}
                </Button>
              ) : undefined
            }
          />
        )}
        {error}
        <Flex wrap gap={32} align="flex-start">
          <Descriptions
            size="small"
            column={1}
            style={{ flex: '1 1 360px' }}
            items={[
              { key: 'issuer', label: text.issuer, children: value(plan.issuer) },
              { key: 'docNumber', label: text.docNumber, children: value(plan.docNumber) },
              { key: 'issuedAt', label: text.issuedAt, children: value(plan.issuedAt) },
              { key: 'source', label: text.source, children: sourceName },
            ]}
          />
          <Flex gap={32}>
            <span data-testid="import-task-count">
              <Statistic title={text.tasks} value={result.taskCount} />
            </span>
            <span data-testid="import-indicator-count">
              <Statistic title={text.indicators} value={result.indicatorCount} />
            </span>
            <span data-testid="import-unplaced-count">
              <Statistic title={text.unplaced} value={unplaced.length} styles={unplaced.length ? { content: { color: '#d48806' } } : undefined} />
            </span>
          </Flex>
        </Flex>
      </Card>

      <UnplacedLines lines={unplaced} />

      <DepartmentChoices departments={result.departments} choices={choices} onChange={onChoose} disabled={importing || result.alreadyImported} />

      <Card size="small" title={text.counted(text.outline, tasks.length)}>
        <PreviewOutline tasks={tasks} newDepartments={newNames} />
      </Card>

      <Card size="small" title={text.counted(text.indicators, indicators.length)}>
        <IndicatorTable indicators={indicators} checks={result.allocationChecks ?? []} />
      </Card>
    </Flex>
  );
}

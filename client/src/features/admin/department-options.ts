import type { AdminText } from './admin.messages';
import type { AdminDepartment } from './graphql/admin.graphql';

const LEVELS = ['province', 'city', 'district', 'town', 'group'] as const;

export interface DepartmentOptionGroup {
  label: string;
  options: Array<{ value: string; label: string }>;
}

/** Departments grouped by level in directory order; districts and towns carry their parent's name, since town names repeat. */
export function departmentOptions(departments: readonly AdminDepartment[], text: AdminText): DepartmentOptionGroup[] {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const levelOf = (d: AdminDepartment) => ((LEVELS as readonly string[]).includes(d.level) ? d.level : 'group');
  const label = (d: AdminDepartment) => {
    const parent = d.parentId ? byId.get(d.parentId) : undefined;
    return parent && (d.level === 'district' || d.level === 'town') ? text.withParent(d.name, parent.name) : d.name;
  };
  return LEVELS.map((level) => ({ label: text.level[level] ?? level, options: departments.filter((d) => levelOf(d) === level).map((d) => ({ value: d.id, label: label(d) })) })).filter(
    (group) => group.options.length > 0,
  );
}

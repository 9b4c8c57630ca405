import { resolveDepartment } from '@workplan/shared';

export interface KnownDepartment {
  id: string;
  code: string;
  name: string;
}

export interface DepartmentMatch {
  /** The name as the document writes it (after the parser's abbreviation rules). */
  name: string;
  /** The department it is, if one exists already. */
  existing: KnownDepartment | null;
  /** Close existing names to offer when it is new (a typo, another spelling). */
  suggestions: KnownDepartment[];
}

/** Province and city prefixes and the common office suffixes carry little of a name's identity. */
const core = (name: string) => name.replace(/\s+/g, '').replace(/^(广东省|中山市|省|市)/, '');

/**
 * Dice similarity of the characters two names share. Chinese office names are short and their
 * abbreviations drop characters rather than reorder them (科学技术厅 → 科技厅), so shared characters
 * say more than shared character pairs.
 */
export function similarity(a: string, b: string): number {
  const x = [...core(a)];
  const y = [...core(b)];
  const pool = [...y];
  let shared = 0;
  for (const gram of x) {
    const i = pool.indexOf(gram);
    if (i >= 0) {
      shared++;
      pool.splice(i, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/**
 * Finds each name among the departments we have: by exact name, then through the department
 * directory (abbreviations, 经信委 → 省经济和信息化委), and otherwise proposes the closest names.
 */
export function matchDepartments(names: readonly string[], known: readonly KnownDepartment[]): DepartmentMatch[] {
  const byName = new Map(known.map((d) => [d.name, d]));
  const byCode = new Map(known.map((d) => [d.code, d]));
  return [...new Set(names)].map((name) => {
    const entry = resolveDepartment(name);
    const existing = byName.get(name) ?? (entry ? (byName.get(entry.name) ?? byCode.get(entry.code) ?? null) : null);
    const suggestions = existing
      ? []
      : known
          .map((d) => ({ d, score: similarity(name, d.name) }))
          .filter((s) => s.score >= 0.5)
          .sort((a, b) => b.score - a.score)
          .slice(0, 3)
          .map((s) => s.d);
    return { name, existing, suggestions };
  });
}

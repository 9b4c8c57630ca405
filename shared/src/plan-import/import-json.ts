/**
 * The public JSON of a parsed plan (`npm run import -- --dry-run --json`, the import preview).
 * Other programs read it: keep its keys exactly as they are.
 */
import type { ParsedPlan } from './parse-plan';
import type { StartStage } from './start-stage';

export interface ImportJson {
  plan: { title: string | null; issuer: string | null; docNumber: string | null; issuedAt: string | null };
  tasks: Array<{
    code: string;
    title: string;
    leadDepartments: string[];
    cooperatingDepartments: string[];
    groups: string[];
    deadline: string | null;
    startStage: StartStage;
    section: string;
  }>;
  indicators: Array<{
    name: string;
    unit: string;
    baseline: { year: number; value: number } | null;
    targets: Record<string, number>;
    allocations: Array<{ department: string; year: number; value: number }>;
  }>;
  unplacedLines: string[];
}

/** Copy exactly the contract's fields out of a parse (no task text, summary goals or checks). */
export function toImportJson(parsed: ParsedPlan): ImportJson {
  const { title, issuer, docNumber, issuedAt } = parsed.plan;
  return {
    plan: { title, issuer, docNumber, issuedAt },
    tasks: parsed.tasks.map((t) => ({
      code: t.code,
      title: t.title,
      leadDepartments: [...t.leadDepartments],
      cooperatingDepartments: [...t.cooperatingDepartments],
      groups: [...t.groups],
      deadline: t.deadline,
      startStage: t.startStage,
      section: t.section,
    })),
    indicators: parsed.indicators.map((i) => ({
      name: i.name,
      unit: i.unit,
      baseline: i.baseline ? { year: i.baseline.year, value: i.baseline.value } : null,
      targets: { ...i.targets },
      allocations: i.allocations.map((a) => ({ department: a.department, year: a.year, value: a.value })),
    })),
    unplacedLines: [...parsed.unplacedLines],
  };
}

/**
 * Supervision scoring (督办考核评分): each responsible department starts a period at a base score;
 * what happened to its work in the period adds or takes points, each with its reason, and the
 * totals rank the departments (rankDepartments) for commendation and yellow cards.
 */

/** What moves a department's score. */
export const SCORE_ITEM_KINDS = [
  /** A task or a unit's report sent back for rework: the nth return costs returnPenalties[n-1] (the last one repeats). */
  'RETURN',
  /** A first reminder (催办, a yellow card) issued to the department. */
  'YELLOW_CARD',
  /** A supervision notice (督办通知单, a red card) issued to the department. */
  'RED_CARD',
  /** A task (or the department's part of one) finished by its original deadline. */
  'FINISHED_ON_TIME',
  /** A leader's positive instruction (表扬性批示) on the department's work. */
  'POSITIVE_INSTRUCTION',
] as const;
export type ScoreItemKind = (typeof SCORE_ITEM_KINDS)[number];

export interface ScoringRules {
  /** Every department's score before anything happens (100). */
  base: number;
  /** Points taken for the 1st, 2nd, 3rd… return of the same task; past the list, its last value. */
  returnPenalties: number[];
  yellowCard: number;
  redCard: number;
  finishedOnTime: number;
  positiveInstruction: number;
}

/** The example rules of the issue and of the provinces' 督办 schemes. */
export const DEFAULT_SCORING_RULES: ScoringRules = {
  base: 100,
  returnPenalties: [0.5, 1, 2, 5],
  yellowCard: 5,
  redCard: 10,
  finishedOnTime: 1,
  positiveInstruction: 1,
};

/** Something that happened in the period, to be scored. */
export interface ScoreEvent {
  departmentId: string;
  kind: ScoreItemKind;
  taskId: string;
  taskCode: string;
  /** The day it happened (YYYY-MM-DD). */
  on: string;
  /** For RETURN: which return of this task it was (1 for the first), counting earlier periods too. */
  nth?: number;
}

export interface ScoreItem extends ScoreEvent {
  /** Signed: negative for a deduction. */
  points: number;
}

export interface DepartmentScoreCard {
  departmentId: string;
  /**
   * base + every item's points, never below 0. Bonus points may lift it past the base (and past
   * 100): one who finished on time must rank above one who merely was not late.
   */
  score: number;
  /** base + every item's points, below 0 too (what the deductions came to). */
  rawScore: number;
  deductions: number;
  additions: number;
  /** Every item, oldest first: what the department is shown as its breakdown. */
  items: ScoreItem[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Rejects rules that would make scores meaningless, with the field at fault. */
export function checkScoringRules(rules: ScoringRules): { field: keyof ScoringRules; message: string } | null {
  const points = (field: keyof ScoringRules, value: number, max = 100) =>
    Number.isFinite(value) && value >= 0 && value <= max ? null : { field, message: `${field} must be between 0 and ${max} points` };
  if (!Number.isFinite(rules.base) || rules.base <= 0 || rules.base > 100) return { field: 'base', message: 'base must be more than 0 and at most 100' };
  if (!Array.isArray(rules.returnPenalties) || rules.returnPenalties.length === 0 || rules.returnPenalties.length > 10) {
    return { field: 'returnPenalties', message: 'returnPenalties needs 1 to 10 values' };
  }
  for (const p of rules.returnPenalties) if (points('returnPenalties', p)) return points('returnPenalties', p);
  return (
    points('yellowCard', rules.yellowCard) ??
    points('redCard', rules.redCard) ??
    points('finishedOnTime', rules.finishedOnTime) ??
    points('positiveInstruction', rules.positiveInstruction)
  );
}

/** The points one event is worth under the rules. */
export function pointsFor(event: ScoreEvent, rules: ScoringRules): number {
  switch (event.kind) {
    case 'RETURN': {
      const nth = Math.max(1, event.nth ?? 1);
      return -rules.returnPenalties[Math.min(nth, rules.returnPenalties.length) - 1];
    }
    case 'YELLOW_CARD':
      return -rules.yellowCard;
    case 'RED_CARD':
      return -rules.redCard;
    case 'FINISHED_ON_TIME':
      return rules.finishedOnTime;
    case 'POSITIVE_INSTRUCTION':
      return rules.positiveInstruction;
  }
}

/**
 * Every department's score card for a period. `departments` lists who is scored (a department
 * with no events keeps the base); events of departments not listed are ignored.
 */
export function scoreDepartments(departments: readonly string[], events: readonly ScoreEvent[], rules: ScoringRules): DepartmentScoreCard[] {
  const items = new Map<string, ScoreItem[]>(departments.map((id) => [id, []]));
  const sorted = [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.taskCode < b.taskCode ? -1 : a.taskCode > b.taskCode ? 1 : 0));
  for (const event of sorted) items.get(event.departmentId)?.push({ ...event, points: pointsFor(event, rules) });
  return departments.map((departmentId) => {
    const mine = items.get(departmentId)!;
    const deductions = round2(-mine.filter((i) => i.points < 0).reduce((n, i) => n + i.points, 0));
    const additions = round2(mine.filter((i) => i.points > 0).reduce((n, i) => n + i.points, 0));
    const rawScore = round2(rules.base - deductions + additions);
    return { departmentId, score: Math.max(0, rawScore), rawScore, deductions, additions, items: mine };
  });
}

import { daysBetween } from '../report/calendar-days';
import { parsePeriod, type DateRange } from '../report/reporting-calendar';
import { DEADLINE_STAGES, type TaskStage } from '../task/task-stage';
import type { Light } from './warning-light';

/**
 * The supervision ledger (督办台账) and bulletin (督办通报): what the office hands to its leaders.
 * Pure rules shared by the server (the workbook, the bulletin query) and the client (the bulletin page).
 *
 * Each task falls in one group, decided in this order:
 * - ENDED (已中止撤销): a granted suspension or cancellation ended it (SUSPENDED, CANCELLED);
 * - FINISHED (已办结): implementation is over — it went to inspection and on (INSPECTION,
 *   COMMENDATION, ARCHIVED), the same line the deadline stops at (DEADLINE_STAGES) and scoring's
 *   "finished"; a task sent back for rectification or reopened by an instruction is open again;
 * - OVERDUE (已超期): still open and its due date (after any granted extension) has passed — the
 *   light's OVERDUE reason;
 * - IN_PROGRESS (正在办理): the rest.
 * Rejected and withdrawn proposals were never assigned work and are not in the ledger.
 */
export const LEDGER_GROUPS = ['FINISHED', 'IN_PROGRESS', 'OVERDUE', 'ENDED'] as const;
export type LedgerGroup = (typeof LEDGER_GROUPS)[number];

export const LEDGER_GROUP_LABELS: Record<LedgerGroup, string> = {
  FINISHED: '已办结',
  IN_PROGRESS: '正在办理',
  OVERDUE: '已超期',
  ENDED: '已中止撤销',
};

export const FINISHED_STAGES: readonly TaskStage[] = ['INSPECTION', 'COMMENDATION', 'ARCHIVED'];
export const ENDED_STAGES: readonly TaskStage[] = ['SUSPENDED', 'CANCELLED'];
/** The stages a ledger lists. */
export const LEDGER_STAGES: readonly TaskStage[] = [...DEADLINE_STAGES, ...FINISHED_STAGES, ...ENDED_STAGES];

/** The 目前状态 column: where the task stands, in the office's words. */
export const LEDGER_STAGE_LABELS: Partial<Record<TaskStage, string>> = {
  PROPOSAL: '方案制定中',
  REVIEW: '初审中',
  APPROVAL: '审定中',
  IMPLEMENTATION: '组织实施中',
  INSPECTION: '已办结，待检查',
  COMMENDATION: '已办结，检查通过',
  ARCHIVED: '已办结归档',
  SUSPENDED: '已中止',
  CANCELLED: '已撤销',
};

export function ledgerGroupOf(stage: TaskStage, dueDate: string | null, today: string): LedgerGroup {
  if (ENDED_STAGES.includes(stage)) return 'ENDED';
  if (FINISHED_STAGES.includes(stage)) return 'FINISHED';
  return dueDate !== null && dueDate < today ? 'OVERDUE' : 'IN_PROGRESS';
}

/**
 * 是否超期: open work past its due date; finished or ended work that closed after it (the closing
 * day in the plan's zone). A task without a deadline is never late.
 */
export function ledgerOverdue(dueDate: string | null, closedOn: string | null, today: string): boolean {
  if (dueDate === null) return false;
  return closedOn !== null ? closedOn > dueDate : dueDate < today;
}

/**
 * A unit's deadline as the ledger shows it. The unit's own record keeps the date it was given; a
 * granted extension moves the task's, and the unit works to that one from then on.
 */
export function unitDeadline(assignmentDue: string | null, taskDue: string | null, extended: boolean): string | null {
  if (extended && taskDue !== null && (assignmentDue === null || taskDue > assignmentDue)) return taskDue;
  return assignmentDue;
}

/** A task belongs to a period's ledger when it was assigned by the period's end and had not closed before it began. */
export function inLedgerPeriod(assignedOn: string, closedOn: string | null, range: DateRange): boolean {
  return assignedOn <= range.end && (closedOn === null || closedOn >= range.start);
}

/** 办结总时间: calendar days from assignment to the end of implementation; null while open. */
export function daysToFinish(assignedOn: string, finishedOn: string | null): number | null {
  return finishedOn === null ? null : Math.max(0, daysBetween(assignedOn, finishedOn));
}

const CN_NUMBERS = ['一', '二', '三', '四'];

/** 2026-Q4 → 2026年第四季度, 2026-H1 → 2026年上半年, 2026 → 2026年; throws RangeError on anything else. */
export function periodNameZh(period: string): string {
  const { year, cadence, index } = parsePeriod(period);
  if (cadence === 'QUARTER') return `${year}年第${CN_NUMBERS[index - 1]}季度`;
  if (cadence === 'HALF_YEAR') return `${year}年${index === 1 ? '上' : '下'}半年`;
  return `${year}年`;
}

/** E.g. 2026年第四季度重点工作督办台账. */
export function ledgerTitle(period: string): string {
  return `${periodNameZh(period)}重点工作督办台账`;
}

/** The bulletin's issue number within its year: the quarter or half, 1 for a year (督办通报〔2026〕第4期). */
export function bulletinIssue(period: string): { year: number; issue: number } {
  const { year, index } = parsePeriod(period);
  return { year, issue: index };
}

/** Why a unit is named in the bulletin for an item. */
export const LAGGING_REASONS = ['OVERDUE', 'FAR_BEHIND', 'NO_REPORT', 'RETURNED'] as const;
export type LaggingReason = (typeof LAGGING_REASONS)[number];

export const LAGGING_REASON_LABELS: Record<LaggingReason, string> = {
  OVERDUE: '超期未办结',
  FAR_BEHIND: '进度严重滞后（红灯）',
  NO_REPORT: '未报送办理情况',
  RETURNED: '报送情况被退回',
};

/** What the bulletin looks at for one unit of one item. */
export interface BulletinUnitFacts {
  taskId: string;
  taskCode: string;
  taskTitle: string;
  group: LedgerGroup;
  /** Only implementation asks for reports. */
  implementing: boolean;
  departmentId: string;
  departmentName: string;
  /** The unit's own light (its deadline against its latest percent). */
  light: Light;
  reported: boolean;
  /** Its latest report was returned and not yet filed again. */
  returned: boolean;
}

export interface BulletinTotals {
  total: number;
  finished: number;
  inProgress: number;
  overdue: number;
  ended: number;
  /** Shares of the total, in percent with one decimal (0 when there is nothing). */
  finishedPercent: number;
  inProgressPercent: number;
  overduePercent: number;
}

const percentOf = (part: number, total: number) => (total === 0 ? 0 : Math.round((part / total) * 1000) / 10);

export function bulletinTotals(groups: readonly LedgerGroup[]): BulletinTotals {
  const count = (group: LedgerGroup) => groups.filter((g) => g === group).length;
  const total = groups.length;
  const [finished, inProgress, overdue, ended] = [count('FINISHED'), count('IN_PROGRESS'), count('OVERDUE'), count('ENDED')];
  return {
    total,
    finished,
    inProgress,
    overdue,
    ended,
    finishedPercent: percentOf(finished, total),
    inProgressPercent: percentOf(inProgress, total),
    overduePercent: percentOf(overdue, total),
  };
}

export interface LaggingItem {
  taskId: string;
  taskCode: string;
  taskTitle: string;
  reasons: LaggingReason[];
}

export interface LaggingUnit {
  departmentId: string;
  departmentName: string;
  items: LaggingItem[];
}

/** Why this unit lags on this item; empty when it does not (finished and ended work never lags). */
export function laggingReasons(unit: BulletinUnitFacts): LaggingReason[] {
  if (unit.group === 'FINISHED' || unit.group === 'ENDED') return [];
  const reasons: LaggingReason[] = [];
  if (unit.group === 'OVERDUE') reasons.push('OVERDUE');
  else if (unit.light === 'RED') reasons.push('FAR_BEHIND');
  if (unit.implementing && !unit.reported) reasons.push('NO_REPORT');
  if (unit.returned) reasons.push('RETURNED');
  return reasons;
}

/** The units named in the bulletin, most items first (then by name), each item in the order given. */
export function laggingUnits(units: readonly BulletinUnitFacts[]): LaggingUnit[] {
  const byUnit = new Map<string, LaggingUnit>();
  for (const unit of units) {
    const reasons = laggingReasons(unit);
    if (!reasons.length) continue;
    const entry = byUnit.get(unit.departmentId) ?? { departmentId: unit.departmentId, departmentName: unit.departmentName, items: [] };
    entry.items.push({ taskId: unit.taskId, taskCode: unit.taskCode, taskTitle: unit.taskTitle, reasons });
    byUnit.set(unit.departmentId, entry);
  }
  return [...byUnit.values()].sort((a, b) => b.items.length - a.items.length || a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
}

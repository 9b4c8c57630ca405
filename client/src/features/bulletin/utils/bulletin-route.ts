import { periodOf, todayIn } from '@workplan/shared';

/** The bulletin's page: /bulletin?plan=<id>&period=2026-Q4 (the period defaults to this quarter). */
export const BULLETIN_PATH = '/bulletin';

export function isBulletinPath(pathname: string): boolean {
  return /^\/bulletin\/?$/.test(pathname);
}

export function bulletinParamsOf(search: string, today: string = todayIn()): { planId: string | null; period: string } {
  const params = new URLSearchParams(search);
  return { planId: params.get('plan') || null, period: params.get('period') || periodOf(today, 'QUARTER') };
}

export function bulletinPath(planId: string, period: string): string {
  return `${BULLETIN_PATH}?${new URLSearchParams({ plan: planId, period }).toString()}`;
}

/** The ledger download for a plan (or every plan), a department (lead or cooperating) and a period. */
export function supervisionLedgerPath(filter: { planId: string | null; departmentCode?: string | null }, period: string): string {
  const params = new URLSearchParams();
  if (filter.planId) params.set('plan', filter.planId);
  if (filter.departmentCode) {
    params.set('dept', filter.departmentCode);
    params.set('coop', '1');
  }
  params.set('period', period);
  return `/export/supervision-ledger.xlsx?${params.toString()}`;
}

/** Periods to choose from: this year's and last year's quarters, halves and years, newest first. */
export function recentPeriods(today: string = todayIn()): string[] {
  const year = Number(today.slice(0, 4));
  return [year, year - 1].flatMap((y) => [`${y}-Q4`, `${y}-Q3`, `${y}-H2`, `${y}-Q2`, `${y}-Q1`, `${y}-H1`, `${y}`]);
}

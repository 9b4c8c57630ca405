import { parsePeriod, periodOf, todayIn } from '@workplan/shared';

/** The quarter we are in (China time), e.g. 2026-Q3: the default assessment period. */
export function currentQuarter(today: string = todayIn()): string {
  return periodOf(today, 'QUARTER');
}

/** 2026-Q3, 2026-H1 or 2026 (spaces and a lower-case q/h forgiven); null when it is not a period. */
export function normalisePeriod(text: string): string | null {
  const period = text.trim().toUpperCase();
  try {
    parsePeriod(period);
    return period;
  } catch {
    return null;
  }
}

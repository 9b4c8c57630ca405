/**
 * Do a plan's district allocations add up to its targets? (004 附件2 against 附件1.)
 *
 * For every indicator with allocations, and every year they are given for, the allocations are
 * summed and compared with the indicator's target for that year through checkAllocations. Where
 * the decomposition table has a 合计 row that disagrees with the target, the message says so too.
 */
import { checkAllocations } from '../indicator/allocations';
import type { ParsedIndicator, StatedTotal } from './indicator-table';

export interface PlanAllocationCheck {
  indicator: string;
  year: number;
  /** The indicator's target for the year. */
  total: number;
  /** What the allocations add up to. */
  sum: number;
  ok: boolean;
  message: string;
}

/**
 * Rates and shares do not add up: the towns' 研发机构比例 (21%, 7% …) are not parts of the city's
 * 11%, and 百分点 are differences of rates. Indicators in these units are not checked. A unit
 * left blank on an indicator named as a rate (…比重, …比例, …率) is treated the same way.
 */
export function isNonAdditive(indicator: Pick<ParsedIndicator, 'name' | 'unit'>): boolean {
  const unit = indicator.unit.replace(/[\s\u3000]+/g, '');
  if (/[%％‰]|百分点|百分比/.test(unit)) return true;
  return unit === '' && /(?:比重|比例|占比|率)$/.test(indicator.name);
}

const formatNumber = (value: number) => String(Number(value.toPrecision(12)));

/** Decimal places a figure is written with (3.96 → 2). */
function decimals(value: number): number {
  const m = /\.(\d+)$/.exec(String(value));
  return m ? Math.min(m[1]!.length, 10) : 0;
}

const round = (value: number, places: number) => Number(value.toFixed(places));

/**
 * Check every indicator's allocations, year by year, against its target. `tolerance` is passed to
 * checkAllocations (relative; the default accepts float noise only, so a published table that
 * rounds each town's figure and misses the total by 0.03 is reported, not hidden).
 */
export function checkIndicatorAllocations(
  indicators: readonly ParsedIndicator[],
  statedTotals: readonly StatedTotal[] = [],
  tolerance?: number,
): PlanAllocationCheck[] {
  const checks: PlanAllocationCheck[] = [];
  for (const indicator of indicators) {
    if (isNonAdditive(indicator)) continue;
    const years = [...new Set(indicator.allocations.map((a) => a.year))].sort((a, b) => a - b);
    for (const year of years) {
      const total = indicator.targets[String(year)];
      if (total === undefined) continue; // nothing to check against
      const allocations = indicator.allocations.filter((a) => a.year === year);
      const check = checkAllocations(total, allocations, tolerance);
      // Town figures written to 2 decimals add up with float noise (479.9699999999999, a gap of
      // 0.0300000000001): report the sum and the gap to the places the table writes.
      const places = Math.max(decimals(total), ...allocations.map((a) => decimals(a.value)));
      const sum = round(check.sum, places);
      const gap = Math.abs(check.difference);
      let message = check.message.split(formatNumber(gap)).join(formatNumber(round(gap, places)));
      const stated = statedTotals.find((t) => t.indicator === indicator.name && t.year === year);
      if (stated && stated.value !== total) message += ` The table's own 合计 row says ${formatNumber(stated.value)}.`;
      checks.push({ indicator: indicator.name, year, total, sum, ok: check.ok, message });
    }
  }
  return checks;
}

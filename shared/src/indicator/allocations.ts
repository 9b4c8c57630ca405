export interface Allocation {
  department: string;
  value: number;
}

export interface AllocationCheck {
  ok: boolean;
  sum: number;
  /** sum − total: negative when part of the total is not allocated, positive when more is. */
  difference: number;
  message: string;
}

/** Enough digits for any figure in a plan, without float noise like 0.30000000000000004. */
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(10)));
}

/**
 * 附件2: a plan's yearly target split across towns and districts must add up to the plan's
 * total, or be flagged. Only meaningful for additive units (亿元, 家, 万千瓦): rates and shares
 * (%) of districts do not sum to the province's rate, so do not check those.
 *
 * `tolerance` is relative to the larger of total and sum, because published tables round each
 * district's figure; pass e.g. 0.005 to accept a half-percent rounding gap.
 */
export function checkAllocations(total: number, allocations: readonly Allocation[], tolerance = 1e-6): AllocationCheck {
  if (!Number.isFinite(total)) throw new RangeError(`the plan's total must be a number, got ${total}`);
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) throw new RangeError(`tolerance must be a non-negative number, got ${tolerance}`);
  let sum = 0;
  for (const { department, value } of allocations) {
    if (!Number.isFinite(value)) throw new RangeError(`the allocation to ${department} is not a number: ${value}`);
    sum += value;
  }
  const difference = sum - total;
  const ok = Math.abs(difference) <= tolerance * Math.max(Math.abs(total), Math.abs(sum));
  const [s, t, d] = [formatNumber(sum), formatNumber(total), formatNumber(Math.abs(difference))];
  const counted = `${allocations.length} ${allocations.length === 1 ? 'allocation adds' : 'allocations add'} up to ${s}`;
  let message: string;
  if (ok) message = `${counted}, matching the plan's total of ${t}.`;
  else if (difference < 0) message = `${counted} but the plan's total is ${t}: ${d} is not allocated to anyone.`;
  else message = `${counted} but the plan's total is ${t}: ${d} more than the total is allocated.`;
  return { ok, sum, difference, message };
}

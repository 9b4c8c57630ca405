import { checkAllocations } from './allocations';

const districts = (...values: number[]) => values.map((value, i) => ({ department: `district-${i + 1}`, value }));

describe('checkAllocations (附件2)', () => {
  it.each<[string, number, number[], boolean, number, RegExp]>([
    ['exact', 100, [40, 35, 25], true, 0, /3 allocations add up to 100, matching the plan's total of 100/],
    ['short', 100, [40, 35, 20], false, -5, /add up to 95 but the plan's total is 100: 5 is not allocated/],
    ['over', 100, [40, 35, 30], false, 5, /add up to 105 but the plan's total is 100: 5 more than the total is allocated/],
    ['float noise is not a gap', 0.3, [0.1, 0.2], true, 0, /add up to 0.3, matching/],
    ['decimals in the message', 12.5, [3.2, 4.1], false, -5.2, /add up to 7.3 .*: 5.2 is not allocated/],
    ['one district', 10, [10], true, 0, /^1 allocation adds up to 10,/],
    ['nothing allocated', 24, [], false, -24, /0 allocations add up to 0 .*: 24 is not allocated/],
    ['zero total, zero sum', 0, [0, 0], true, 0, /matching/],
  ])('%s', (_label, total, values, ok, difference, message) => {
    const check = checkAllocations(total, districts(...values));
    expect(check.ok).toBe(ok);
    expect(check.difference).toBeCloseTo(difference, 9);
    expect(check.sum).toBeCloseTo(total + difference, 9);
    expect(check.message).toMatch(message);
  });

  it('a relative tolerance accepts the rounding of published tables', () => {
    // 24 districts rounded to one decimal place rarely add up exactly.
    expect(checkAllocations(1000, districts(500.1, 499.8)).ok).toBe(false);
    expect(checkAllocations(1000, districts(500.1, 499.8), 0.001).ok).toBe(true);
  });

  it('names the district whose figure is not a number', () => {
    expect(() => checkAllocations(10, [{ department: '南沙区', value: Number.NaN }])).toThrow(/南沙区/);
    expect(() => checkAllocations(10, districts(10), -1)).toThrow(RangeError);
  });
});

import { checkIndicatorAllocations, isNonAdditive } from './allocation-checks';
import { type ParsedIndicator } from './indicator-table';

const indicator = (name: string, unit: string, targets: Record<string, number>, allocations: Array<[string, number, number]>): ParsedIndicator => ({
  name,
  unit,
  baseline: null,
  targets,
  summaryGoal: null,
  allocations: allocations.map(([department, year, value]) => ({ department, year, value })),
});

describe('isNonAdditive', () => {
  it.each([
    ['%', '比重', true],
    ['％', '比重', true],
    ['‰', '千人发病率', true],
    ['百分点', '提高', true],
    ['', '研发机构比例', true],
    ['', '综合利用率', true],
    ['亿元', '工业投资', false],
    ['家', '企业', false],
    ['', '工业投资', false],
  ])('%j %j → %p', (unit, name, expected) => {
    expect(isNonAdditive({ name, unit })).toBe(expected);
  });
});

describe('checkIndicatorAllocations', () => {
  it('checks each year with allocations against that year’s target', () => {
    const list = [indicator('投资', '亿元', { 2015: 10, 2016: 20 }, [['甲', 2015, 4], ['乙', 2015, 6], ['甲', 2016, 5]])];
    expect(checkIndicatorAllocations(list)).toEqual([
      { indicator: '投资', year: 2015, total: 10, sum: 10, ok: true, message: "2 allocations add up to 10, matching the plan's total of 10." },
      { indicator: '投资', year: 2016, total: 20, sum: 5, ok: false, message: "1 allocation adds up to 5 but the plan's total is 20: 15 is not allocated to anyone." },
    ]);
  });

  it('skips rates and years without a target', () => {
    const list = [indicator('比重', '%', { 2015: 11 }, [['甲', 2015, 21]]), indicator('投资', '亿元', { 2016: 1 }, [['甲', 2015, 1]])];
    expect(checkIndicatorAllocations(list)).toEqual([]);
  });

  it('reports sums and gaps to the places the table writes, without float noise', () => {
    const list = [indicator('增加值', '亿元', { 2015: 480 }, [['甲', 2015, 200.0], ['乙', 2015, 41.74], ['丙', 2015, 238.23]])];
    const [check] = checkIndicatorAllocations(list);
    expect(check).toMatchObject({ sum: 479.97, ok: false });
    expect(check!.message).toBe("3 allocations add up to 479.97 but the plan's total is 480: 0.03 is not allocated to anyone.");
  });

  it('mentions a 合计 row that disagrees with the target', () => {
    const list = [indicator('投资', '亿元', { 2015: 10 }, [['甲', 2015, 10]])];
    expect(checkIndicatorAllocations(list, [{ indicator: '投资', year: 2015, value: 12 }])[0]!.message).toBe(
      "1 allocation adds up to 10, matching the plan's total of 10. The table's own 合计 row says 12.",
    );
  });

  it('accepts a rounding gap within the tolerance given', () => {
    const list = [indicator('投资', '亿元', { 2015: 120 }, [['甲', 2015, 119.96]])];
    expect(checkIndicatorAllocations(list, [], 0.001)[0]!.ok).toBe(true);
    expect(checkIndicatorAllocations(list)[0]!.ok).toBe(false);
  });
});

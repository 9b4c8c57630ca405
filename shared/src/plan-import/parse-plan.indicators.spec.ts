/**
 * Seed 004 (中山市工业转型升级攻坚战三年行动计划) end to end: its 附件1 target table and its 附件2
 * decomposition table, as a coordinator would check them against the printed document.
 */
import * as fs from 'fs';
import * as path from 'path';
import { type ParsedIndicator, type ParsedPlan, parsePlan } from './index';

const SEEDS = path.join(__dirname, '../../fixtures/seeds');
const seedText = (prefix: string) => {
  const file = fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  return fs.readFileSync(path.join(SEEDS, file), 'utf8');
};

const TECH_UPGRADE = '开展技改的规模以上工业企业';
const TECH_UPGRADE_LARGE = '开展技改的规模以上工业企业（其中年主营业务收入超5000万元企业）';

/**
 * 附件1 工业转型升级攻坚战三年行动目标总表, row by row as printed: name, unit, 2015 / 2016 / 2017
 * (null where the table prints -), 我市目标. 附件1 has no 基期 column; the baseline is given only
 * where the plan's own text says 从2014年的X…到Y with Y the 2017 figure (一、（三） and 二、（四）).
 * The row 开展技改的…（其中…）（家） prints 350（220）: two indicators, the bracketed one named by its 其中.
 */
const TARGET_TABLE: Array<[string, string, number | null, number | null, number | null, string | null, [number, number] | null]> = [
  ['规模以上工业增加值', '亿元', 1417, 1530, 1653, '年均增长8%左右', [2014, 1312]],
  ['规模以上工业企业研发投入占主营业务收入比重', '%', 1.3, 1.35, 1.4, '三年累计提高0.15个百分点', [2014, 1.25]],
  ['高新技术产品产值', '万亿元', 0.31, 0.34, 0.38, '年均增长10%', null], // the text says 2800亿元→3726亿元: another unit
  ['先进制造业增加值占规模以上工业增加值比重', '%', 37.1, 37.8, 38.5, '三年累计提高2.1个百分点', null],
  ['高技术制造业增加值占规模以上工业增加值比重', '%', 17.6, 18.1, 18.6, '三年累计提高1.5个百分点', null],
  ['规模以上工业企业设立研发机构比例', '%', 11, 13, 15, '三年累计提高6个百分点', null],
  ['工业企业省级以上企业技术中心、重点实验室、工程中心、工程实验室', '家', 154, 159, 164, '三年累计增加15家左右', null],
  ['工业投资', '亿元', 280, 320, 380, '三年累计980亿元', null],
  ['工业技改投资', '亿元', 130, 165, 205, '三年累计500亿元', null],
  [TECH_UPGRADE, '家', 350, 500, 550, '三年累计1400家（660家）', null],
  [TECH_UPGRADE_LARGE, '家', 220, 220, 220, '三年累计1400家（660家）', null],
  ['装备制造业投资', '亿元', 120, 150, 180, '三年累计450亿元', null],
  ['装备制造业工业增加值', '亿元', 480, 530, 620, '年均增长约18%', null],
  ['规模以上工业企业开展“机器换人”', '家', 80, 85, 85, '三年累计250家', null],
  ['年产值超亿元智能制造骨干企业累计', '家', 4, 5, 6, '三年累计新增3家', null],
  ['机器人制造及相关智能装备总产值', '亿元', 13, 16, 20, '年均增长26%', [2014, 10]],
  ['实现电机能效提升', '万千瓦', 24, null, null, null, null], // 24 / - / - / -
  ['推动省级以上工业园区开展循环化改造', '个', 1, null, null, null, null], // 1 / - / - / -
  ['推动企业开展自愿性清洁生产审核', '家', 3, 3, 3, '三年累计9家', null],
  ['节能环保产业增加值', '亿元', 70, 80, 92, '年均增长约15%', null], // the text's 节能环保产业总产值 300→460亿元 is another measure
];

/** 附件2's columns, left to right, as the indicators they are (附件2 writes 骨干企业 without 累计). */
const COLUMNS = [
  '规模以上工业企业设立研发机构比例',
  '工业投资',
  '工业技改投资',
  TECH_UPGRADE, // 4（3）: the bracketed figure goes to TECH_UPGRADE_LARGE
  '装备制造业工业增加值',
  '装备制造业投资',
  '年产值超亿元智能制造骨干企业累计',
  '规模以上工业企业开展“机器换人”',
  '实现电机能效提升',
  '推动省级以上工业园区开展循环化改造',
];

/** 附件2 工业转型升级攻坚战三年行动2015年度目标分解表, the 24 town rows as printed (spaces in 东  区 dropped). */
const DECOMPOSITION = [
  '石岐区 21 3.50 2.15 4（3） 3.96 1.42 0 2 0.25 0',
  '东区 7 4.50 2.18 5（3） 5.18 1.42 0 2 0.22 0',
  '火炬开发区（含翠亨新区） 25 77.20 33.40 40（36） 200.00 23.62 2 11 3.25 0',
  '西区 23 6.70 3.38 5（3） 13.40 2.36 0 2 0.28 0',
  '南区 14 5.80 2.90 8（4） 27.00 4.72 1 2 0.37 0',
  '五桂山 14 1.50 1.00 4（2） 1.00 0.00 0 1 0.16 0',
  '小榄镇 11 24.60 14.80 40（25） 41.74 4.72 0 8 3.07 0',
  '黄圃镇 12 14.40 6.80 20（11） 30.00 4.72 0 4 1.77 0',
  '民众镇 7 7.10 2.39 11（4） 3.00 9.45 0 2 0.71 0',
  '东凤镇 9 18.10 8.60 20（9） 12.00 2.36 0 4 1.39 0',
  '东升镇 4 6.20 3.00 24（13） 28.58 2.36 0 5 1.15 0',
  '古镇镇 10 10.40 2.55 10（8） 1.82 4.72 0 3 1.18 0',
  '沙溪镇 10 4.80 1.80 10（5） 1.53 2.36 0 2 0.80 0',
  '坦洲镇 5 9.60 5.98 18（15） 20.00 11.81 0 4 0.71 0',
  '港口镇 10 7.50 3.20 12（7） 7.20 1.42 0 2 0.54 0',
  '三角镇 8 13.50 6.00 14（8） 33.00 4.72 0 3 1.66 0',
  '横栏镇 15 4.50 1.90 8（5） 1.69 4.72 0 2 1.10 0',
  '南头镇 15 14.00 9.80 24（16） 15.42 2.36 1 6 1.30 0',
  '阜沙镇 6 6.50 2.50 12（7） 5.71 4.72 0 3 0.57 0',
  '南朗镇 7 15.40 5.20 18（12） 8.00 7.09 0 4 0.59 1',
  '三乡镇 8 5.20 3.97 15（8） 4.48 2.36 0 3 1.40 0',
  '板芙镇 7 8.20 3.00 12（6） 5.20 9.45 0 2 0.45 0',
  '大涌镇 1 5.30 1.50 10（6） 1.56 2.36 0 2 0.69 0',
  '神湾镇 2 5.50 2.00 6（4） 8.50 4.72 0 1 0.40 0',
];

/** The towns as the directory names them: 火炬开发区（含翠亨新区） is the directory's 火炬开发区. */
const TOWN_NAMES = DECOMPOSITION.map((row) => row.split(' ')[0]!.replace('火炬开发区（含翠亨新区）', '火炬开发区'));

/** The allocations the printed rows give, per indicator, in row order. */
function printedAllocations(): Map<string, Array<{ department: string; year: number; value: number }>> {
  const byIndicator = new Map<string, Array<{ department: string; year: number; value: number }>>();
  const add = (name: string, department: string, value: number) => {
    if (!byIndicator.has(name)) byIndicator.set(name, []);
    byIndicator.get(name)!.push({ department, year: 2015, value });
  };
  DECOMPOSITION.forEach((row, r) => {
    const cells = row.split(' ').slice(1);
    expect(cells).toHaveLength(COLUMNS.length);
    cells.forEach((cell, c) => {
      const pair = /^(\d+)（(\d+)）$/.exec(cell);
      add(COLUMNS[c]!, TOWN_NAMES[r]!, Number(pair ? pair[1] : cell));
      if (pair) add(TECH_UPGRADE_LARGE, TOWN_NAMES[r]!, Number(pair[2]));
    });
  });
  return byIndicator;
}

describe('seed 004: the 附件1 target table', () => {
  const text = seedText('004');
  const plan = parsePlan(text);
  const byName = (name: string): ParsedIndicator => {
    const found = plan.indicators.find((i) => i.name === name);
    if (!found) throw new Error(`no indicator ${name} in ${plan.indicators.map((i) => i.name).join(' / ')}`);
    return found;
  };

  it('reads its 19 rows as 20 indicators, in the order printed', () => {
    expect(plan.indicators.map((i) => i.name)).toEqual(TARGET_TABLE.map(([name]) => name));
  });

  it.each(TARGET_TABLE)('%s (%s): %p / %p / %p, %s', (name, unit, y2015, y2016, y2017, goal, baseline) => {
    const targets: Record<string, number> = {};
    if (y2015 !== null) targets['2015'] = y2015;
    if (y2016 !== null) targets['2016'] = y2016;
    if (y2017 !== null) targets['2017'] = y2017;
    expect(byName(name)).toMatchObject({
      unit,
      targets,
      summaryGoal: goal,
      baseline: baseline ? { year: baseline[0], value: baseline[1] } : null,
    });
  });

  it('transcribes the document: each row above is the printed name and its four cells', () => {
    const lines = text.split('\n').map((l) => l.trim());
    const large = TARGET_TABLE.find(([name]) => name === TECH_UPGRADE_LARGE)!;
    for (const [name, unit, y2015, y2016, y2017, goal] of TARGET_TABLE) {
      if (name === TECH_UPGRADE_LARGE) continue; // printed inside the 开展技改 row
      const written = name === TECH_UPGRADE ? `${TECH_UPGRADE_LARGE}（${unit}）` : `${name}（${unit}）`;
      const at = lines.indexOf(written);
      expect(at).toBeGreaterThan(0);
      const cells = [y2015, y2016, y2017].map((v, k) => (v === null ? '-' : name === TECH_UPGRADE ? `${v}（${large[2 + k]}）` : String(v)));
      expect(lines.slice(at + 1, at + 5)).toEqual([...cells, goal ?? '-']);
    }
  });

  it('leaves the blank years (-) of 电机能效 and 循环化改造 out rather than reading them as 0', () => {
    expect(Object.keys(byName('实现电机能效提升').targets)).toEqual(['2015']);
    expect(Object.keys(byName('推动省级以上工业园区开展循环化改造').targets)).toEqual(['2015']);
  });
});

describe('seed 004: the 附件2 decomposition table (2015)', () => {
  const plan = parsePlan(seedText('004'));
  const printed = printedAllocations();

  it('has 24 town rows of 10 figures, one of them 350（220）-style: 11 series of 24, 264 allocations', () => {
    expect(DECOMPOSITION).toHaveLength(24);
    expect(printed.size).toBe(11);
    const withAllocations = plan.indicators.filter((i) => i.allocations.length > 0);
    expect(withAllocations.map((i) => i.name).sort()).toEqual([...printed.keys()].sort());
    for (const i of withAllocations) expect(i.allocations).toHaveLength(24);
    expect(plan.indicators.reduce((n, i) => n + i.allocations.length, 0)).toBe(264);
  });

  it.each(COLUMNS.concat(TECH_UPGRADE_LARGE))('allocates %s to each town as printed, for 2015', (name) => {
    expect(plan.indicators.find((i) => i.name === name)!.allocations).toEqual(printed.get(name));
  });

  it('names every town as the directory does, and does not allocate to the 中山市合计 row', () => {
    const departments = new Set(plan.indicators.flatMap((i) => i.allocations.map((a) => a.department)));
    expect([...departments]).toEqual(TOWN_NAMES);
    expect(departments.has('东  区')).toBe(false);
    expect([...departments].some((d) => d.includes('合计'))).toBe(false);
  });

  it('checks the additive indicators: 7 add up to the 附件1 target, 3 miss it by a rounding gap', () => {
    const checks = plan.allocationChecks.map((c) => [c.indicator, c.year, c.total, c.sum, c.ok]);
    expect(checks).toEqual([
      ['工业投资', 2015, 280, 280, true],
      ['工业技改投资', 2015, 130, 130, true],
      [TECH_UPGRADE, 2015, 350, 350, true],
      [TECH_UPGRADE_LARGE, 2015, 220, 220, true],
      ['装备制造业投资', 2015, 120, 119.96, false],
      ['装备制造业工业增加值', 2015, 480, 479.97, false],
      ['规模以上工业企业开展“机器换人”', 2015, 80, 80, true],
      ['年产值超亿元智能制造骨干企业累计', 2015, 4, 4, true],
      ['实现电机能效提升', 2015, 24, 24.01, false],
      ['推动省级以上工业园区开展循环化改造', 2015, 1, 1, true],
    ]);
  });

  it('says how far off the three that miss are', () => {
    const message = (name: string) => plan.allocationChecks.find((c) => c.indicator === name)!.message;
    expect(message('装备制造业投资')).toBe("24 allocations add up to 119.96 but the plan's total is 120: 0.04 is not allocated to anyone.");
    expect(message('装备制造业工业增加值')).toBe("24 allocations add up to 479.97 but the plan's total is 480: 0.03 is not allocated to anyone.");
    expect(message('实现电机能效提升')).toBe("24 allocations add up to 24.01 but the plan's total is 24: 0.01 more than the total is allocated.");
  });

  it('does not check the percentage column (研发机构比例: the towns add up to 251%, the city target is 11%)', () => {
    expect(plan.allocationChecks.some((c) => c.indicator === '规模以上工业企业设立研发机构比例')).toBe(false);
    const towns = plan.indicators.find((i) => i.name === '规模以上工业企业设立研发机构比例')!.allocations;
    expect(towns.reduce((s, a) => s + a.value, 0)).toBe(251);
  });

  it('accepts the rounding gaps when asked to tolerate half a percent', () => {
    expect(parsePlan(seedText('004'), { allocationTolerance: 0.005 }).allocationChecks.every((c) => c.ok)).toBe(true);
  });
});

describe('seed 004: tables are not text', () => {
  const plan: ParsedPlan = parsePlan(seedText('004'));

  it('places every line: no table cell is reported as unplaced', () => {
    expect(plan.unplacedLines).toEqual([]);
  });

  it('keeps the 34 tasks, none of them holding a table cell', () => {
    expect(plan.tasks).toHaveLength(34);
    const tableCell = /石岐区|神湾镇|指标名称|我市目标|合计|（亿元）|（家）|（万千瓦）|350（220）/;
    expect(plan.tasks.filter((t) => tableCell.test(t.text + t.title + t.section))).toEqual([]);
  });

  it('starts every task at IMPLEMENTATION: an action plan with lead units', () => {
    expect(new Set(plan.tasks.map((t) => t.startStage))).toEqual(new Set(['IMPLEMENTATION']));
  });
});

describe.each(['000', '001', '003'])('seed %s: no indicator tables', (prefix) => {
  const plan = parsePlan(seedText(prefix));

  it('finds no indicators and no checks, and leaves nothing unplaced', () => {
    expect(plan.indicators).toEqual([]);
    expect(plan.allocationChecks).toEqual([]);
    expect(plan.unplacedLines).toEqual([]);
  });
});

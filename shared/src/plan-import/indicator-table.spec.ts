import { type DirectoryDepartment } from '../department/department-directory';
import {
  collectIndicators,
  fillBaselinesFromText,
  findIndicatorTables,
  type ParsedIndicator,
  parseTableNumber,
  splitIndicatorName,
} from './indicator-table';
import { parsePlan } from './parse-plan';

const doc = (...lines: string[]) => lines.join('\n');
/** A flattened table: each row's cells on their own tab lines, rows separated by a blank line. */
const table = (...rows: string[][]) => rows.map((cells) => cells.map((c) => `\t${c}`).join('\n')).join('\n\n');

describe('parseTableNumber', () => {
  it.each([
    ['1312', 1312],
    ['3.50', 3.5],
    ['0', 0],
    ['-9', -9],
    ['－9', -9],
    ['1,312', 1312],
    ['1，312', 1312],
    ['1、312', 1312],
    ['１３１２', 1312],
    ['３．５０', 3.5],
    ['1653*', 1653],
    ['1653①', 1653],
    ['1653注1', 1653],
    ['1653（注2）', 1653],
    ['1653[1]', 1653],
    ['1653¹', 1653],
    ['※1653', 1653],
    ['8%', 8],
    ['1653亿元', 1653],
    ['约20', 20],
    ['20以上', 20],
    [' 24 ', 24],
  ])('%j is %p', (cell, value) => {
    expect(parseTableNumber(cell)).toEqual({ value, sub: null });
  });

  it.each(['', '　', '-', '－', '—', '——', '/', '／', '无', '…'])('%j is a blank cell', (cell) => {
    expect(parseTableNumber(cell)).toBeNull();
  });

  it('reads 350（220） as a figure with its bracketed part', () => {
    expect(parseTableNumber('350（220）')).toEqual({ value: 350, sub: 220 });
    expect(parseTableNumber('４(３)')).toEqual({ value: 4, sub: 3 });
  });

  it.each(['年均增长8%左右', '三年累计9家', '6，00', '约五百', '1.2.3'])('%j is not a figure', (cell) => {
    expect(parseTableNumber(cell)).toBeUndefined();
  });
});

describe('splitIndicatorName', () => {
  it.each([
    ['规模以上工业增加值（亿元）', '规模以上工业增加值', '亿元'],
    ['研发投入占主营业务收入比重（%）', '研发投入占主营业务收入比重', '%'],
    ['实现电机能效提升（万千瓦）', '实现电机能效提升', '万千瓦'],
    ['推动循环化改造(个)', '推动循环化改造', '个'],
    ['装备制造业\n投资\n（亿元）', '装备制造业投资', '亿元'],
    ['单位工业增加值能耗下降（％）', '单位工业增加值能耗下降', '%'],
    ['规模以上工业增加值（全市）', '规模以上工业增加值（全市）', ''],
    ['工业投资', '工业投资', ''],
  ])('%j → %j in %j', (written, name, unit) => {
    expect(splitIndicatorName(written)).toEqual({ name, unit, subName: null });
  });

  it('names the part a （其中…） row counts', () => {
    expect(splitIndicatorName('开展技改的规模以上工业企业（其中年主营业务收入超5000万元企业）（家）')).toEqual({
      name: '开展技改的规模以上工业企业',
      unit: '家',
      subName: '开展技改的规模以上工业企业（其中年主营业务收入超5000万元企业）',
    });
  });
});

describe('findIndicatorTables: recognising tables by their header cells', () => {
  it('reads a target table with 序号, 单位, a 基期 column and a summary column', () => {
    const lines = doc(
      '主要目标表',
      table(
        ['序号', '指标名称', '单位', '2015年基期值', '2016年', '2017年', '2018年', '备注'],
        ['1', '工业总产值', '亿元', '480', '５５０', '—', '660*', '年均增长11%'],
        ['2', '新增规模以上工业企业', '家', '-', '12', '15', '18', '三年累计45家'],
      ),
    ).split('\n');
    const [found, ...more] = findIndicatorTables(lines);
    expect(more).toEqual([]);
    expect(found).toMatchObject({
      kind: 'targets',
      caption: '主要目标表',
      rejected: [],
      rows: [
        { name: '工业总产值', unit: '亿元', baseline: { year: 2015, value: 480 }, targets: { 2016: 550, 2018: 660 }, summaryGoal: '年均增长11%' },
        { name: '新增规模以上工业企业', unit: '家', baseline: null, targets: { 2016: 12, 2017: 15, 2018: 18 }, summaryGoal: '三年累计45家' },
      ],
    });
    expect(found!.lines).toEqual(lines.map((_, i) => i).filter((i) => lines[i] !== ''));
  });

  it('reads an empty leading cell (a tab alone) and a category column', () => {
    const lines = table(['', '指标名称', '2015年', '2016年', '我市目标'], ['质量效益', '工业增加值（亿元）', '1417', '1530', '年均增长8%'], ['', '工业投资（亿元）', '280', '320', '-']).split('\n');
    const [found] = findIndicatorTables(lines);
    expect(found).toMatchObject({
      kind: 'targets',
      rows: [
        { name: '工业增加值', unit: '亿元', targets: { 2015: 1417, 2016: 1530 }, summaryGoal: '年均增长8%' },
        { name: '工业投资', unit: '亿元', targets: { 2015: 280, 2016: 320 }, summaryGoal: null },
      ],
    });
  });

  it('reads a decomposition table: indicator names over place rows, the year from the caption', () => {
    const lines = doc(
      '附件2',
      '2016年度目标分解表',
      table(['镇街＼指标', '工业总产值（亿元）', '新增规上企业（家）'], ['合计', '550', '12'], ['城关镇', '３００', '7'], ['新城街道', '250①', '—']),
    ).split('\n');
    const [found] = findIndicatorTables(lines);
    expect(found).toEqual({
      kind: 'allocations',
      caption: '2016年度目标分解表',
      year: 2016,
      lines: lines.map((_, i) => i).filter((i) => lines[i] !== ''),
      columns: [
        { name: '工业总产值', unit: '亿元', subName: null },
        { name: '新增规上企业', unit: '家', subName: null },
      ],
      rows: [
        { place: '合计', total: true, values: [{ value: 550, sub: null }, { value: 12, sub: null }] },
        { place: '城关镇', total: false, values: [{ value: 300, sub: null }, { value: 7, sub: null }] },
        { place: '新城街道', total: false, values: [{ value: 250, sub: null }, null] },
      ],
      rejected: [],
    });
  });

  it('joins wrapped cells, also the 中山市 / blank / 合计 cell of 004', () => {
    const lines = doc(
      '2015年度目标分解表',
      '\t   指标',
      '\t装备制造业',
      '投资',
      '（亿元）',
      '\t工业投资（亿元）',
      '',
      '\t中山市',
      '',
      '合计',
      '\t120',
      '\t280',
      '',
      '\t火炬开发区（含翠亨',
      '  新区）',
      '\t23.62',
      '\t77.20',
    ).split('\n');
    const [found] = findIndicatorTables(lines);
    expect(found).toMatchObject({
      kind: 'allocations',
      year: 2015,
      columns: [{ name: '装备制造业投资', unit: '亿元' }, { name: '工业投资', unit: '亿元' }],
      rows: [
        { place: '中山市合计', total: true },
        { place: '火炬开发区（含翠亨新区）', total: false, values: [{ value: 23.62, sub: null }, { value: 77.2, sub: null }] },
      ],
    });
  });

  it('leaves schedule tables and lone cells alone', () => {
    const schedule = table(['序号', '事项', '时间进度', '分工安排'], ['1', '制订办法。', '3月', '工业园区处']);
    expect(findIndicatorTables(doc('进度安排', schedule, '', '\t2015-2017年分年度目标', '', '——2015年，达到1.3%。').split('\n'))).toEqual([]);
  });

  it('ignores a header without a single figure under it', () => {
    expect(findIndicatorTables(table(['指标名称', '2015年'], ['工业投资', '待定']).split('\n'))).toEqual([]);
  });

  it('rejects rows that do not fit or cannot be read, keeping their text', () => {
    const lines = table(['指标名称', '2015年', '2016年'], ['工业投资（亿元）', '280', '约三百'], ['多出来的', '1', '2', '3']).split('\n');
    const [found] = findIndicatorTables(lines);
    expect(found!.rejected).toEqual(['工业投资（亿元） 280 约三百', '多出来的 1 2 3']);
    expect(found).toMatchObject({ rows: [{ name: '工业投资', targets: { 2015: 280 } }] });
  });
});

describe('collectIndicators', () => {
  const targets = table(['指标名称', '2015年', '2016年'], ['年产值超亿元骨干企业累计（家）', '4', '5'], ['开展技改企业（其中大企业）（家）', '350（220）', '500（220）']);
  const allocations = doc(
    '2015年度目标分解表',
    table(['指标', '年产值超亿元骨干企业（家）', '开展技改企业（其中大企业）（家）', '新增用地（亩）'], ['合计', '4', '350（220）', '90'], ['东  区', '1', '150（100）', '40'], ['新镇', '3', '200（120）', '50']),
  );

  it('matches columns to target rows up to 累计 and spacing, splits 350（220）, and resolves towns', () => {
    const { indicators, statedTotals, rejected } = collectIndicators(findIndicatorTables(doc(targets, '', '附件2', allocations).split('\n')));
    expect(rejected).toEqual([]);
    expect(indicators.map((i) => [i.name, i.unit, i.targets, i.allocations.map((a) => `${a.department} ${a.year} ${a.value}`)])).toEqual([
      ['年产值超亿元骨干企业累计', '家', { 2015: 4, 2016: 5 }, ['东区 2015 1', '新镇 2015 3']],
      ['开展技改企业', '家', { 2015: 350, 2016: 500 }, ['东区 2015 150', '新镇 2015 200']],
      ['开展技改企业（其中大企业）', '家', { 2015: 220, 2016: 220 }, ['东区 2015 100', '新镇 2015 120']],
      // named only by the decomposition: its 2015 target is the 合计 row
      ['新增用地', '亩', { 2015: 90 }, ['东区 2015 40', '新镇 2015 50']],
    ]);
    expect(statedTotals).toContainEqual({ indicator: '新增用地', year: 2015, value: 90 });
  });

  it('keeps an indicator in another unit apart (亿元 against 万亿元)', () => {
    const tables = findIndicatorTables(
      doc(table(['指标名称', '2015年'], ['产值（万亿元）', '0.31']), '', '附件2', '2015年分解表', table(['指标', '产值（亿元）', '投资（亿元）'], ['东区', '3', '1'])).split('\n'),
    );
    expect(collectIndicators(tables).indicators.map((i) => [i.name, i.unit, i.allocations.length])).toEqual([
      ['产值', '万亿元', 0],
      ['产值', '亿元', 1],
      ['投资', '亿元', 1],
    ]);
  });

  it('uses the directory it is given, and keeps unknown places as written', () => {
    const directory: DirectoryDepartment[] = [{ code: 'x', name: '甲镇人民政府', aliases: ['甲镇'], level: 'town' }];
    const tables = findIndicatorTables(doc('2016年分解表', table(['地区', '投资（亿元）', '企业（家）'], ['甲镇', '1', '2'], ['乙镇', '3', '4'])).split('\n'));
    expect(collectIndicators(tables, { directory }).indicators[0]!.allocations.map((a) => a.department)).toEqual(['甲镇人民政府', '乙镇']);
  });

  it("takes the document's year for a decomposition table whose caption names none, and reports one with no year at all", () => {
    const tables = findIndicatorTables(doc('分解表', table(['指标', '投资（亿元）', '企业（家）'], ['甲镇', '1', '2'])).split('\n'));
    expect(collectIndicators(tables, { year: 2019 }).indicators[0]!.allocations).toEqual([{ department: '甲镇', year: 2019, value: 1 }]);
    expect(collectIndicators(tables)).toMatchObject({ indicators: [], rejected: ['分解表'] });
  });
});

describe('fillBaselinesFromText', () => {
  const indicator = (name: string, unit: string, targets: Record<string, number>): ParsedIndicator => ({ name, unit, baseline: null, targets, summaryGoal: null, allocations: [] });

  it('takes 从2014年的X…到Y when the name, the unit and the last target match', () => {
    const list = [
      indicator('规模以上工业增加值', '亿元', { 2015: 1417, 2017: 1653 }),
      indicator('研发投入比重', '%', { 2017: 1.4 }),
      indicator('机器人总产值', '亿元', { 2017: 20 }),
    ];
    fillBaselinesFromText(list, '规模以上工业增加值从2014年的1312亿元增长到1653亿元；研发投入比重从２０１４年的1.25％提升到1.4%；机器人总产值从2014年的10亿元提高到20亿元以上。');
    expect(list.map((i) => i.baseline)).toEqual([
      { year: 2014, value: 1312 },
      { year: 2014, value: 1.25 },
      { year: 2014, value: 10 },
    ]);
  });

  it('does not take a sentence in another unit, about another figure, or about a longer name', () => {
    const list = [
      indicator('高新技术产品产值', '万亿元', { 2017: 0.38 }),
      indicator('节能环保产业增加值', '亿元', { 2017: 92 }),
      indicator('工业增加值', '亿元', { 2017: 1653 }),
    ];
    fillBaselinesFromText(list, '高新技术产品产值从2014年的2800亿元增长到3726亿元；节能环保产业增加值从2014年的300亿元提高到460亿元；占规模以上工业增加值的比重从2014年的36.4%提高到38.5%。');
    expect(list.map((i) => i.baseline)).toEqual([null, null, null]);
  });
});

describe('parsePlan: indicator tables in a document like 004 with other indicators and towns', () => {
  const text = doc(
    '某县工业发展三年行动方案',
    '一、主要目标',
    '到2018年，工业总产值从2015年的480亿元增长到660亿元。',
    '二、主要任务',
    '1.推进技术改造。（县经济和信息化局）',
    '2.培育规上企业。（县科技局）',
    '附件1',
    '主要目标表',
    table(
      ['序号', '指标名称', '单位', '2015年基期值', '2016年', '2017年', '2018年', '备注'],
      ['1', '工业总产值', '亿元', '—', '５５０', '6，00', '660*', '年均增长11%'],
      ['2', '新增规模以上工业企业', '家', '-', '12', '15', '18', '三年累计45家'],
      ['3', '研发投入占比', '%', '1.1', '1.2', '1.3', '1.5', '－'],
    ),
    '',
    '附件2',
    '2016年度目标分解表',
    table(['镇街＼指标', '工业总产值（亿元）', '新增规模以上工业企业（家）', '研发投入占比（%）'], ['合计', '550', '12', '1.2'], ['城关镇', '３００', '7', '1.5'], ['新城街道', '250①', '—', '0.9']),
  );
  const plan = parsePlan(text);

  it('reads the indicators, the baseline from the 基期 column or else from the text', () => {
    expect(plan.indicators.map((i) => [i.name, i.unit, i.baseline, i.targets, i.summaryGoal])).toEqual([
      ['工业总产值', '亿元', { year: 2015, value: 480 }, { 2016: 550, 2018: 660 }, '年均增长11%'],
      ['新增规模以上工业企业', '家', null, { 2016: 12, 2017: 15, 2018: 18 }, '三年累计45家'],
      ['研发投入占比', '%', { year: 2015, value: 1.1 }, { 2016: 1.2, 2017: 1.3, 2018: 1.5 }, null],
    ]);
  });

  it('checks the additive indicators only, and says what is missing', () => {
    expect(plan.allocationChecks).toEqual([
      { indicator: '工业总产值', year: 2016, total: 550, sum: 550, ok: true, message: "2 allocations add up to 550, matching the plan's total of 550." },
      {
        indicator: '新增规模以上工业企业',
        year: 2016,
        total: 12,
        sum: 7,
        ok: false,
        message: "1 allocation adds up to 7 but the plan's total is 12: 5 is not allocated to anyone.",
      },
    ]);
  });

  it('reports the row with an unreadable figure, and no other table line', () => {
    expect(plan.unplacedLines).toEqual(['1 工业总产值 亿元 — ５５０ 6，00 660* 年均增长11%']);
  });

  it('does not take the 序号 rows of the target table as tasks', () => {
    expect(plan.tasks.map((t) => t.code)).toEqual(['2.1', '2.2']);
  });
});

describe('parsePlan: a table inside the outline', () => {
  const text = doc(
    '一、主要目标',
    '（一）经济运行。',
    '1.工业增加值年均增长8%。（市经济和信息化局）',
    '主要指标分年度目标表',
    table(['指标名称', '2015年', '2016年', '2017年'], ['规模以上工业增加值（亿元）', '1417', '1530', '1653'], ['工业投资（亿元）', '280', '320', '380']),
    '',
    '2.工业投资稳定增长。（市发展改革局、经济和信息化局）',
    '二、保障措施',
    '1.加强组织领导。（市政府）',
  );

  it('keeps the cells out of the task above it (before, they swallowed task 1.1.1 and left it unplaced)', () => {
    const plan = parsePlan(text);
    expect(plan.tasks.map((t) => [t.code, t.text, t.leadDepartments])).toEqual([
      ['1.1.1', '工业增加值年均增长8%', ['市经济和信息化局']],
      ['1.1.2', '工业投资稳定增长', ['市发展改革局']],
      ['2.1', '加强组织领导', ['中山市人民政府']],
    ]);
    expect(plan.unplacedLines).toEqual([]);
    expect(plan.indicators.map((i) => i.name)).toEqual(['规模以上工业增加值', '工业投资']);
  });
});

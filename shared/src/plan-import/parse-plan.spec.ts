import { type DirectoryDepartment } from '../department/department-directory';
import { firstSentence, parsePlan } from './parse-plan';

const doc = (...lines: string[]) => lines.join('\n');

const summary = (text: string, options?: Parameters<typeof parsePlan>[1]) =>
  parsePlan(text, options).tasks.map((t) => [t.code, t.title, t.leadDepartments, t.cooperatingDepartments, t.groups, t.deadline]);

describe('parsePlan: outline numbering', () => {
  it.each([
    ['1.', '1.支持企业创新。（省科技厅）'],
    ['1、', '1、支持企业创新。（省科技厅）'],
    ['1．', '1．支持企业创新。（省科技厅）'],
    ['1. with spaces', '　　1. 支持企业创新。（省科技厅）'],
  ])('codes a %s item by its path', (_, line) => {
    const { tasks } = parsePlan(doc('一、主要任务', '（一）增强创新能力。', line));
    expect(tasks.map((t) => [t.code, t.title, t.section])).toEqual([['1.1.1', '支持企业创新', '增强创新能力']]);
  });

  it('codes —— and - bullets by position under their item', () => {
    const text = doc(
      '一、重点攻坚行动',
      '（二）实施技术改造。',
      '1．工作目标。',
      '——2015年，引导350家企业实施技术改造。',
      '2．重点任务。',
      '——支持企业增资扩产。（市经济和信息化局、财政局，各镇区）',
      '- 推动企业设备更新。(市经济和信息化局)',
    );
    expect(summary(text)).toEqual([
      ['1.2.2.1', '支持企业增资扩产', ['市经济和信息化局'], ['市财政局'], ['各镇区'], null],
      ['1.2.2.2', '推动企业设备更新', ['市经济和信息化局'], [], [], null],
    ]);
  });

  it('makes a （x） section with one unnumbered paragraph ending in departments a task', () => {
    const text = doc(
      '一、主要目标分工安排',
      '（三）产业结构。',
      '1.培育企业集团。（省经济和信息化委、发展改革委）',
      '（四）“两化”融合。',
      '',
      '重点骨干企业信息技术集成应用达到国际先进水平。（省经济和信息化委）',
    );
    const task = parsePlan(text).tasks.find((t) => t.code === '1.4');
    expect(task).toEqual({
      code: '1.4',
      title: '“两化”融合',
      text: '“两化”融合。重点骨干企业信息技术集成应用达到国际先进水平',
      leadDepartments: ['省经济和信息化委'],
      cooperatingDepartments: [],
      groups: [],
      deadline: null,
      section: '主要目标分工安排',
      startStage: 'IMPLEMENTATION',
    });
  });

  it('makes a （x） heading with its own department list a task', () => {
    const text = doc('三、重点领域发展导向分工安排', '（一）发展先进装备制造业。(省发展改革委，经济和信息化委)');
    expect(summary(text)).toEqual([['3.1', '发展先进装备制造业', ['省发展改革委'], ['省经济和信息化委'], [], null]]);
  });

  it('does not make explanatory sections into tasks', () => {
    const text = doc(
      '一、总体要求',
      '以推进两化融合为目标，促进转型升级。',
      '二、工作要求',
      '（一）高度重视，充分认识加快工业转型升级的重要性。',
      '（二）加强跟踪督办。每年6月底、12月底前报送进展情况。',
      '——市场主导与政府引导相结合。',
    );
    expect(parsePlan(text, { year: 2015 })).toMatchObject({ tasks: [], unplacedLines: [] });
  });
});

describe('parsePlan: departments', () => {
  it('reads both bracket widths and all separators, and keeps lead first', () => {
    const text = doc(
      '一、任务',
      '1.甲。（省发展改革委、经济和信息化委）',
      '2.乙。(省科技厅,财政厅)',
      '3.丙。（省外经贸厅，国资委）',
      '4.丁。（工业园区处会节能和循环经济处）',
      '5.戊。（工业园区处牵头）',
      '6.己。牵头单位：省科技厅；配合单位：省教育厅。',
      '7.庚。（各地级以上市人民政府）',
    );
    expect(summary(text)).toEqual([
      ['1.1', '甲', ['省发展改革委'], ['省经济和信息化委'], [], null],
      ['1.2', '乙', ['省科技厅'], ['省财政厅'], [], null],
      ['1.3', '丙', ['省外经贸厅'], ['省国资委'], [], null],
      ['1.4', '丁', ['工业园区处'], ['节能和循环经济处'], [], null],
      ['1.5', '戊', ['工业园区处'], [], [], null],
      ['1.6', '己', ['省科技厅'], ['省教育厅'], [], null],
      ['1.7', '庚', ['各地级以上市人民政府'], [], ['各地级以上市人民政府'], null],
    ]);
  });

  it('uses the directory it is given', () => {
    const directory: DirectoryDepartment[] = [{ code: 'a', name: '省甲委', aliases: ['甲委'], level: 'province' }];
    const { tasks } = parsePlan(doc('一、任务', '1.做事。（甲委）'), { directory });
    expect(tasks[0]!.leadDepartments).toEqual(['省甲委']);
  });
});

describe('parsePlan: deadlines and schedule notes (001 style)', () => {
  const text = doc(
    '二〇一一年四月二十六日',
    '',
    '一、具体推进措施',
    '(一) 第一阶段(3月-4月)：确定突破点。',
    '1、提出部门突破点。由省发展改革委、经济和信息化委等2个省直有关部门提出。',
    '2、制定工作方案。',
    '(二) 第二阶段(4-9月)：组织实施。',
    '3、各市、各部门9月中旬向省经济和信息化委报送工作推进情况。',
    '二、工作进展要求',
    '第2项，于5月10日前报省经济和信息化委备案。',
    '第3项，于9月底前向省委报告。',
    '第9项，没有这一项。',
  );

  it('takes a date from the text, else from a 第N项 note, else from the stage heading', () => {
    expect(summary(text)).toEqual([
      ['1.1.1', '提出部门突破点', ['省发展改革委'], ['省经济和信息化委'], [], '2011-04-30'],
      ['1.1.2', '制定工作方案', [], [], [], '2011-05-10'],
      [
        '1.2.3',
        '各市、各部门9月中旬向省经济和信息化委报送工作推进情况',
        ['各地级以上市人民政府'],
        [],
        ['各地级以上市人民政府', '省政府各部门'],
        '2011-09-30',
      ],
    ]);
  });

  it('reports a note for an item that does not exist', () => {
    expect(parsePlan(text).unplacedLines).toEqual(['第9项，没有这一项。']);
  });

  it('does not attach a note when several items carry the number', () => {
    const ambiguous = doc('一、甲', '1.做甲。（省科技厅）', '二、乙', '1.做乙。（省财政厅）', '三、要求', '第1项，10月底前完成。');
    const parsed = parsePlan(ambiguous, { year: 2011 });
    expect(parsed.tasks.map((t) => t.deadline)).toEqual([null, null]);
    expect(parsed.unplacedLines).toEqual(['第1项，10月底前完成。']);
  });
});

describe('parsePlan: the year of deadlines', () => {
  const body = ['一、任务', '1.做事，10月底前完成。（省科技厅）'];
  const deadline = (text: string, options?: { year?: number }) => parsePlan(text, options).tasks[0]!.deadline;

  it('prefers the signing date', () => {
    expect(deadline(doc('二〇一二年五月九日', ...body), { year: 2020 })).toBe('2012-10-31');
  });

  it('then the 文号', () => {
    expect(deadline(doc('粤府办〔2013〕5号', ...body), { year: 2020 })).toBe('2013-10-31');
  });

  it('then options.year', () => {
    expect(deadline(doc('2014年工作方案', ...body), { year: 2020 })).toBe('2020-10-31');
  });

  it('then the year the text mentions most', () => {
    expect(deadline(doc('2014年工作方案', ...body))).toBe('2014-10-31');
  });

  it('and gives null when there is no year at all', () => {
    expect(deadline(doc(...body))).toBeNull();
  });
});

describe('parsePlan: schedule tables', () => {
  it('turns rows into tasks numbered after the last chapter', () => {
    const text = doc(
      '一、任务',
      '1.甲。（工业园区处）',
      '二、保障措施',
      '（一）统筹协调。',
      '2011年重点工作进度',
      '',
      '\t序号',
      '\t事项',
      '\t时间进度',
      '\t分工安排',
      '',
      '\t1',
      '\t制订操作办法。',
      '\t3-7月',
      '\t工业园区处会人事处',
      '',
      '\t2',
      '\t开展调研',
      '\t全年',
      '\t工业园区处、综合处',
      '',
      '\t3',
      '\t残缺的行',
    );
    const parsed = parsePlan(text);
    expect(parsed.tasks.map((t) => [t.code, t.title, t.leadDepartments, t.cooperatingDepartments, t.deadline, t.section])).toEqual([
      ['1.1', '甲', ['工业园区处'], [], null, '任务'],
      ['3.1', '制订操作办法', ['工业园区处'], ['人事处'], '2011-07-31', '2011年重点工作进度'],
      ['3.2', '开展调研', ['工业园区处'], ['综合处'], '2011-12-31', '2011年重点工作进度'],
    ]);
    expect(parsed.unplacedLines).toEqual(['3 残缺的行']);
  });
});

describe('parsePlan: unplaced lines', () => {
  it('reports a department paragraph that belongs to no task, and a numbered item with nothing to act on', () => {
    const text = doc(
      '一、任务',
      '本部分工作由有关部门落实。（省科技厅）',
      '（一）创新。',
      '1.做事。（省科技厅）',
      '2.一个既无单位也无时间的条目。',
      '（二）其他说明，不是任务。',
    );
    const parsed = parsePlan(text);
    expect(parsed.tasks.map((t) => t.code)).toEqual(['1.1.1']);
    expect(parsed.unplacedLines).toEqual(['本部分工作由有关部门落实。（省科技厅）', '2.一个既无单位也无时间的条目。']);
  });
});

describe('parsePlan: input handling', () => {
  it('accepts CRLF line endings', () => {
    const { tasks } = parsePlan('一、任务\r\n1.做事。（省科技厅）\r\n');
    expect(tasks.map((t) => [t.code, t.leadDepartments])).toEqual([['1.1', ['省科技厅']]]);
  });

  it('returns an empty plan for empty text', () => {
    expect(parsePlan('')).toEqual({
      plan: { title: null, issuer: null, docNumber: null, issuedAt: null },
      tasks: [],
      indicators: [],
      allocationChecks: [],
      unplacedLines: [],
    });
  });

  it('gives every task its own arrays', () => {
    const { tasks } = parsePlan(doc('一、任务', '1.甲。（省科技厅）', '2.乙。（省科技厅）'));
    tasks[0]!.leadDepartments.push('x');
    expect(tasks[1]!.leadDepartments).toEqual(['省科技厅']);
  });
});

describe('firstSentence', () => {
  it.each([
    ['支持企业增资扩产。对重点项目积极协调。', '支持企业增资扩产'],
    ['实施《计划。草案》，推进工作。其他', '实施《计划。草案》，推进工作'],
    ['没有句号', '没有句号'],
    ['按照“年中报进度。”的要求。后文', '按照“年中报进度。”的要求'],
  ])('%j → %j', (text, first) => {
    expect(firstSentence(text)).toBe(first);
  });
});

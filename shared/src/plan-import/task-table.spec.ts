import { extractTaskTables } from './task-table';

const SCHEDULE = [
  '三、保障措施',
  '',
  '产业转移2011年重点工作进度及分工安排',
  '',
  '\t序号',
  '\t事项',
  '\t时间进度',
  '\t分工安排',
  '',
  '\t1',
  '\t制订省产业转移工业园升降级制操作办法。',
  '\t3月',
  '\t工业园区处',
  '',
  '\t2',
  '\t筹备全省产业转移和',
  '劳动力转移工作会议。',
  '\t4月',
  '\t工业园区处、办公室',
  '',
  '\t3',
  '\t只有两个单元格',
  '',
  '\t ',
];

describe('extractTaskTables', () => {
  it('reads a flattened schedule table: caption, rows, wrapped cells', () => {
    const [table] = extractTaskTables(SCHEDULE);
    expect(table!.caption).toBe('产业转移2011年重点工作进度及分工安排');
    expect(table!.rows).toEqual([
      { number: 1, title: '制订省产业转移工业园升降级制操作办法。', deadline: '3月', departments: '工业园区处', lines: [9, 10, 11, 12] },
      { number: 2, title: '筹备全省产业转移和劳动力转移工作会议。', deadline: '4月', departments: '工业园区处、办公室', lines: [14, 15, 16, 17, 18] },
    ]);
  });

  it('reports rows that do not fit the header', () => {
    expect(extractTaskTables(SCHEDULE)[0]!.rejected).toEqual(['3 只有两个单元格']);
  });

  it('covers caption, header and rows in its lines, and not the text above', () => {
    const { lines } = extractTaskTables(SCHEDULE)[0]!;
    expect(lines).toContain(2);
    expect(lines).toContain(4);
    expect(lines).toContain(21);
    expect(lines).not.toContain(0);
  });

  it('ignores indicator tables and lone indented lines', () => {
    const lines = ['\t2015-2017年分年度目标', '', '——2015年，目标。', '', '\t指标名称', '\t2015年', '', '\t工业投资（亿元）', '\t280'];
    expect(extractTaskTables(lines)).toEqual([]);
  });

  it('works without deadline or department columns', () => {
    const [table] = extractTaskTables(['\t序号', '\t工作任务', '', '\t1', '\t做某事']);
    expect(table!.caption).toBeNull();
    expect(table!.rows).toEqual([{ number: 1, title: '做某事', deadline: null, departments: null, lines: [3, 4] }]);
  });
});

describe('extractTaskTables caption', () => {
  it('does not take a sentence above the table as its caption', () => {
    const [table] = extractTaskTables(['各单位按下表落实。', '\t序号', '\t事项', '', '\t1', '\t做某事']);
    expect(table!.caption).toBeNull();
  });
});

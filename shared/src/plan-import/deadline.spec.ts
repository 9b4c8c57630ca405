import { findDatePhrases, parseDeadline } from './deadline';

describe('parseDeadline', () => {
  it.each<[string, string | null]>([
    // the phrases of 001 and 003
    ['于5月10日前报省经济和信息化委、科技厅', '2011-05-10'],
    ['9月中旬向省经济和信息化委、科技厅报送工作推进情况', '2011-09-20'],
    ['10月底前完成', '2011-10-31'],
    ['第一阶段(3月-4月)：确定转型升级突破点', '2011-04-30'],
    ['第二阶段(4-9月)：组织实施阶段', '2011-09-30'],
    ['第三阶段(10月)：检查指导推进阶段', '2011-10-31'],
    ['6-10月', '2011-10-31'],
    ['3-7月', '2011-07-31'],
    ['3月至4月', '2011-04-30'],
    ['全年', '2011-12-31'],
    ['年底前形成相关总结报告', '2011-12-31'],
    ['于4月底报省经济和信息化委备案', '2011-04-30'],
    ['6月报省经济和信息化委', '2011-06-30'],
    // parts of a month
    ['3月初由省经济和信息化委发出通知', '2011-03-10'],
    ['9月上旬', '2011-09-10'],
    ['9月下旬', '2011-09-30'],
    ['12月末', '2011-12-31'],
    ['3月初步完成', '2011-03-31'],
    ['2月底', '2011-02-28'],
    // Chinese numerals, explicit years, quarters and halves
    ['十月底前', '2011-10-31'],
    ['于十二月十日前', '2011-12-10'],
    ['2012年6月底前', '2012-06-30'],
    ['到2017年末', '2017-12-31'],
    ['第三季度', '2011-09-30'],
    ['一季度', '2011-03-31'],
    ['上半年', '2011-06-30'],
    ['下半年', '2011-12-31'],
    // the latest date wins: a task is due when its last step is
    ['6月报进度，9月中旬报送情况，于9月底前向省委报告', '2011-09-30'],
    ['3月初发出通知，3月中旬提出突破点', '2011-03-20'],
    // not deadlines
    ['全部工业增加值年均增长8%', null],
    ['三年内完成', null],
    ['统一月度报表', null],
    ['（2015-2017年）', null],
    ['从不同地区选取1-2个转型升级突破点', null],
    ['较“十一五”末提高2个百分点', null],
    ['国庆节后组织若干小组赴各地指导检查', null],
    ['每季度报送', null],
    ['2011年13月', null],
  ])('%j → %j', (text, iso) => {
    expect(parseDeadline(text, 2011)).toBe(iso);
  });

  it('uses the year it is given', () => {
    expect(parseDeadline('2月底', 2012)).toBe('2012-02-29');
    expect(parseDeadline('10月底前', 2015)).toBe('2015-10-31');
  });

  it('gives null without a year, unless the phrase states one', () => {
    expect(parseDeadline('10月底前', null)).toBeNull();
    expect(parseDeadline('2012年6月底前', null)).toBe('2012-06-30');
  });
});

describe('findDatePhrases', () => {
  it('lists phrases in order with their position', () => {
    const text = '3月初发出通知，各部门3月中旬提出，年底前召开现场会';
    expect(findDatePhrases(text, 2011)).toEqual([
      { text: '3月初', index: 0, date: '2011-03-10' },
      { text: '3月中旬', index: text.indexOf('3月中旬'), date: '2011-03-20' },
      { text: '年底', index: text.indexOf('年底'), date: '2011-12-31' },
    ]);
  });
});

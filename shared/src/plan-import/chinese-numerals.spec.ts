import { daysInMonth, isoDate, parseChineseDate, parseChineseNumber, parseChineseYear, toAsciiDigits } from './chinese-numerals';

describe('parseChineseNumber', () => {
  it.each<[string, number | null]>([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['十二', 12],
    ['二十', 20],
    ['二十六', 26],
    ['三十一', 31],
    ['两', 2],
    ['7', 7],
    ['１２', 12],
    ['', null],
    ['〇', null],
    ['十十', null],
    ['一二', null],
    ['abc', null],
  ])('%j → %j', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });
});

describe('parseChineseYear', () => {
  it.each<[string, number | null]>([
    ['二〇一二', 2012],
    ['二○一一', 2011], // U+25CB, common in scanned documents
    ['二零一五', 2015],
    ['2017', 2017],
    ['２０１１', 2011],
    ['二〇一', null],
    ['二〇一x', null],
  ])('%j → %j', (text, year) => {
    expect(parseChineseYear(text)).toBe(year);
  });
});

describe('parseChineseDate', () => {
  it.each<[string, string | null]>([
    ['二〇一二年五月九日', '2012-05-09'], // 000
    ['二〇一一年四月二十六日', '2011-04-26'], // 001
    ['二○一二年十二月三十一日', '2012-12-31'],
    ['2011年4月26日', '2011-04-26'],
    ['２０１１年４月２６日', '2011-04-26'],
    [' 二〇一二年 五月九日 ', '2012-05-09'],
    ['2012年2月29日', '2012-02-29'],
    ['2011年2月29日', null],
    ['2011年13月1日', null],
    ['二〇一二年五月', null],
    ['于二〇一二年五月九日前', null],
    ['广东省人民政府办公厅', null],
  ])('%j → %j', (text, iso) => {
    expect(parseChineseDate(text)).toBe(iso);
  });
});

describe('date helpers', () => {
  it('knows month lengths, leap years included', () => {
    expect(daysInMonth(2011, 2)).toBe(28);
    expect(daysInMonth(2012, 2)).toBe(29);
    expect(daysInMonth(2011, 4)).toBe(30);
    expect(daysInMonth(2011, 12)).toBe(31);
  });

  it('formats and validates ISO dates', () => {
    expect(isoDate(2011, 5, 10)).toBe('2011-05-10');
    expect(isoDate(2011, 4, 31)).toBeNull();
    expect(isoDate(2011, 0, 1)).toBeNull();
  });

  it('converts full-width digits', () => {
    expect(toAsciiDigits('第３项，２０１１年')).toBe('第3项，2011年');
  });
});

import { extractPlanHeader, inferDocumentYear, parseDocNumber } from './header';

describe('parseDocNumber', () => {
  it.each<[string, { docNumber: string; year: number } | null]>([
    ['粤经信技改〔2011〕333号', { docNumber: '粤经信技改〔2011〕333号', year: 2011 }],
    ['  国发〔2011〕47号  ', { docNumber: '国发〔2011〕47号', year: 2011 }],
    ['粤府办[2012]45号', { docNumber: '粤府办[2012]45号', year: 2012 }],
    ['中府办（2015）10号', { docNumber: '中府办（2015）10号', year: 2015 }],
    // a 文号 cited inside a sentence is someone else's document
    ['根据《通知》（国发〔2011〕47号）要求', null],
    ['粤经信技改〔2011〕', null],
  ])('%j', (line, expected) => {
    expect(parseDocNumber(line)).toEqual(expected);
  });
});

describe('extractPlanHeader', () => {
  it('reads a cover notice: 文号, issuer above the date, and the plan heading above the body', () => {
    const lines = [
      '关于印发全省某某工作方案的通知  ',
      '粤经信技改〔2011〕333号',
      '',
      '各地级以上市人民政府：',
      '现将《全省某某工作方案》印发给你们。',
      '',
      '广东省经济和信息化委员会  ',
      '二〇一一年四月二十六日',
      '',
      '全省某某工作方案',
      '',
      '一、总体要求',
    ];
    expect(extractPlanHeader(lines, 11)).toEqual({
      title: '全省某某工作方案',
      issuer: '广东省经济和信息化委员会',
      docNumber: '粤经信技改〔2011〕333号',
      issuedAt: '2011-04-26',
    });
  });

  it('joins a heading broken over two lines and skips the blank between issuer and date', () => {
    const lines = ['各市人民政府：', '', '广东省人民政府办公厅', '', '二〇一二年五月九日', '', '工业转型升级规划主要目标和', '重点任务分工落实方案', '', '一、目标'];
    expect(extractPlanHeader(lines, 9)).toEqual({
      title: '工业转型升级规划主要目标和重点任务分工落实方案',
      issuer: '广东省人民政府办公厅',
      docNumber: null,
      issuedAt: '2012-05-09',
    });
  });

  it('keeps the period line of a plan heading', () => {
    const lines = ['中山市工业转型升级攻坚战三年行动计划', '（2015-2017年）', '', '为贯彻落实《广东省行动计划》，特制定本行动计划。', '一、总体要求'];
    expect(extractPlanHeader(lines, 4).title).toBe('中山市工业转型升级攻坚战三年行动计划（2015-2017年）');
  });

  it('unwraps a notice title when it is the only heading', () => {
    expect(extractPlanHeader(['关于印发《某某实施方案》的通知', '一、要求'], 1).title).toBe('某某实施方案');
  });

  it('falls back to a 《…》 plan name in the cover text', () => {
    const lines = ['各有关单位：', '《某某分工落实方案》已经同意，现印发给你们。', '一、要求'];
    expect(extractPlanHeader(lines, 2).title).toBe('某某分工落实方案');
  });

  it('gives nulls for a plan without cover, date or 文号', () => {
    expect(extractPlanHeader(['为做好工作，制订本方案。', '一、思路'], 1)).toEqual({
      title: null,
      issuer: null,
      docNumber: null,
      issuedAt: null,
    });
  });

  it('does not take a sentence above the date as the issuer', () => {
    expect(extractPlanHeader(['请认真贯彻执行。', '2011年4月26日', '一、要求'], 2).issuer).toBeNull();
  });
});

describe('inferDocumentYear', () => {
  it.each<[string, number | null]>([
    ['2011年是攻坚年。落实2010年度奖励资金。产业转移2011年重点工作进度', 2011],
    ['规划（2011-2015年）于2012年印发', 2012],
    ['2014年基数，2015年目标，2014年实际', 2014],
    ['2016年和2015年', 2015],
    ['没有年份', null],
  ])('%j → %j', (text, year) => {
    expect(inferDocumentYear(text)).toBe(year);
  });
});

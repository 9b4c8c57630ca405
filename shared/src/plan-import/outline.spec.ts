import { buildOutline, cleanLine, matchOutlineMarker, type OutlineNode, outlinePath, walkOutline } from './outline';

describe('matchOutlineMarker', () => {
  it.each<[string, string | null, number | null, string]>([
    ['　　一、主要目标分工安排', 'chapter', 1, '主要目标分工安排'],
    ['十二、其他', 'chapter', 12, '其他'],
    ['### 三、具体推进措施', 'chapter', 3, '具体推进措施'],
    ['　　（一）经济运行。', 'section', 1, '经济运行。'],
    ['(二) 第二阶段(4-9月)：组织实施阶段。', 'section', 2, '第二阶段(4-9月)：组织实施阶段。'],
    ['- (三) 省组织专项检查。', 'section', 3, '省组织专项检查。'],
    ['（十一）其他', 'section', 11, '其他'],
    ['　　1.全部工业增加值年均增长8%。', 'item', 1, '全部工业增加值年均增长8%。'],
    ['1、提出部门转型升级突破点。', 'item', 1, '提出部门转型升级突破点。'],
    ['1．工作目标。', 'item', 1, '工作目标。'],
    ['12. 第十二项', 'item', 12, '第十二项'],
    ['（1）细项', 'subitem', 1, '细项'],
    ['(2)细项', 'subitem', 2, '细项'],
    ['②细项', 'subitem', 2, '细项'],
    ['——支持大型企业发挥创新骨干作用。', 'bullet', null, '支持大型企业发挥创新骨干作用。'],
    ['- 一个列表项', 'bullet', null, '一个列表项'],
  ])('%j is a %s', (line, kind, number, rest) => {
    expect(matchOutlineMarker(line)).toEqual({ kind, number, rest });
  });

  it.each([
    '1.3', // a decimal in a table
    '2015-2017年分年度目标',
    '第1、2项，3月初由省经济和信息化委发出通知',
    '一是安排技术改造专项资金',
    '重点骨干企业信息技术集成应用达到国际先进水平',
    '（2015-2017年）',
    '（R&D）经费',
    '',
  ])('%j is body text', (line) => {
    expect(matchOutlineMarker(line)).toBeNull();
  });
});

describe('cleanLine', () => {
  it('drops indentation, trailing spaces and markdown heading marks', () => {
    expect(cleanLine('\t　　一、总体要求  ')).toBe('一、总体要求');
    expect(cleanLine('### 四、组织领导')).toBe('四、组织领导');
  });
});

const codes = (roots: OutlineNode[]) => [...walkOutline(roots)].map((n) => `${outlinePath(n).join('.')} ${n.kind}`);

describe('buildOutline', () => {
  it('nests 一、 → （一） → 1. → —— and numbers bullets by position', () => {
    const { roots } = buildOutline([
      '一、总体要求',
      '（一）行动思路。',
      '二、重点攻坚行动',
      '（一）强化创新。',
      '1．工作目标。',
      '2．重点任务。',
      '——支持大型企业。（市科技局）',
      '——完善公共服务平台。（市科技局）',
      '（二）实施技术改造。',
      '1、工作目标。',
    ]);
    expect(codes(roots)).toEqual([
      '1 chapter',
      '1.1 section',
      '2 chapter',
      '2.1 section',
      '2.1.1 item',
      '2.1.2 item',
      '2.1.2.1 bullet',
      '2.1.2.2 bullet',
      '2.2 section',
      '2.2.1 item',
    ]);
  });

  it('nests a skipped level under the nearest ancestor', () => {
    const { roots } = buildOutline(['一、主要目标', '——园区指标增长。', '二、任务', '1.第一项', '（二）第二节', '1.第二节第一项']);
    expect(codes(roots)).toEqual(['1 chapter', '1.1 bullet', '2 chapter', '2.1 item', '2.2 section', '2.2.1 item']);
  });

  it('keeps the written number of items, even when it continues across sections (001)', () => {
    const { roots } = buildOutline(['一、措施', '(一) 第一阶段', '1、甲', '2、乙', '(二) 第二阶段', '3、丙']);
    expect(codes(roots)).toContain('1.2.3 item');
  });

  it('starts at the first 一、 and treats what comes before as the preamble', () => {
    const outline = buildOutline(['关于印发某方案的通知', '', '1.不是大纲', '一、总体要求', '正文。']);
    expect(outline.start).toBe(3);
    expect(outline.roots).toHaveLength(1);
    expect(outline.roots[0]!.body).toEqual(['正文。']);
  });

  it('stops at 附件 and 资料来源', () => {
    const outline = buildOutline(['一、要求', '正文。', '附件：1．目标总表', '2．分解表']);
    expect(outline.end).toBe(2);
    expect(codes(outline.roots)).toEqual(['1 chapter']);
    expect(buildOutline(['一、要求', '資料來源: 網站', '1.x']).end).toBe(1);
  });

  it('rejoins a paragraph broken mid-sentence, and keeps whole paragraphs apart', () => {
    const { roots } = buildOutline(['一、进展要求', '第4项，6月报省经济和信息化委。各市、各部门', '', '9月中旬报送。', '第5项，10月底前完成。']);
    expect(roots[0]!.body).toEqual(['第4项，6月报省经济和信息化委。各市、各部门9月中旬报送。', '第5项，10月底前完成。']);
  });

  it('ignores blanked-out lines without shifting line numbers', () => {
    const { roots } = buildOutline(['一、甲', '', '', '（一）乙']);
    expect(roots[0]!.children[0]!.line).toBe(3);
  });

  it('returns an empty outline for text without one', () => {
    expect(buildOutline(['只有一段话。'])).toEqual({ roots: [], start: -1, end: 1 });
  });
});

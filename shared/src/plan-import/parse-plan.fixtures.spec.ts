/**
 * The four published plans in fixtures/seeds, parsed end to end. Each assertion is something a
 * user importing the document would see on the board.
 */
import * as fs from 'fs';
import * as path from 'path';
import { type ParsedPlan, type ParsedTask, parsePlan } from './parse-plan';

const SEEDS = path.join(__dirname, '../../fixtures/seeds');

function seed(prefix: string): ParsedPlan {
  const file = fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  return parsePlan(fs.readFileSync(path.join(SEEDS, file), 'utf8'));
}

function task(plan: ParsedPlan, code: string): ParsedTask {
  const found = plan.tasks.find((t) => t.code === code);
  if (!found) throw new Error(`no task ${code} in ${plan.tasks.map((t) => t.code).join(' ')}`);
  return found;
}

const chapterCounts = (plan: ParsedPlan) =>
  plan.tasks.reduce<Record<string, number>>((acc, t) => {
    const chapter = t.code.split('.')[0]!;
    acc[chapter] = (acc[chapter] ?? 0) + 1;
    return acc;
  }, {});

describe.each(['000', '001', '003', '004'])('seed %s', (prefix) => {
  const plan = seed(prefix);

  it('gives every task a unique dotted numeric code, a title and a section', () => {
    const codes = plan.tasks.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const t of plan.tasks) {
      expect(t.code).toMatch(/^\d+(\.\d+)+$/);
      expect(t.title.length).toBeGreaterThan(0);
      expect(t.section.length).toBeGreaterThan(0);
      expect(t.text.startsWith(t.title)).toBe(true);
    }
  });

  it('never lists a unit as both lead and cooperating, nor a catch-all as cooperating', () => {
    for (const t of plan.tasks) {
      for (const lead of t.leadDepartments) expect(t.cooperatingDepartments).not.toContain(lead);
      for (const group of t.groups) expect(t.cooperatingDepartments).not.toContain(group);
    }
  });

  it('places every task-like line', () => {
    expect(plan.unplacedLines).toEqual([]);
  });
});

describe('seed 000: 工业转型升级规划 分工落实方案 (lead/cooperating departments)', () => {
  const plan = seed('000');

  it('reads the header', () => {
    expect(plan.plan).toEqual({
      title: '工业转型升级规划主要目标和重点任务分工落实方案',
      issuer: '广东省人民政府办公厅',
      docNumber: null, // 国发〔2011〕47号 is the document it implements, not its own
      issuedAt: '2012-05-09',
    });
  });

  it('finds 48 tasks: 13 targets, 28 key tasks, 7 key fields; 工作要求 are not tasks', () => {
    expect(plan.tasks).toHaveLength(48);
    expect(chapterCounts(plan)).toEqual({ 1: 13, 2: 28, 3: 7 });
  });

  it('does not read the convention note in the first item as a department', () => {
    expect(task(plan, '1.1.1')).toMatchObject({
      title: '全部工业增加值年均增长8%',
      leadDepartments: ['省经济和信息化委'],
      cooperatingDepartments: [],
      section: '经济运行',
    });
  });

  it('takes the first unit as lead and expands abbreviations', () => {
    expect(task(plan, '1.1.3')).toMatchObject({ leadDepartments: ['省发展改革委'], cooperatingDepartments: ['省经济和信息化委'] });
    expect(task(plan, '1.2.2')).toMatchObject({
      leadDepartments: ['省科技厅'],
      cooperatingDepartments: ['省经济和信息化委', '省质监局', '省知识产权局'],
    });
    // written 经济和信息化 without 委
    expect(task(plan, '1.3.1').cooperatingDepartments).toEqual(['省经济和信息化委', '省科技厅', '省财政厅']);
    expect(task(plan, '2.1.3')).toMatchObject({
      leadDepartments: ['省知识产权局'],
      cooperatingDepartments: ['省科技厅', '省经济和信息化委', '省质监局', '省食品药品监管局'],
    });
  });

  it('keeps R&D in the title of 1.2.1 and reads only the trailing list', () => {
    expect(task(plan, '1.2.1').title).toContain('（R&D）');
    expect(task(plan, '1.2.1').leadDepartments).toEqual(['省科技厅']);
  });

  it('makes the unnumbered 两化融合 paragraph task 1.4', () => {
    expect(task(plan, '1.4')).toMatchObject({
      title: '“两化”融合',
      leadDepartments: ['省经济和信息化委'],
      section: '主要目标分工安排',
    });
    expect(task(plan, '1.4').text).toContain('大中型企业资源计划（ERP）普及率达到80%以上');
  });

  it('reads the key fields of 三、 as section-level tasks', () => {
    expect(task(plan, '3.7')).toMatchObject({
      title: '推进重大产业基地和项目建设',
      leadDepartments: ['省发展改革委'],
      cooperatingDepartments: ['省经济和信息化委'],
      section: '重点领域发展导向分工安排',
    });
  });

  it('sets no deadlines (the plan gives none)', () => {
    expect(plan.tasks.every((t) => t.deadline === null)).toBe(true);
  });

  it('makes 省经济和信息化委 the lead of 30 tasks, as many lists as start with it', () => {
    expect(plan.tasks.filter((t) => t.leadDepartments[0] === '省经济和信息化委')).toHaveLength(30);
  });
});

describe('seed 001: 产业转型升级突破点工作方案 (the staged process)', () => {
  const plan = seed('001');

  it('reads the header of the cover notice', () => {
    expect(plan.plan).toEqual({
      title: '全省产业转型升级突破点工作方案',
      issuer: '广东省经济和信息化委员会',
      docNumber: '粤经信技改〔2011〕333号',
      issuedAt: '2011-04-26',
    });
  });

  it('finds the six numbered steps under their stages', () => {
    expect(plan.tasks.map((t) => t.code)).toEqual(['3.1.1', '3.1.2', '3.1.3', '3.2.4', '3.3.5', '3.4.6']);
    expect(task(plan, '3.2.4').section).toBe('第二阶段(4-9月)：组织实施阶段');
  });

  it('dates each step from its text, its 第N项 note or its stage', () => {
    expect(plan.tasks.map((t) => t.deadline)).toEqual([
      '2011-03-20', // 第1、2项: 3月中旬提出突破点
      '2011-03-20',
      '2011-04-30', // 第3项: 于4月底报…备案
      '2011-09-30', // 9月中旬 in the step, 于9月底前 in 第4项
      '2011-10-31', // 第5项: 10月底前完成
      '2011-12-31', // 年底前
    ]);
  });

  it('reads the 19 departments that propose break-through points, the first as lead', () => {
    const step = task(plan, '3.1.1');
    expect(step.leadDepartments).toEqual(['省发展改革委']);
    expect(step.cooperatingDepartments).toHaveLength(18);
    expect(step.cooperatingDepartments).toEqual(expect.arrayContaining(['省经济和信息化委', '省国资委', '省环境保护厅', '省旅游局']));
  });

  it('lets the cities lead the steps only they carry out', () => {
    expect(task(plan, '3.1.2')).toMatchObject({ leadDepartments: ['各地级以上市人民政府'], groups: ['各地级以上市人民政府'] });
    expect(task(plan, '3.2.4').groups).toEqual(['各地级以上市人民政府', '省政府各部门']);
  });

  it('leaves the inspection step without a unit, as the step text names none', () => {
    expect(task(plan, '3.3.5')).toMatchObject({ leadDepartments: [], cooperatingDepartments: [], groups: [] });
  });
});

describe('seed 003: 推动产业转移 行动方案 (divisions and a schedule table)', () => {
  const plan = seed('003');

  it('reads the title; the plan has no issuer line, date or 文号', () => {
    expect(plan.plan).toEqual({
      title: '广东省经济和信息化委推动产业转移实现重大突破行动方案',
      issuer: null,
      docNumber: null,
      issuedAt: null,
    });
  });

  it('finds 21 outline tasks and the 16 rows of the schedule table', () => {
    expect(chapterCounts(plan)).toEqual({ 3: 21, 5: 16 });
  });

  it('reads （X牵头） and X会Y', () => {
    expect(task(plan, '3.1.1').leadDepartments).toEqual(['工业园区处']);
    expect(task(plan, '3.2.5')).toMatchObject({
      leadDepartments: ['工业园区处'],
      cooperatingDepartments: ['技术改造投资处', '技术创新和质量处', '节能和循环经济处', '生产服务业处', '软件和信息服务业处'],
      groups: ['有关处室'],
    });
    expect(task(plan, '3.3.1')).toMatchObject({
      leadDepartments: ['中小企业局', '工业园区处'],
      cooperatingDepartments: ['产业政策处', '法规处'],
    });
  });

  it('keeps names that contain 会', () => {
    expect(task(plan, '3.3.2').cooperatingDepartments).toEqual(['中小企业局', '经协处', '中博会事务局']);
    expect(task(plan, '3.5.4').cooperatingDepartments).toEqual(['广东省工业园区协会']);
  });

  it('dates table rows in 2011, the year the plan is about', () => {
    expect(task(plan, '5.1')).toMatchObject({ title: '制订省产业转移工业园升降级制操作办法', deadline: '2011-03-31' });
    expect(task(plan, '5.5').deadline).toBe('2011-10-31'); // 6-10月
    expect(task(plan, '5.7').deadline).toBe('2011-12-31'); // 全年
    expect(task(plan, '5.8')).toMatchObject({ deadline: '2011-07-31', leadDepartments: ['工业园区处'], cooperatingDepartments: ['人事处'] });
    expect(task(plan, '5.12')).toMatchObject({ leadDepartments: ['工业园区处'], cooperatingDepartments: ['节能和循环经济处'] });
    expect(task(plan, '5.16').section).toBe('产业转移2011年重点工作进度及分工安排');
  });
});

describe('seed 004: 中山市 三年行动计划 (city departments, —— bullets, 各镇区)', () => {
  const plan = seed('004');

  it('reads the title with its period', () => {
    expect(plan.plan.title).toBe('中山市工业转型升级攻坚战三年行动计划（2015-2017年）');
  });

  it('finds 21 key tasks under the five actions and 13 safeguard tasks', () => {
    expect(plan.tasks).toHaveLength(34);
    expect(chapterCounts(plan)).toEqual({ 2: 21, 3: 13 });
  });

  it('codes —— bullets under 2．重点任务 and skips the yearly targets under 1．工作目标', () => {
    expect(plan.tasks.some((t) => t.code.startsWith('2.1.1.'))).toBe(false);
    expect(task(plan, '2.1.2.1')).toMatchObject({
      title: '支持大型企业发挥创新骨干作用',
      leadDepartments: ['市经济和信息化局'],
      cooperatingDepartments: ['市发展改革局', '市科技局'],
      groups: ['各镇区'],
      section: '强化企业自主创新主体地位，打造工业转型升级新引擎',
    });
  });

  it('expands abbreviations with the 市 prefix (国资委 is the city one here)', () => {
    expect(task(plan, '2.1.2.2').cooperatingDepartments).toContain('市国资委');
    expect(task(plan, '2.1.2.2').cooperatingDepartments).not.toContain('省国资委');
  });

  it('reads numbered safeguard tasks with and without 各镇区', () => {
    expect(task(plan, '3.1.1')).toMatchObject({ leadDepartments: ['市编委办'], cooperatingDepartments: ['市法制局'], groups: [] });
    expect(task(plan, '3.5.3')).toMatchObject({ title: '加强金融信贷支持', leadDepartments: ['市金融局'], cooperatingDepartments: [] });
  });

  it('ignores the attachment tables', () => {
    expect(plan.tasks.some((t) => t.text.includes('石岐区'))).toBe(false);
  });

  it('gives every task a lead and sets no deadlines', () => {
    expect(plan.tasks.every((t) => t.leadDepartments.length > 0 && t.deadline === null)).toBe(true);
  });
});

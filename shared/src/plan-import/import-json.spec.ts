import * as fs from 'fs';
import * as path from 'path';
import { toImportJson } from './import-json';
import { parsePlan } from './parse-plan';

const SEEDS = path.join(__dirname, '../../fixtures/seeds');
const seedText = (prefix: string) => fs.readFileSync(path.join(SEEDS, fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix))!), 'utf8');

const PLAN_KEYS = ['title', 'issuer', 'docNumber', 'issuedAt'];
const TASK_KEYS = ['code', 'title', 'leadDepartments', 'cooperatingDepartments', 'groups', 'deadline', 'startStage', 'section'];
const INDICATOR_KEYS = ['name', 'unit', 'baseline', 'targets', 'allocations'];
const ALLOCATION_KEYS = ['department', 'year', 'value'];

describe.each(['000', '001', '003', '004'])('toImportJson: seed %s', (prefix) => {
  const parsed = parsePlan(seedText(prefix));
  const json = toImportJson(parsed);

  it('has exactly the contract’s keys, at every level', () => {
    expect(Object.keys(json)).toEqual(['plan', 'tasks', 'indicators', 'unplacedLines']);
    expect(Object.keys(json.plan)).toEqual(PLAN_KEYS);
    for (const t of json.tasks) expect(Object.keys(t)).toEqual(TASK_KEYS);
    for (const i of json.indicators) {
      expect(Object.keys(i)).toEqual(INDICATOR_KEYS);
      if (i.baseline !== null) expect(Object.keys(i.baseline)).toEqual(['year', 'value']);
      for (const [year, value] of Object.entries(i.targets)) {
        expect(year).toMatch(/^\d{4}$/);
        expect(typeof value).toBe('number');
      }
      for (const a of i.allocations) expect(Object.keys(a)).toEqual(ALLOCATION_KEYS);
    }
  });

  it('carries the parse: one task per task, one indicator per indicator', () => {
    expect(json.plan).toEqual(parsed.plan);
    expect(json.tasks.map((t) => [t.code, t.title, t.startStage])).toEqual(parsed.tasks.map((t) => [t.code, t.title, t.startStage]));
    expect(json.indicators.map((i) => [i.name, i.allocations.length])).toEqual(parsed.indicators.map((i) => [i.name, i.allocations.length]));
    expect(json.unplacedLines).toEqual(parsed.unplacedLines);
  });

  it('survives JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('toImportJson: values', () => {
  it('writes seed 004’s first indicator and task as the contract says', () => {
    const json = toImportJson(parsePlan(seedText('004')));
    expect(json.indicators[0]).toEqual({
      name: '规模以上工业增加值',
      unit: '亿元',
      baseline: { year: 2014, value: 1312 },
      targets: { 2015: 1417, 2016: 1530, 2017: 1653 },
      allocations: [],
    });
    expect(json.indicators.find((i) => i.name === '工业投资')!.allocations[0]).toEqual({ department: '石岐区', year: 2015, value: 3.5 });
    expect(json.tasks[0]).toEqual({
      code: '2.1.2.1',
      title: '支持大型企业发挥创新骨干作用',
      leadDepartments: ['市经济和信息化局'],
      cooperatingDepartments: ['市发展改革局', '市科技局'],
      groups: ['各镇区'],
      deadline: null,
      startStage: 'IMPLEMENTATION',
      section: '强化企业自主创新主体地位，打造工业转型升级新引擎',
    });
  });

  it('does not share arrays with the parse', () => {
    const parsed = parsePlan(seedText('000'));
    const json = toImportJson(parsed);
    json.tasks[0]!.leadDepartments.push('x');
    json.unplacedLines.push('x');
    expect(parsed.tasks[0]!.leadDepartments).not.toContain('x');
    expect(parsed.unplacedLines).toEqual([]);
  });

  it('writes an empty document as an empty plan', () => {
    expect(toImportJson(parsePlan(''))).toEqual({
      plan: { title: null, issuer: null, docNumber: null, issuedAt: null },
      tasks: [],
      indicators: [],
      unplacedLines: [],
    });
  });
});

import * as fs from 'fs';
import * as path from 'path';
import { extractPlanHeader } from './header';
import { buildOutline } from './outline';
import { parsePlan } from './parse-plan';
import { startStageOf } from './start-stage';

const SEEDS = path.join(__dirname, '../../fixtures/seeds');
const seedText = (prefix: string) => fs.readFileSync(path.join(SEEDS, fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix))!), 'utf8');

/** startStageOf as parsePlan calls it: with the document's own header. */
function stageOf(text: string) {
  const lines = text.split('\n');
  const outline = buildOutline(lines);
  return startStageOf(text, extractPlanHeader(lines, outline.start >= 0 ? outline.start : lines.length));
}

describe('startStageOf: the seeds', () => {
  it.each([
    ['000', 'IMPLEMENTATION', '分工落实方案: each task is handed to its 牵头单位'],
    ['001', 'PROPOSAL', 'units 提出…突破点, screened and 报省政府审定, then 制定工作方案'],
    ['003', 'IMPLEMENTATION', '行动方案: each task names the division that leads it'],
    ['004', 'IMPLEMENTATION', '行动计划 with lead units (its 推荐 and 审批 are not a proposal round)'],
  ])('seed %s starts at %s (%s)', (prefix, stage) => {
    const text = seedText(prefix);
    expect(stageOf(text)).toBe(stage);
    const { tasks } = parsePlan(text);
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.startStage === stage)).toBe(true);
  });
});

describe('startStageOf: short texts', () => {
  it('a plan that asks the towns to propose projects for approval starts at PROPOSAL', () => {
    const text = ['重点项目申报工作方案', '一、工作步骤', '1、各镇区提出2-3个重点项目，报市政府审定。', '2、各镇区对审定后的项目制定工作方案，5月底前组织实施。'].join('\n');
    expect(stageOf(text)).toBe('PROPOSAL');
    expect(parsePlan(text).tasks.map((t) => t.startStage)).toEqual(['PROPOSAL', 'PROPOSAL']);
  });

  it('a plan that hands out work to lead units starts at IMPLEMENTATION', () => {
    const text = ['创新平台建设行动方案', '一、主要任务', '1、建设公共服务平台。（市科技局牵头）', '2、推荐一批重点项目纳入省重点项目。（市发展改革局）'].join('\n');
    expect(stageOf(text)).toBe('IMPLEMENTATION');
  });

  it('a division of labour assigns even when it mentions 审定', () => {
    expect(startStageOf('各单位提出的项目经省政府审定。', { title: '重点任务分工方案' })).toBe('IMPLEMENTATION');
    expect(startStageOf('各单位提出的项目经省政府审定。', { title: '重点任务工作方案' })).toBe('PROPOSAL');
  });

  it('needs both the call for proposals and the decision on them', () => {
    expect(startStageOf('各市提出1-2个突破点。', { title: null })).toBe('IMPLEMENTATION');
    expect(startStageOf('方案报省政府审定后实施。', { title: null })).toBe('IMPLEMENTATION');
  });
});

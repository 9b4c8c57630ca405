import { annotationProblem, followersToNotify } from './task-follow';
import { answerRefusal, instructionEffect, instructionPoints, instructionProblems, reopenComment } from './leader-instruction';

const TODAY = '2026-11-20';
const draft = { number: '省领导批示〔2026〕12号', issuedOn: '2026-11-18', content: '请抓紧推进，按期完成。', tone: 'DIRECTIVE' };

describe('leader instructions (领导批示)', () => {
  it('accepts a complete draft', () => {
    expect(instructionProblems(draft, TODAY)).toEqual([]);
    expect(instructionProblems({ ...draft, issuedOn: TODAY }, TODAY)).toEqual([]);
  });

  it('names every field that is wrong', () => {
    const problems = instructionProblems({ number: '  ', issuedOn: '2026-11-21', content: '', tone: 'PRAISE' }, TODAY);
    expect(problems.map((p) => p.field)).toEqual(['number', 'issuedOn', 'content', 'tone']);
    expect(instructionProblems({ ...draft, issuedOn: '2026-02-30' }, TODAY)[0]).toMatchObject({ field: 'issuedOn', message: expect.stringMatching(/date like/) });
    expect(instructionProblems({ ...draft, number: 'x'.repeat(65) }, TODAY)[0].field).toBe('number');
    expect(instructionProblems({ ...draft, content: '字'.repeat(5001) }, TODAY)[0].field).toBe('content');
  });

  it('attaches to running work, reopens finished work, and refuses closed tasks', () => {
    expect(['PROPOSAL', 'REVIEW', 'APPROVAL', 'IMPLEMENTATION', 'INSPECTION'].map((s) => instructionEffect(s as never))).toEqual(Array(5).fill('ATTACH'));
    expect(instructionEffect('COMMENDATION')).toBe('REOPEN');
    expect(['ARCHIVED', 'REJECTED', 'WITHDRAWN'].map((s) => instructionEffect(s as never))).toEqual(Array(3).fill('REFUSE'));
  });

  it('records which instruction reopened a task, cut to length', () => {
    expect(reopenComment({ number: ' 12号 ', content: '请继续抓好落实 ' })).toBe('领导批示 12号：请继续抓好落实');
    const long = reopenComment({ number: '1', content: '长'.repeat(600) });
    expect(long).toHaveLength(500);
    expect(long.endsWith('…')).toBe(true);
  });

  it('lets the lead unit answer, once', () => {
    const task = { leadDepartmentId: 'lead' };
    expect(answerRefusal({ userId: 'u', role: 'STAFF', departmentId: 'lead' }, task, { answeredAt: null })).toBeNull();
    expect(answerRefusal({ userId: 'u', role: 'STAFF', departmentId: 'lead' }, task, { answeredAt: new Date() })).toBe('ALREADY_ANSWERED');
    expect(answerRefusal({ userId: 'u', role: 'STAFF', departmentId: 'coop' }, task, { answeredAt: null })).toBe('NOT_LEAD_UNIT');
    expect(answerRefusal({ userId: 'u', role: 'COORDINATOR', departmentId: 'lead' }, task, { answeredAt: null })).toBe('NOT_LEAD_UNIT');
    expect(answerRefusal({ userId: 'u', role: 'STAFF', departmentId: null }, task, { answeredAt: null })).toBe('NOT_LEAD_UNIT');
  });

  it('scores +1 per positive instruction', () => {
    expect(instructionPoints([{ tone: 'POSITIVE' }, { tone: 'CRITICAL' }, { tone: 'POSITIVE' }, { tone: 'DIRECTIVE' }])).toBe(2);
    expect(instructionPoints([{ tone: 'POSITIVE' }], 0.5)).toBe(0.5);
    expect(instructionPoints([])).toBe(0);
  });
});

describe('following and annotating', () => {
  it('tells followers of a change of stage, except the one who made it', () => {
    expect(followersToNotify(['a', 'b', 'a'], { fromStage: 'INSPECTION', toStage: 'COMMENDATION', actorId: 'b' })).toEqual(['a']);
    expect(followersToNotify(['a'], { fromStage: 'COMMENDATION', toStage: 'COMMENDATION', actorId: 'x' })).toEqual([]);
    expect(followersToNotify(['a'], { fromStage: 'COMMENDATION', toStage: 'IMPLEMENTATION', actorId: null })).toEqual(['a']);
  });

  it('keeps a remark that says something, within length', () => {
    expect(annotationProblem('请督查室跟进')).toBeNull();
    expect(annotationProblem('   ')).toMatch(/required/);
    expect(annotationProblem('x'.repeat(2001))).toMatch(/at most 2000/);
  });
});

import type { Actor } from '../actor/role';
import { availableEvents, decideTransition } from './task-workflow';
import { TASK_MACHINE_VERSION } from './task.machine';
import type { PersistedTaskSnapshot } from './task-snapshot';
import { subStateOf } from './task-snapshot';

const LEAD = 'dept-lead';
const approver: Actor = { userId: 'a', role: 'APPROVER', departmentId: null };
const manager: Actor = { userId: 'm', role: 'MANAGER', departmentId: null };
const coordinator: Actor = { userId: 'c', role: 'COORDINATOR', departmentId: 'x' };
const leadStaff: Actor = { userId: 's', role: 'STAFF', departmentId: LEAD };

function at(value: PersistedTaskSnapshot['value'], outcome: 'COMMENDED' | 'WARNED' | null = null): PersistedTaskSnapshot {
  return {
    machineId: 'task',
    machineVersion: TASK_MACHINE_VERSION,
    value,
    context: { leadDepartmentId: LEAD, cooperatingDepartmentIds: [], origin: 'ASSIGNED', rectificationCount: 1, returnCount: 0, outcome },
  };
}

const reopen = (actor: Actor, extra: { comment?: string | null; instructionId?: string | null } = {}) => ({
  type: 'REOPEN' as const,
  actor,
  comment: '领导批示 2026-1：请继续推进',
  instructionId: 'i-1',
  ...extra,
});

describe('REOPEN: a leader instruction on finished work', () => {
  it.each([
    [{ COMMENDATION: 'AWAITING_GRADE' }, null],
    [{ COMMENDATION: 'COMMENDED' }, 'COMMENDED'],
    [{ COMMENDATION: 'WARNED' }, 'WARNED'],
  ] as const)('takes %j back to implementation, forgetting the grade and keeping the counters', (value, outcome) => {
    for (const actor of [approver, manager]) {
      const decision = decideTransition(at(value, outcome), reopen(actor));
      if (!decision.ok) throw new Error(decision.message);
      expect(decision).toMatchObject({ fromStage: 'COMMENDATION', toStage: 'IMPLEMENTATION' });
      expect(subStateOf(decision.next.value)).toBe('IN_PROGRESS');
      expect(decision.next.context).toMatchObject({ outcome: null, rectificationCount: 1 });
      expect(decision.next.status).toBe('active');
    }
  });

  it('only approvers and managers reopen', () => {
    for (const actor of [coordinator, leadStaff]) {
      expect(decideTransition(at({ COMMENDATION: 'COMMENDED' }), reopen(actor))).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
    }
  });

  it('needs the instruction: without one (a plain transitionTask) the stage does not take it', () => {
    expect(decideTransition(at({ COMMENDATION: 'COMMENDED' }), reopen(approver, { instructionId: null }))).toMatchObject({ ok: false, refusal: 'TRANSITION_NOT_ALLOWED' });
    expect(decideTransition(at({ COMMENDATION: 'COMMENDED' }), reopen(approver, { instructionId: undefined }))).toMatchObject({ ok: false, refusal: 'TRANSITION_NOT_ALLOWED' });
  });

  it('says why in the history: a comment is required', () => {
    expect(decideTransition(at({ COMMENDATION: 'COMMENDED' }), reopen(approver, { comment: '  ' }))).toMatchObject({ ok: false, refusal: 'COMMENT_REQUIRED' });
  });

  it('is never offered as a move, and work not yet finished or already closed is not reopened', () => {
    for (const actor of [approver, manager]) expect(availableEvents(at({ COMMENDATION: 'COMMENDED' }), actor)).not.toContain('REOPEN');
    for (const value of [{ IMPLEMENTATION: 'IN_PROGRESS' }, 'INSPECTION', 'ARCHIVED', 'REJECTED', 'PROPOSAL'] as const) {
      expect(decideTransition(at(value), reopen(approver))).toMatchObject({ ok: false, refusal: 'TRANSITION_NOT_ALLOWED' });
    }
  });
});

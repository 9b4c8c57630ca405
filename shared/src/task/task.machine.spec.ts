import type { Actor } from '../actor/role';
import { REQUEST_ONLY_EVENTS, TASK_EVENT_TYPES, type TaskEventType } from './task-event';
import { persistTaskSnapshot, restoreTaskSnapshot, stageOf, startTask, subStateOf, type PersistedTaskSnapshot } from './task-snapshot';
import { TASK_MACHINE_VERSION } from './task.machine';
import { availableEvents, availableMoves, decideTransition, nextStage } from './task-workflow';
import type { TaskStage } from './task-stage';

const LEAD = 'dept-lead';
/** Facts under which every precondition holds, so the table tests roles alone. */
const ALL_MET = { progressReports: 1, unverifiedFindings: 1, unverifiedMajorFindings: 0 };
const OTHER = 'dept-other';
const actors = {
  leadStaff: { userId: 'u1', role: 'STAFF', departmentId: LEAD },
  otherStaff: { userId: 'u2', role: 'STAFF', departmentId: OTHER },
  coordinator: { userId: 'u3', role: 'COORDINATOR', departmentId: OTHER },
  approver: { userId: 'u4', role: 'APPROVER', departmentId: null },
  inspector: { userId: 'u5', role: 'INSPECTOR', departmentId: OTHER },
  manager: { userId: 'u6', role: 'MANAGER', departmentId: LEAD },
} satisfies Record<string, Actor>;
type ActorKind = keyof typeof actors;

/** The rules as the issue states them, written independently of the machine. */
type Rule = { who: ActorKind[]; to: TaskStage; sub?: string };
/** A granted suspension or cancellation ends the task from any stage, sent as the coordinator or approver who granted it. */
const ENDED: Partial<Record<TaskEventType, Rule>> = {
  SUSPEND: { who: ['coordinator', 'approver'], to: 'SUSPENDED' },
  CANCEL: { who: ['coordinator', 'approver'], to: 'CANCELLED' },
};
const RULES: Record<string, Partial<Record<TaskEventType, Rule>>> = {
  PROPOSAL: {
    ...ENDED,
    SUBMIT: { who: ['leadStaff'], to: 'REVIEW' },
    WITHDRAW: { who: ['leadStaff'], to: 'WITHDRAWN' },
  },
  REVIEW: {
    ...ENDED,
    ACCEPT: { who: ['coordinator'], to: 'APPROVAL' },
    RETURN: { who: ['coordinator'], to: 'PROPOSAL' },
    REJECT: { who: ['coordinator'], to: 'REJECTED' },
    WITHDRAW: { who: ['leadStaff'], to: 'WITHDRAWN' },
  },
  APPROVAL: {
    ...ENDED,
    APPROVE: { who: ['approver'], to: 'IMPLEMENTATION', sub: 'IN_PROGRESS' },
    RETURN: { who: ['approver'], to: 'REVIEW' },
    REJECT: { who: ['approver'], to: 'REJECTED' },
  },
  'IMPLEMENTATION.IN_PROGRESS': {
    ...ENDED,
    REQUEST_INSPECTION: { who: ['leadStaff', 'coordinator'], to: 'INSPECTION' },
  },
  'IMPLEMENTATION.RECTIFYING': {
    ...ENDED,
    REQUEST_INSPECTION: { who: ['leadStaff', 'coordinator'], to: 'INSPECTION' },
  },
  INSPECTION: {
    ...ENDED,
    PASS: { who: ['inspector'], to: 'COMMENDATION', sub: 'AWAITING_GRADE' },
    REQUIRE_RECTIFICATION: { who: ['inspector'], to: 'IMPLEMENTATION', sub: 'RECTIFYING' },
  },
  'COMMENDATION.AWAITING_GRADE': {
    ...ENDED,
    COMMEND: { who: ['coordinator', 'approver'], to: 'COMMENDATION', sub: 'COMMENDED' },
    WARN: { who: ['coordinator', 'approver'], to: 'COMMENDATION', sub: 'WARNED' },
    ARCHIVE: { who: ['coordinator'], to: 'ARCHIVED' },
  },
  'COMMENDATION.COMMENDED': { ARCHIVE: { who: ['coordinator'], to: 'ARCHIVED' }, ...ENDED },
  'COMMENDATION.WARNED': { ARCHIVE: { who: ['coordinator'], to: 'ARCHIVED' }, ...ENDED },
  REJECTED: {},
  WITHDRAWN: {},
  ARCHIVED: {},
  SUSPENDED: {},
  CANCELLED: {},
};

function snapshotAt(path: string): PersistedTaskSnapshot {
  const [stage, sub] = path.split('.');
  return {
    machineId: 'task',
    machineVersion: TASK_MACHINE_VERSION,
    value: sub ? { [stage]: sub } : stage,
    context: { leadDepartmentId: LEAD, cooperatingDepartmentIds: [OTHER], origin: 'PROPOSED', rectificationCount: 0, returnCount: 0, outcome: null },
  };
}

const cases = Object.entries(RULES).flatMap(([state, rules]) =>
  TASK_EVENT_TYPES.flatMap((event) =>
    (Object.keys(actors) as ActorKind[]).map((kind) => {
      const rule = rules[event];
      const expected = !rule ? 'TRANSITION_NOT_ALLOWED' : rule.who.includes(kind) ? `${rule.to}${rule.sub ? '.' + rule.sub : ''}` : 'FORBIDDEN';
      return [state, event, kind, expected] as const;
    }),
  ),
);

describe('task machine: every state × event × role', () => {
  it('covers the whole table', () => {
    expect(cases).toHaveLength(Object.keys(RULES).length * TASK_EVENT_TYPES.length * Object.keys(actors).length);
  });

  it.each(cases)('%s + %s by %s → %s', (state, event, kind, expected) => {
    const decision = decideTransition(snapshotAt(state), { type: event, actor: actors[kind], comment: 'because', facts: ALL_MET, sideRequestId: 'request-1' });
    if (decision.ok) {
      const sub = subStateOf(decision.next.value);
      expect(`${decision.toStage}${sub ? '.' + sub : ''}`).toBe(expected);
    } else {
      expect(decision.refusal).toBe(expected);
    }
  });

  it.each(cases)('availableEvents and nextStage agree with the table: %s + %s by %s', (state, event, kind, expected) => {
    const allowed = availableEvents(snapshotAt(state), actors[kind]).includes(event);
    // SUSPEND and CANCEL are never offered: only a granted side request sends them.
    const ok = expected !== 'FORBIDDEN' && expected !== 'TRANSITION_NOT_ALLOWED' && !REQUEST_ONLY_EVENTS.has(event);
    expect(allowed).toBe(ok);
    expect(nextStage(snapshotAt(state), event, actors[kind])).toBe(ok ? expected.split('.')[0] : null);
  });
});

describe('comments', () => {
  it.each(['RETURN', 'REJECT'] as const)('%s in review needs a non-blank comment', (type) => {
    for (const comment of [undefined, null, '', '   ']) {
      const decision = decideTransition(snapshotAt('REVIEW'), { type, actor: actors.coordinator, comment });
      expect(decision).toMatchObject({ ok: false, refusal: 'COMMENT_REQUIRED' });
    }
  });

  it('REQUIRE_RECTIFICATION needs a comment, PASS does not', () => {
    expect(decideTransition(snapshotAt('INSPECTION'), { type: 'REQUIRE_RECTIFICATION', actor: actors.inspector, facts: ALL_MET })).toMatchObject({ ok: false, refusal: 'COMMENT_REQUIRED' });
    expect(decideTransition(snapshotAt('INSPECTION'), { type: 'PASS', actor: actors.inspector, facts: ALL_MET })).toMatchObject({ ok: true, toStage: 'COMMENDATION' });
  });

  it('a forbidden actor is told FORBIDDEN even without a comment', () => {
    expect(decideTransition(snapshotAt('REVIEW'), { type: 'REJECT', actor: actors.leadStaff })).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
  });
});

describe('preconditions from the implementation and inspection records', () => {
  const none = { progressReports: 0, unverifiedFindings: 0, unverifiedMajorFindings: 0 };
  it('REQUEST_INSPECTION needs at least one progress report', () => {
    expect(decideTransition(snapshotAt('IMPLEMENTATION.IN_PROGRESS'), { type: 'REQUEST_INSPECTION', actor: actors.leadStaff, facts: none })).toMatchObject({
      ok: false,
      refusal: 'PRECONDITION_FAILED',
      message: 'REQUEST_INSPECTION needs at least one progress report',
    });
    expect(decideTransition(snapshotAt('IMPLEMENTATION.IN_PROGRESS'), { type: 'REQUEST_INSPECTION', actor: actors.leadStaff, facts: { ...none, progressReports: 1 } })).toMatchObject({ ok: true });
  });

  it('PASS needs every major finding verified; minor ones may stay open', () => {
    const facts = { progressReports: 1, unverifiedFindings: 3, unverifiedMajorFindings: 1 };
    expect(decideTransition(snapshotAt('INSPECTION'), { type: 'PASS', actor: actors.inspector, facts })).toMatchObject({ ok: false, refusal: 'PRECONDITION_FAILED', message: 'PASS needs every major finding verified (1 not yet)' });
    expect(decideTransition(snapshotAt('INSPECTION'), { type: 'PASS', actor: actors.inspector, facts: { ...facts, unverifiedMajorFindings: 0 } })).toMatchObject({ ok: true });
  });

  it('REQUIRE_RECTIFICATION needs at least one open finding', () => {
    expect(decideTransition(snapshotAt('INSPECTION'), { type: 'REQUIRE_RECTIFICATION', actor: actors.inspector, comment: '整改', facts: none })).toMatchObject({ ok: false, refusal: 'PRECONDITION_FAILED' });
  });

  it('a wrong actor hears FORBIDDEN before any precondition, and missing facts never pass', () => {
    expect(decideTransition(snapshotAt('INSPECTION'), { type: 'PASS', actor: actors.coordinator, facts: none })).toMatchObject({ refusal: 'FORBIDDEN' });
    expect(decideTransition(snapshotAt('INSPECTION'), { type: 'PASS', actor: actors.inspector })).toMatchObject({ refusal: 'PRECONDITION_FAILED' });
  });

  it('availableEvents leaves out moves whose facts fail, when given the facts', () => {
    expect(availableEvents(snapshotAt('INSPECTION'), actors.inspector, { progressReports: 1, unverifiedFindings: 0, unverifiedMajorFindings: 0 })).toEqual(['PASS']);
    expect(availableEvents(snapshotAt('INSPECTION'), actors.inspector, { progressReports: 1, unverifiedFindings: 2, unverifiedMajorFindings: 1 })).toEqual(['REQUIRE_RECTIFICATION']);
  });
});

describe('origin and counters', () => {
  it('a proposed task starts in PROPOSAL, an assigned one in IMPLEMENTATION', () => {
    expect(stageOf(startTask({ leadDepartmentId: LEAD }).value)).toBe('PROPOSAL');
    const assigned = startTask({ leadDepartmentId: LEAD, origin: 'ASSIGNED' });
    expect(assigned.value).toEqual({ IMPLEMENTATION: 'IN_PROGRESS' });
    expect(assigned.context.origin).toBe('ASSIGNED');
  });

  it('a full life: proposal to archive, with a return and a rectification counted', () => {
    let s = startTask({ leadDepartmentId: LEAD, cooperatingDepartmentIds: [OTHER] });
    const steps: Array<[TaskEventType, ActorKind]> = [
      ['SUBMIT', 'leadStaff'],
      ['RETURN', 'coordinator'],
      ['SUBMIT', 'leadStaff'],
      ['ACCEPT', 'coordinator'],
      ['APPROVE', 'approver'],
      ['REQUEST_INSPECTION', 'leadStaff'],
      ['REQUIRE_RECTIFICATION', 'inspector'],
      ['REQUEST_INSPECTION', 'coordinator'],
      ['PASS', 'inspector'],
      ['COMMEND', 'approver'],
      ['ARCHIVE', 'coordinator'],
    ];
    const stages: string[] = [];
    for (const [type, kind] of steps) {
      const d = decideTransition(s, { type, actor: actors[kind], comment: 'noted', facts: ALL_MET });
      if (!d.ok) throw new Error(`${type} refused: ${d.message}`);
      s = d.next;
      stages.push(d.toStage);
    }
    expect(stages).toEqual(['REVIEW', 'PROPOSAL', 'REVIEW', 'APPROVAL', 'IMPLEMENTATION', 'INSPECTION', 'IMPLEMENTATION', 'INSPECTION', 'COMMENDATION', 'COMMENDATION', 'ARCHIVED']);
    expect(s.context).toMatchObject({ returnCount: 1, rectificationCount: 1, outcome: 'COMMENDED' });
    expect(s.status).toBe('done');
    expect(availableEvents(s, actors.coordinator)).toEqual([]);
  });

  it('availableMoves gives the drop targets with their comment needs', () => {
    expect(availableMoves(snapshotAt('REVIEW'), actors.coordinator)).toEqual([
      { event: 'ACCEPT', toStage: 'APPROVAL', needsComment: false },
      { event: 'RETURN', toStage: 'PROPOSAL', needsComment: true },
      { event: 'REJECT', toStage: 'REJECTED', needsComment: true },
    ]);
    expect(availableMoves(snapshotAt('REVIEW'), actors.manager)).toEqual([]);
  });
});

describe('persisted snapshots', () => {
  it('round-trips through JSON with machine id and version', () => {
    const d = decideTransition(startTask({ leadDepartmentId: LEAD }), { type: 'SUBMIT', actor: actors.leadStaff });
    if (!d.ok) throw new Error('refused');
    const stored = JSON.parse(JSON.stringify(persistTaskSnapshot(d.next))) as PersistedTaskSnapshot;
    expect(stored).toMatchObject({ machineId: 'task', machineVersion: TASK_MACHINE_VERSION, value: 'REVIEW' });
    expect(availableEvents(restoreTaskSnapshot(stored), actors.coordinator)).toEqual(['ACCEPT', 'RETURN', 'REJECT']);
  });

  it('restores a snapshot written by machine version 1 (flat stages, boolean rectifying)', () => {
    const v1 = {
      machineId: 'task',
      machineVersion: 1,
      value: 'IMPLEMENTATION',
      context: { leadDepartmentId: LEAD, cooperatingDepartmentIds: [], origin: 'PROPOSED', rectifying: true },
    } as unknown as PersistedTaskSnapshot;
    const restored = restoreTaskSnapshot(v1);
    expect(restored.value).toEqual({ IMPLEMENTATION: 'RECTIFYING' });
    expect(restored.context).toEqual({ leadDepartmentId: LEAD, cooperatingDepartmentIds: [], origin: 'PROPOSED', rectificationCount: 1, returnCount: 0, outcome: null });
    expect(availableEvents(restored, actors.leadStaff)).toEqual(['REQUEST_INSPECTION']);

    const v1Grading = { ...v1, value: 'COMMENDATION', context: { ...v1.context, rectifying: false } } as unknown as PersistedTaskSnapshot;
    expect(availableEvents(restoreTaskSnapshot(v1Grading), actors.coordinator)).toEqual(['COMMEND', 'WARN', 'ARCHIVE']);
  });

  it('refuses a snapshot from another machine or a newer version', () => {
    expect(() => restoreTaskSnapshot({ ...snapshotAt('REVIEW'), machineId: 'finding' })).toThrow(/machine "finding"/);
    expect(() => restoreTaskSnapshot({ ...snapshotAt('REVIEW'), machineVersion: TASK_MACHINE_VERSION + 1 })).toThrow(/version/);
  });
});

describe('ended by a granted side request', () => {
  it('SUSPEND and CANCEL need the side request, a reason, and a coordinator or approver', () => {
    const at = snapshotAt('IMPLEMENTATION.IN_PROGRESS');
    expect(decideTransition(at, { type: 'SUSPEND', actor: actors.coordinator, comment: '项目暂停', facts: ALL_MET })).toMatchObject({ ok: false, refusal: 'PRECONDITION_FAILED' });
    expect(decideTransition(at, { type: 'SUSPEND', actor: actors.coordinator, comment: '', sideRequestId: 'r' })).toMatchObject({ ok: false, refusal: 'COMMENT_REQUIRED' });
    expect(decideTransition(at, { type: 'CANCEL', actor: actors.leadStaff, comment: '撤销', sideRequestId: 'r' })).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
    const ended = decideTransition(at, { type: 'CANCEL', actor: actors.approver, comment: '政策调整，撤销该事项', sideRequestId: 'r' });
    expect(ended).toMatchObject({ ok: true, fromStage: 'IMPLEMENTATION', toStage: 'CANCELLED' });
    if (ended.ok) expect(ended.next.status).toBe('done');
  });

  it('the board never offers them', () => {
    for (const kind of Object.keys(actors) as ActorKind[]) {
      expect(availableEvents(snapshotAt('REVIEW'), actors[kind])).not.toEqual(expect.arrayContaining(['SUSPEND']));
      expect(availableMoves(snapshotAt('REVIEW'), actors[kind]).map((m) => m.event)).not.toContain('CANCEL');
    }
  });
});

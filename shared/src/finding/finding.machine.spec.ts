import { createActor } from 'xstate';
import type { Actor } from '../actor/role';
import { FINDING_EVENT_TYPES, type FindingEventType } from './finding-event';
import { FINDING_STATUSES, findingMachine, type FindingContext, type FindingStatus } from './finding.machine';
import { availableFindingEvents, decideFindingTransition } from './finding-workflow';

const LEAD = 'dept-lead';
const OTHER = 'dept-other';
const actors = {
  leadStaff: { userId: 'u1', role: 'STAFF', departmentId: LEAD },
  otherStaff: { userId: 'u2', role: 'STAFF', departmentId: OTHER },
  coordinator: { userId: 'u3', role: 'COORDINATOR', departmentId: OTHER },
  approver: { userId: 'u4', role: 'APPROVER', departmentId: null },
  inspector: { userId: 'u5', role: 'INSPECTOR', departmentId: OTHER },
  // A manager of the lead department looks on; only its staff carry out the rectification.
  manager: { userId: 'u6', role: 'MANAGER', departmentId: LEAD },
} satisfies Record<string, Actor>;
type ActorKind = keyof typeof actors;

const context: FindingContext = { leadDepartmentId: LEAD, severity: 'MAJOR' };

/** The rules as the brief states them, written independently of the machine. */
type Rule = { who: ActorKind[]; to: FindingStatus };
const RULES: Record<FindingStatus, Partial<Record<FindingEventType, Rule>>> = {
  OPEN: { START_RECTIFICATION: { who: ['leadStaff'], to: 'RECTIFYING' } },
  RECTIFYING: { SUBMIT_RECTIFICATION: { who: ['leadStaff'], to: 'RECTIFIED' } },
  RECTIFIED: {
    VERIFY: { who: ['inspector', 'coordinator'], to: 'VERIFIED' },
    REOPEN: { who: ['inspector', 'coordinator'], to: 'RECTIFYING' },
  },
  VERIFIED: {},
};

const cases = FINDING_STATUSES.flatMap((status) =>
  FINDING_EVENT_TYPES.flatMap((event) =>
    (Object.keys(actors) as ActorKind[]).map((kind) => {
      const rule = RULES[status][event];
      const expected = !rule ? 'TRANSITION_NOT_ALLOWED' : rule.who.includes(kind) ? rule.to : 'FORBIDDEN';
      return [status, event, kind, expected] as const;
    }),
  ),
);

describe('finding machine: every status × event × role', () => {
  it('covers the whole table', () => {
    expect(cases).toHaveLength(4 * 4 * 6);
  });

  it.each(cases)('%s + %s by %s → %s', (status, event, kind, expected) => {
    const decision = decideFindingTransition(status, context, { type: event, actor: actors[kind], comment: 'fixed the leak' });
    expect(decision.ok ? decision.toStatus : decision.refusal).toBe(expected);
  });

  it.each(cases)('availableFindingEvents agrees with the table: %s + %s by %s', (status, event, kind, expected) => {
    const ok = expected !== 'FORBIDDEN' && expected !== 'TRANSITION_NOT_ALLOWED';
    expect(availableFindingEvents(status, context, actors[kind]).includes(event)).toBe(ok);
  });
});

describe('comments', () => {
  it.each([undefined, null, '', '   \n'])('SUBMIT_RECTIFICATION with comment %p is refused with COMMENT_REQUIRED', (comment) => {
    const decision = decideFindingTransition('RECTIFYING', context, { type: 'SUBMIT_RECTIFICATION', actor: actors.leadStaff, comment });
    expect(decision).toMatchObject({ ok: false, refusal: 'COMMENT_REQUIRED', message: expect.stringMatching(/what was done/) });
  });

  it.each([undefined, '  '])('REOPEN with comment %p is refused with COMMENT_REQUIRED', (comment) => {
    const decision = decideFindingTransition('RECTIFIED', context, { type: 'REOPEN', actor: actors.inspector, comment });
    expect(decision).toMatchObject({ ok: false, refusal: 'COMMENT_REQUIRED' });
  });

  it('VERIFY and START_RECTIFICATION need no comment', () => {
    expect(decideFindingTransition('RECTIFIED', context, { type: 'VERIFY', actor: actors.coordinator })).toEqual({ ok: true, toStatus: 'VERIFIED' });
    expect(decideFindingTransition('OPEN', context, { type: 'START_RECTIFICATION', actor: actors.leadStaff })).toEqual({ ok: true, toStatus: 'RECTIFYING' });
  });

  it('structure is checked before the actor, the actor before the comment', () => {
    // Staff of another department, no comment: told FORBIDDEN, not "write a comment".
    expect(decideFindingTransition('RECTIFYING', context, { type: 'SUBMIT_RECTIFICATION', actor: actors.otherStaff })).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
    // An inspector verifying an unfinished finding: the status is wrong whoever asks.
    expect(decideFindingTransition('RECTIFYING', context, { type: 'VERIFY', actor: actors.inspector })).toMatchObject({
      ok: false,
      refusal: 'TRANSITION_NOT_ALLOWED',
      message: 'VERIFY is not possible while the finding is RECTIFYING',
    });
  });

  it('the FORBIDDEN message names the role and whether it is the lead department', () => {
    const d = decideFindingTransition('OPEN', context, { type: 'START_RECTIFICATION', actor: actors.manager });
    expect(d).toMatchObject({ ok: false, message: 'a MANAGER of the lead department may not START_RECTIFICATION a finding that is OPEN' });
  });
});

describe('a finding from logging to 销号', () => {
  it('goes round the rectification loop once and is closed for good', () => {
    const actor = createActor(findingMachine, { input: { leadDepartmentId: LEAD, severity: 'MINOR' } }).start();
    expect(actor.getSnapshot().value).toBe('OPEN');
    actor.send({ type: 'START_RECTIFICATION', actor: actors.leadStaff });
    actor.send({ type: 'SUBMIT_RECTIFICATION', actor: actors.leadStaff, comment: 'signage replaced' });
    actor.send({ type: 'REOPEN', actor: actors.inspector, comment: 'only half the signs replaced' });
    expect(actor.getSnapshot().value).toBe('RECTIFYING');
    actor.send({ type: 'SUBMIT_RECTIFICATION', actor: actors.leadStaff, comment: 'all signs replaced' });
    actor.send({ type: 'VERIFY', actor: actors.coordinator });
    expect(actor.getSnapshot().value).toBe('VERIFIED');
    expect(actor.getSnapshot().status).toBe('done');
    expect(availableFindingEvents('VERIFIED', context, actors.coordinator)).toEqual([]);
  });

  it('severity does not change who may act', () => {
    for (const severity of ['MINOR', 'MAJOR'] as const) {
      expect(availableFindingEvents('RECTIFIED', { leadDepartmentId: LEAD, severity }, actors.inspector)).toEqual(['VERIFY', 'REOPEN']);
    }
  });

  it('staff with no department are never the lead department', () => {
    const homeless: Actor = { userId: 'u7', role: 'STAFF', departmentId: null };
    expect(availableFindingEvents('OPEN', context, homeless)).toEqual([]);
  });
});

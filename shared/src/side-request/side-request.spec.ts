import type { Actor } from '../actor/role';
import {
  awaitsDecisionBy,
  endEventFor,
  filingRefusal,
  finalDecision,
  inGrantRange,
  leaderDecisionRefusal,
  partialGrantRange,
  withdrawRefusal,
  type FilingContext,
  type FinalDecisionContext,
} from './side-request';

const LEAD = 'dept-lead';
const COOP = 'dept-coop';
const OTHER = 'dept-other';
const staff = (departmentId: string, userId = `u-${departmentId}`): Actor => ({ userId, role: 'STAFF', departmentId });
const leader = (departmentId: string) => ({ ...staff(departmentId, `leader-${departmentId}`), departmentLeader: true });
const coordinator: Actor = { userId: 'c', role: 'COORDINATOR', departmentId: OTHER };
const approver: Actor = { userId: 'a', role: 'APPROVER', departmentId: null };

const filing = (over: Partial<FilingContext> = {}): FilingContext => ({
  actor: staff(LEAD),
  task: { stage: 'IMPLEMENTATION', dueDate: '2026-06-30', leadDepartmentId: LEAD, cooperatingDepartmentIds: [COOP] },
  kind: 'EXTENSION',
  reason: '受汛期影响，工程无法按期完工',
  requestedDueDate: '2026-09-30',
  adjustment: null,
  pendingKinds: [],
  today: '2026-06-01',
  ...over,
});

describe('filing a side request', () => {
  it('the lead or a cooperating unit files an extension before the deadline', () => {
    expect(filingRefusal(filing())).toBeNull();
    expect(filingRefusal(filing({ actor: staff(COOP) }))).toBeNull();
  });

  it('on the deadline day itself it is still in time; the day after it is not', () => {
    expect(filingRefusal(filing({ today: '2026-06-30' }))).toBeNull();
    expect(filingRefusal(filing({ today: '2026-07-01' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'taskId' });
  });

  it('another unit, or anyone but department staff, may not file', () => {
    expect(filingRefusal(filing({ actor: staff(OTHER) }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(filingRefusal(filing({ actor: coordinator }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('only before inspection', () => {
    for (const stage of ['PROPOSAL', 'REVIEW', 'APPROVAL', 'IMPLEMENTATION'] as const) expect(filingRefusal(filing({ task: { ...filing().task, stage } }))).toBeNull();
    for (const stage of ['INSPECTION', 'COMMENDATION', 'ARCHIVED', 'SUSPENDED', 'CANCELLED'] as const) {
      expect(filingRefusal(filing({ task: { ...filing().task, stage } }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });

  it('needs a reason; an extension needs a later date; only an extension names a date', () => {
    expect(filingRefusal(filing({ reason: '  ' }))).toMatchObject({ field: 'reason' });
    expect(filingRefusal(filing({ requestedDueDate: null }))).toMatchObject({ field: 'requestedDueDate' });
    expect(filingRefusal(filing({ requestedDueDate: '2026-06-30' }))).toMatchObject({ field: 'requestedDueDate' });
    expect(filingRefusal(filing({ requestedDueDate: '2026-13-01' }))).toMatchObject({ field: 'requestedDueDate' });
    expect(filingRefusal(filing({ kind: 'SUSPENSION', requestedDueDate: '2026-09-30' }))).toMatchObject({ field: 'requestedDueDate' });
    expect(filingRefusal(filing({ kind: 'SUSPENSION', requestedDueDate: null }))).toBeNull();
  });

  it('an adjustment says what changes; other kinds do not', () => {
    expect(filingRefusal(filing({ kind: 'ADJUSTMENT', requestedDueDate: null }))).toMatchObject({ field: 'adjustment' });
    expect(filingRefusal(filing({ kind: 'ADJUSTMENT', requestedDueDate: null, adjustment: '年度目标由10家调整为8家' }))).toBeNull();
    expect(filingRefusal(filing({ adjustment: '顺便调整目标' }))).toMatchObject({ field: 'adjustment' });
  });

  it('a task without a deadline cannot be extended, but may be cancelled', () => {
    const task = { ...filing().task, dueDate: null };
    expect(filingRefusal(filing({ task }))).toMatchObject({ field: 'kind' });
    expect(filingRefusal(filing({ task, kind: 'CANCELLATION', requestedDueDate: null }))).toBeNull();
  });

  it('one pending request per task and kind', () => {
    expect(filingRefusal(filing({ pendingKinds: ['EXTENSION'] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    expect(filingRefusal(filing({ pendingKinds: ['SUSPENSION'] }))).toBeNull();
  });
});

const request = { status: 'PENDING_LEADER' as const, departmentId: LEAD, filedBy: staff(LEAD).userId };

describe('who acts at which status', () => {
  it('the filer withdraws while it is pending', () => {
    expect(withdrawRefusal(staff(LEAD), request)).toBeNull();
    expect(withdrawRefusal(staff(LEAD), { ...request, status: 'PENDING_DECISION' })).toBeNull();
    expect(withdrawRefusal(staff(LEAD, 'colleague'), request)).toMatchObject({ code: 'FORBIDDEN' });
    expect(withdrawRefusal(staff(LEAD), { ...request, status: 'GRANTED' })).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('the first level is the filing unit’s own leader, and a rejection says why', () => {
    expect(leaderDecisionRefusal(leader(LEAD), request, true, null)).toBeNull();
    expect(leaderDecisionRefusal(leader(LEAD), request, false, '')).toMatchObject({ field: 'comment' });
    expect(leaderDecisionRefusal(leader(LEAD), request, false, '理由不充分')).toBeNull();
    expect(leaderDecisionRefusal(leader(OTHER), request, true, null)).toMatchObject({ code: 'FORBIDDEN' });
    expect(leaderDecisionRefusal({ ...staff(LEAD), departmentLeader: false }, request, true, null)).toMatchObject({ code: 'FORBIDDEN' });
    expect(leaderDecisionRefusal(leader(LEAD), { ...request, status: 'PENDING_DECISION' }, true, null)).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('the second level is a coordinator, or the approver for a key task', () => {
    const waiting = { ...request, status: 'PENDING_DECISION' as const };
    expect(awaitsDecisionBy(leader(LEAD), request, false)).toBe('LEADER');
    expect(awaitsDecisionBy(leader(LEAD), waiting, false)).toBeNull();
    expect(awaitsDecisionBy({ ...coordinator, departmentLeader: false }, waiting, false)).toBe('FINAL');
    expect(awaitsDecisionBy({ ...coordinator, departmentLeader: false }, waiting, true)).toBeNull();
    expect(awaitsDecisionBy({ ...approver, departmentLeader: false }, waiting, true)).toBe('FINAL');
  });

  it('suspension and cancellation end the task; extension and adjustment do not', () => {
    expect([endEventFor('SUSPENSION'), endEventFor('CANCELLATION'), endEventFor('EXTENSION'), endEventFor('ADJUSTMENT')]).toEqual(['SUSPEND', 'CANCEL', null, null]);
  });
});

describe('the final decision and partial grants', () => {
  const decide = (over: Partial<FinalDecisionContext> = {}) =>
    finalDecision({
      actor: coordinator,
      request: { ...request, status: 'PENDING_DECISION', kind: 'EXTENSION', requestedDueDate: '2026-09-30' },
      keyTask: false,
      currentDueDate: '2026-06-30',
      grant: 'GRANT',
      grantedDueDate: null,
      comment: null,
      ...over,
    });

  it('the range runs from the current due date (exclusive) to the requested one (inclusive)', () => {
    const range = partialGrantRange('2026-06-30', '2026-09-30')!;
    expect(['2026-06-30', '2026-07-01', '2026-09-30', '2026-10-01'].map((d) => inGrantRange(d, range))).toEqual([false, true, true, false]);
    expect(partialGrantRange('2026-06-30', '2026-06-30')).toBeNull();
    expect(partialGrantRange(null, '2026-06-30')).toBeNull();
  });

  it('GRANT gives the date asked for; PARTLY an earlier one', () => {
    expect(decide()).toEqual({ ok: true, status: 'GRANTED', grantedDueDate: '2026-09-30' });
    expect(decide({ grant: 'PARTLY', grantedDueDate: '2026-08-15' })).toEqual({ ok: true, status: 'PARTLY_GRANTED', grantedDueDate: '2026-08-15' });
    expect(decide({ grant: 'PARTLY', grantedDueDate: '2026-09-30' })).toEqual({ ok: true, status: 'GRANTED', grantedDueDate: '2026-09-30' });
  });

  it('a date outside the range, or no date for a partial grant, is refused', () => {
    for (const grantedDueDate of ['2026-06-30', '2026-06-01', '2026-10-01', 'soon']) {
      expect(decide({ grant: 'PARTLY', grantedDueDate })).toMatchObject({ ok: false, refusal: { field: 'grantedDueDate' } });
    }
    expect(decide({ grant: 'PARTLY', grantedDueDate: null })).toMatchObject({ ok: false, refusal: { field: 'grantedDueDate' } });
    expect(decide({ grant: 'GRANT', grantedDueDate: '2026-08-15' })).toMatchObject({ ok: false, refusal: { field: 'grantedDueDate' } });
  });

  it('only an extension is granted in part; a rejection needs a comment', () => {
    const suspension = { ...request, status: 'PENDING_DECISION' as const, kind: 'SUSPENSION' as const, requestedDueDate: null };
    expect(decide({ request: suspension })).toEqual({ ok: true, status: 'GRANTED', grantedDueDate: null });
    expect(decide({ request: suspension, grant: 'PARTLY' })).toMatchObject({ ok: false, refusal: { field: 'grant' } });
    expect(decide({ grant: 'REJECT' })).toMatchObject({ ok: false, refusal: { field: 'comment' } });
    expect(decide({ grant: 'REJECT', comment: '不符合延期条件' })).toEqual({ ok: true, status: 'REJECTED', grantedDueDate: null });
  });

  it('the coordinator may not decide a key task, nor the approver an ordinary one; nothing before the leader', () => {
    expect(decide({ keyTask: true })).toMatchObject({ ok: false, refusal: { code: 'FORBIDDEN' } });
    expect(decide({ actor: approver })).toMatchObject({ ok: false, refusal: { code: 'FORBIDDEN' } });
    expect(decide({ actor: approver, keyTask: true })).toMatchObject({ ok: true, status: 'GRANTED' });
    expect(decide({ request: { ...request, kind: 'EXTENSION', requestedDueDate: '2026-09-30' } })).toMatchObject({ ok: false, refusal: { code: 'BAD_USER_INPUT' } });
  });
});

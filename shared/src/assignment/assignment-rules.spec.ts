import { PLAIN_CALENDAR, calendarOf } from '../supervision/work-calendar';
import {
  availableAssignmentActions,
  decideAssignment,
  decideReportAttachment,
  initialAssignmentStatus,
  rollupOf,
  signDueOn,
  signedLate,
  type AssignmentSituation,
} from './assignment-rules';

const unit = 'dept-a';
const staff = { role: 'STAFF' as const, departmentId: unit };
const otherStaff = { role: 'STAFF' as const, departmentId: 'dept-b' };
const coordinator = { role: 'COORDINATOR' as const, departmentId: 'dept-b' };
const at = (status: AssignmentSituation['status'], taskStage: AssignmentSituation['taskStage'] = 'IMPLEMENTATION'): AssignmentSituation => ({ departmentId: unit, status, taskStage });

describe('assignment rules', () => {
  it('the unit signs for what it was given, once', () => {
    expect(decideAssignment('SIGN', staff, at('ASSIGNED'))).toEqual({ ok: true, next: 'SIGNED' });
    expect(decideAssignment('SIGN', staff, at('ASSIGNED', 'PROPOSAL'))).toEqual({ ok: true, next: 'SIGNED' });
    expect(decideAssignment('SIGN', staff, at('SIGNED'))).toMatchObject({ ok: false, refusal: 'NOT_NOW' });
    expect(decideAssignment('SIGN', staff, at('ASSIGNED', 'ARCHIVED'))).toMatchObject({ ok: false, refusal: 'NOT_NOW' });
  });

  it('another unit, the coordinator or a manager may not sign, report or send back', () => {
    for (const action of ['SIGN', 'REPORT', 'SEND_BACK'] as const) {
      for (const actor of [otherStaff, coordinator, { role: 'MANAGER' as const, departmentId: unit }, { role: 'STAFF' as const, departmentId: null }]) {
        expect(decideAssignment(action, actor, at('SIGNED'))).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
      }
    }
  });

  it('reports come after sign-for, during implementation, one awaiting review at a time', () => {
    expect(decideAssignment('REPORT', staff, at('ASSIGNED'))).toMatchObject({ ok: false, refusal: 'NOT_NOW', message: expect.stringMatching(/sign for/) });
    expect(decideAssignment('REPORT', staff, at('SIGNED'))).toEqual({ ok: true, next: 'REPORTED' });
    expect(decideAssignment('REPORT', staff, at('SIGNED', 'INSPECTION'))).toMatchObject({ ok: false, refusal: 'NOT_NOW' });
    expect(decideAssignment('REPORT', staff, at('REPORTED'))).toMatchObject({ ok: false, refusal: 'NOT_NOW', message: expect.stringMatching(/awaits review/) });
    expect(decideAssignment('REPORT', staff, at('RETURNED'))).toEqual({ ok: true, next: 'REPORTED' });
    expect(decideAssignment('REPORT', staff, at('PASSED'))).toEqual({ ok: true, next: 'REPORTED' });
    expect(decideAssignment('REPORT', staff, at('SENT_BACK'))).toMatchObject({ ok: false, refusal: 'NOT_NOW' });
  });

  it('the coordinator passes or returns a report awaiting review, and nothing else', () => {
    expect(decideAssignment('REVIEW', coordinator, at('REPORTED'), 'PASS')).toEqual({ ok: true, next: 'PASSED' });
    expect(decideAssignment('REVIEW', coordinator, at('REPORTED'), 'RETURN')).toEqual({ ok: true, next: 'RETURNED' });
    expect(decideAssignment('REVIEW', coordinator, at('SIGNED'), 'PASS')).toMatchObject({ ok: false, refusal: 'NOT_NOW' });
    expect(decideAssignment('REVIEW', staff, at('REPORTED'), 'PASS')).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
    expect(decideAssignment('REVIEW', { role: 'APPROVER', departmentId: null }, at('REPORTED'), 'PASS')).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
  });

  it('a unit sends a task back only before it has reported on it, and while the task is open', () => {
    expect(decideAssignment('SEND_BACK', staff, at('ASSIGNED'))).toEqual({ ok: true, next: 'SENT_BACK' });
    expect(decideAssignment('SEND_BACK', staff, at('SIGNED'))).toEqual({ ok: true, next: 'SENT_BACK' });
    for (const status of ['REPORTED', 'RETURNED', 'PASSED', 'SENT_BACK'] as const) {
      expect(decideAssignment('SEND_BACK', staff, at(status))).toMatchObject({ ok: false, refusal: 'NOT_NOW' });
    }
    expect(decideAssignment('SEND_BACK', staff, at('SIGNED', 'COMMENDATION'))).toMatchObject({ ok: false, refusal: 'NOT_NOW' });
  });

  it('lists the actions open to a person', () => {
    expect(availableAssignmentActions(staff, at('ASSIGNED'))).toEqual(['SIGN', 'SEND_BACK']);
    expect(availableAssignmentActions(staff, at('SIGNED'))).toEqual(['REPORT', 'SEND_BACK']);
    expect(availableAssignmentActions(staff, at('REPORTED'))).toEqual([]);
    expect(availableAssignmentActions(coordinator, at('REPORTED'))).toEqual(['REVIEW']);
    expect(availableAssignmentActions(otherStaff, at('ASSIGNED'))).toEqual([]);
  });

  it('a lead unit that proposed the task has signed for it; everyone else starts unsigned', () => {
    expect(initialAssignmentStatus(true, true, 'PROPOSAL')).toBe('SIGNED');
    expect(initialAssignmentStatus(true, false, 'IMPLEMENTATION')).toBe('ASSIGNED');
    expect(initialAssignmentStatus(false, true, 'PROPOSAL')).toBe('ASSIGNED');
    // Records made for work already past implementation (old tasks, the demo) start signed.
    expect(initialAssignmentStatus(false, false, 'INSPECTION')).toBe('SIGNED');
    expect(initialAssignmentStatus(false, true, 'ARCHIVED')).toBe('SIGNED');
  });

  it('the sign-for deadline counts working days on the calendar, holidays and make-up days included', () => {
    expect(signDueOn('2026-09-24', 2, PLAIN_CALENDAR)).toBe('2026-09-28'); // Thu → Fri, Mon
    const golden = calendarOf([
      { date: '2026-10-01', kind: 'HOLIDAY' },
      { date: '2026-10-02', kind: 'HOLIDAY' },
      { date: '2026-10-05', kind: 'HOLIDAY' },
      { date: '2026-10-10', kind: 'WORKDAY' },
    ]);
    expect(signDueOn('2026-09-30', 2, golden)).toBe('2026-10-07'); // Wed → Tue 6th, Wed 7th
    expect(signDueOn('2026-10-08', 2, golden)).toBe('2026-10-10'); // Thu → Fri, the make-up Saturday
    expect(signDueOn('2026-10-03', 0, golden)).toBe('2026-10-06'); // a day off: the next working day
  });

  it('late sign-for: after the deadline, or still unsigned past it', () => {
    expect(signedLate('2026-09-28', '2026-09-28', '2026-10-20')).toBe(false);
    expect(signedLate('2026-09-28', '2026-09-29', '2026-10-20')).toBe(true);
    expect(signedLate('2026-09-28', null, '2026-09-28')).toBe(false);
    expect(signedLate('2026-09-28', null, '2026-09-29')).toBe(true);
  });

  it('rolls a task’s units up for its card; units that sent it back are counted apart', () => {
    expect(rollupOf([])).toEqual({ units: 0, signed: 0, reported: 0, passed: 0, returned: 0, sentBack: 0 });
    expect(rollupOf(['PASSED', 'REPORTED', 'RETURNED', 'REPORTED', 'ASSIGNED', 'SENT_BACK', 'SIGNED'])).toEqual({
      units: 6,
      signed: 5,
      reported: 3,
      passed: 1,
      returned: 1,
      sentBack: 1,
    });
  });

  it('the unit attaches files to its report while it awaits review, nobody else and never after', () => {
    expect(decideReportAttachment(staff, { departmentId: unit }, { review: null })).toEqual({ ok: true });
    for (const review of ['PASSED', 'RETURNED']) expect(decideReportAttachment(staff, { departmentId: unit }, { review })).toMatchObject({ ok: false, refusal: 'NOT_NOW' });
    for (const actor of [otherStaff, coordinator, { role: 'STAFF' as const, departmentId: null }]) {
      expect(decideReportAttachment(actor, { departmentId: unit }, { review: null })).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
    }
  });
});

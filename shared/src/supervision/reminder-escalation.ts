/**
 * Reminders (催办) and their escalation: a first reminder (催办) some working days after a unit's
 * deadline passes, then a supervision notice (督办通知单) some working days after that reminder.
 * Pure: the sweep hands in the dates, the plan's rules, the calendar and what was already sent.
 */
import { addDays } from '../report/calendar-days';
import { addWorkingDays, isWorkingDay, type WorkCalendar } from './work-calendar';

/** In escalating order: a first reminder, then a supervision notice. */
export const REMINDER_LEVELS = ['REMINDER', 'NOTICE'] as const;
export type ReminderLevel = (typeof REMINDER_LEVELS)[number];

/** AUTO by the plan's rules (the timer), MANUAL by a coordinator's hand. */
export const REMINDER_ORIGINS = ['AUTO', 'MANUAL'] as const;
export type ReminderOrigin = (typeof REMINDER_ORIGINS)[number];

/** A plan's escalation rules, in working days. */
export interface EscalationRules {
  /** The first reminder comes this many working days after the deadline (1: the working day after it). */
  reminderAfterDays: number;
  /** The supervision notice comes this many working days after the first reminder. */
  noticeAfterDays: number;
}

export const DEFAULT_ESCALATION_RULES: EscalationRules = { reminderAfterDays: 1, noticeAfterDays: 5 };

export const levelRank = (level: ReminderLevel): number => REMINDER_LEVELS.indexOf(level);

/** The `n`-th working day strictly after `date` (n ≥ 1): 1 is "the working day after the deadline". */
export function nthWorkingDayAfter(date: string, n: number, calendar: WorkCalendar): string {
  let day = date;
  for (let left = Math.max(n, 1); left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) left--;
  }
  return day;
}

/** A reminder already sent to the unit about this deadline (sent after it passed). */
export interface SentReminder {
  level: ReminderLevel;
  /** The day it was issued, YYYY-MM-DD. */
  issuedOn: string;
}

export interface EscalationDue {
  level: ReminderLevel;
  /** 时限要求: the unit has until the working day before the next step would come. */
  deadline: string;
}

/**
 * What the rules ask for today about one unit's passed deadline, or null. Slips go out on working
 * days only (a holiday's run leaves them to the next working day); each level once per deadline,
 * and never below what was already sent (a coordinator's earlier notice by hand counts).
 */
export function escalationDue(input: {
  dueDate: string;
  today: string;
  rules: EscalationRules;
  calendar: WorkCalendar;
  sent: readonly SentReminder[];
}): EscalationDue | null {
  const { dueDate, today, rules, calendar } = input;
  if (today <= dueDate || !isWorkingDay(today, calendar)) return null;
  const sent = input.sent.filter((s) => s.issuedOn > dueDate);
  if (sent.some((s) => s.level === 'NOTICE')) return null;
  // Until the next step comes: the day before it, counted in working days (today itself when the step is one day off).
  const deadline = addWorkingDays(today, Math.max(rules.noticeAfterDays - 1, 0), calendar);
  if (!sent.length) return today >= nthWorkingDayAfter(dueDate, rules.reminderAfterDays, calendar) ? { level: 'REMINDER', deadline } : null;
  const firstReminder = sent.map((s) => s.issuedOn).sort()[0];
  return today >= nthWorkingDayAfter(firstReminder, rules.noticeAfterDays, calendar) ? { level: 'NOTICE', deadline } : null;
}

/** 单号: 督办〔2026〕第12号 — a per-year sequence. */
export function reminderNumber(year: number, sequence: number): string {
  return `督办〔${year}〕第${sequence}号`;
}

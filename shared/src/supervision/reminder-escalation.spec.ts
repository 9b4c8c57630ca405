import { DEFAULT_ESCALATION_RULES, escalationDue, nthWorkingDayAfter, reminderNumber, type SentReminder } from './reminder-escalation';
import { calendarOf, PLAIN_CALENDAR } from './work-calendar';

// 2025 National Day: 1–8 October off, Sunday 28 September and Saturday 11 October worked (调休).
const CN_2025 = calendarOf([
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2025-10-${d}`, kind: 'HOLIDAY' as const })),
  { date: '2025-09-28', kind: 'WORKDAY' },
  { date: '2025-10-11', kind: 'WORKDAY' },
]);

const due = (today: string, sent: SentReminder[] = [], dueDate = '2025-09-30', calendar = CN_2025) =>
  escalationDue({ dueDate, today, rules: DEFAULT_ESCALATION_RULES, calendar, sent });

describe('reminder escalation', () => {
  it('counts working days strictly after the date, across a long holiday', () => {
    expect(nthWorkingDayAfter('2025-09-30', 1, CN_2025)).toBe('2025-10-09');
    expect(nthWorkingDayAfter('2025-09-30', 1, PLAIN_CALENDAR)).toBe('2025-10-01');
    expect(nthWorkingDayAfter('2025-10-04', 1, CN_2025)).toBe('2025-10-09'); // a deadline on a holiday
    expect(nthWorkingDayAfter('2025-10-09', 5, CN_2025)).toBe('2025-10-15'); // Saturday the 11th is worked
  });

  it('sends nothing on or before the deadline, nor during the holiday after it', () => {
    expect(due('2025-09-30')).toBeNull();
    expect(due('2025-10-01')).toBeNull();
    expect(due('2025-10-08')).toBeNull();
  });

  it('sends the first reminder on the working day after the deadline, until the day before the notice', () => {
    expect(due('2025-10-09')).toEqual({ level: 'REMINDER', deadline: '2025-10-14' });
    // A run that missed the day catches up on the next working day, never on a day off.
    expect(due('2025-10-12')).toBeNull();
    expect(due('2025-10-13')).toEqual({ level: 'REMINDER', deadline: '2025-10-17' });
  });

  it('sends the notice five working days after the first reminder, then nothing more', () => {
    const reminded: SentReminder[] = [{ level: 'REMINDER', issuedOn: '2025-10-09' }];
    expect(due('2025-10-09', reminded)).toBeNull();
    expect(due('2025-10-14', reminded)).toBeNull();
    expect(due('2025-10-15', reminded)).toEqual({ level: 'NOTICE', deadline: '2025-10-21' });
    expect(due('2025-10-20', [...reminded, { level: 'NOTICE', issuedOn: '2025-10-15' }])).toBeNull();
  });

  it('counts what a coordinator sent by hand after the deadline, but not a nudge before it', () => {
    expect(due('2025-10-09', [{ level: 'REMINDER', issuedOn: '2025-09-29' }])).toEqual({ level: 'REMINDER', deadline: '2025-10-14' });
    expect(due('2025-10-09', [{ level: 'NOTICE', issuedOn: '2025-10-09' }])).toBeNull();
  });

  it('follows the plan’s rules', () => {
    const rules = { reminderAfterDays: 3, noticeAfterDays: 2 };
    expect(escalationDue({ dueDate: '2025-09-30', today: '2025-10-10', rules, calendar: CN_2025, sent: [] })).toBeNull();
    expect(escalationDue({ dueDate: '2025-09-30', today: '2025-10-11', rules, calendar: CN_2025, sent: [] })).toEqual({ level: 'REMINDER', deadline: '2025-10-13' });
  });

  it('numbers slips per year', () => {
    expect(reminderNumber(2026, 12)).toBe('督办〔2026〕第12号');
  });
});

import { addWorkingDays, calendarOf, daysFrom, isWorkingDay, PLAIN_CALENDAR, workingDaysBetween } from './work-calendar';
import { DEFAULT_LIGHT_RULES, lightOf, type LightInput } from './warning-light';

// The State Council's 2025 National Day and Mid-Autumn arrangement: 1–8 October off, with Sunday
// 28 September and Saturday 11 October worked instead (调休).
const CN_2025 = calendarOf([
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2025-10-${d}`, kind: 'HOLIDAY' as const })),
  { date: '2025-09-28', kind: 'WORKDAY' },
  { date: '2025-10-11', kind: 'WORKDAY' },
]);

describe('working days', () => {
  it('follow the weekday, except holidays and make-up workdays', () => {
    expect(['2025-09-27', '2025-09-28', '2025-09-29', '2025-10-01', '2025-10-09', '2025-10-11', '2025-10-12'].map((d) => isWorkingDay(d, CN_2025))).toEqual([
      false, // Saturday
      true, // Sunday made a workday
      true,
      false, // National Day
      true,
      true, // Saturday made a workday
      false,
    ]);
  });

  it('count across a long holiday', () => {
    expect(addWorkingDays('2025-09-30', 1, CN_2025)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-30', 1, PLAIN_CALENDAR)).toBe('2025-10-01');
    expect(addWorkingDays('2025-10-04', 0, CN_2025)).toBe('2025-10-09'); // a holiday moves to the next working day
    expect(workingDaysBetween('2025-09-30', '2025-10-09', CN_2025)).toBe(1);
    expect(daysFrom('2025-09-30', '2025-10-09', CN_2025, false)).toBe(9);
    expect(workingDaysBetween('2025-10-09', '2025-09-30', CN_2025)).toBe(-1);
    expect(workingDaysBetween('2025-09-26', '2025-10-13', CN_2025)).toBe(7); // 28, 29, 30 Sep; 9, 10, 11, 13 Oct
  });
});

const input = (over: Partial<LightInput>): LightInput => ({
  dueDate: null,
  startedOn: null,
  percentDone: null,
  reportsMissed: 0,
  lastUpdateOn: null,
  urgent: false,
  finished: false,
  ...over,
});

describe('warning lights', () => {
  it('turn red once the deadline has passed', () => {
    expect(lightOf(input({ dueDate: '2025-06-30' }), DEFAULT_LIGHT_RULES, PLAIN_CALENDAR, '2025-07-01')).toMatchObject({ light: 'RED', reasons: ['OVERDUE'] });
    expect(lightOf(input({ dueDate: '2025-07-01' }), DEFAULT_LIGHT_RULES, PLAIN_CALENDAR, '2025-07-01').reasons).toEqual(['DUE_SOON']); // due today is not late yet
  });

  it('turn yellow within the warning window, counted in working days across the holiday', () => {
    const due = input({ dueDate: '2025-10-10' });
    // On 30 September the deadline is 10 calendar days away but only 2 working days (9 and 10 October).
    expect(lightOf(due, DEFAULT_LIGHT_RULES, CN_2025, '2025-09-30')).toMatchObject({ light: 'YELLOW', reasons: ['DUE_SOON'] });
    expect(lightOf(due, { ...DEFAULT_LIGHT_RULES, workingDays: false }, CN_2025, '2025-09-30').light).toBe('GREEN');
    expect(lightOf(due, DEFAULT_LIGHT_RULES, PLAIN_CALENDAR, '2025-09-30').light).toBe('GREEN'); // without the holiday: 8 working days
  });

  it('compare percent done with the share of time elapsed', () => {
    const year = { startedOn: '2025-01-01', dueDate: '2025-12-31' };
    const at = (percentDone: number) => lightOf(input({ ...year, percentDone }), { ...DEFAULT_LIGHT_RULES, workingDays: false }, PLAIN_CALENDAR, '2025-07-02');
    expect(at(50)).toMatchObject({ light: 'GREEN', pointsBehind: 0 });
    expect(at(38)).toMatchObject({ light: 'YELLOW', reasons: ['BEHIND_PACE'], pointsBehind: 12 });
    expect(at(15)).toMatchObject({ light: 'RED', reasons: ['FAR_BEHIND_PACE'], pointsBehind: 35 });
    expect(at(80).pointsBehind).toBe(-30); // ahead is fine
  });

  it('turn yellow for a missed report, and for an urgent item nobody has touched', () => {
    expect(lightOf(input({ reportsMissed: 1 }), DEFAULT_LIGHT_RULES, PLAIN_CALENDAR, '2025-07-01')).toMatchObject({ light: 'YELLOW', reasons: ['REPORT_MISSED'] });
    const quiet = input({ urgent: true, startedOn: '2025-06-01', lastUpdateOn: '2025-06-10' });
    expect(lightOf(quiet, DEFAULT_LIGHT_RULES, PLAIN_CALENDAR, '2025-06-24').reasons).toEqual([]); // 10 working days: not yet
    expect(lightOf(quiet, DEFAULT_LIGHT_RULES, PLAIN_CALENDAR, '2025-06-25').reasons).toEqual(['STALE']);
    expect(lightOf({ ...quiet, urgent: false }, DEFAULT_LIGHT_RULES, PLAIN_CALENDAR, '2025-07-30').light).toBe('GREEN');
  });

  it('keep every reason, the worst deciding the colour; finished work is green', () => {
    const bad = input({ dueDate: '2025-06-30', startedOn: '2025-01-01', percentDone: 10, reportsMissed: 2 });
    expect(lightOf(bad, DEFAULT_LIGHT_RULES, PLAIN_CALENDAR, '2025-07-15')).toMatchObject({ light: 'RED', reasons: ['OVERDUE', 'FAR_BEHIND_PACE', 'REPORT_MISSED'] });
    expect(lightOf({ ...bad, finished: true }, DEFAULT_LIGHT_RULES, PLAIN_CALENDAR, '2025-07-15').light).toBe('GREEN');
  });
});

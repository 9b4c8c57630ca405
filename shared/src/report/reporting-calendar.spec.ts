import { addDays, daysBetween, lastDayOfMonth } from './calendar-days';
import { periodOf, periodRange, periodsBetween, reportDueDate, type ReportCadence } from './reporting-calendar';

describe('periodOf', () => {
  it.each<[string, ReportCadence, string]>([
    ['2026-01-01', 'QUARTER', '2026-Q1'],
    ['2026-03-31', 'QUARTER', '2026-Q1'],
    ['2026-04-01', 'QUARTER', '2026-Q2'],
    ['2026-09-30', 'QUARTER', '2026-Q3'],
    ['2026-12-31', 'QUARTER', '2026-Q4'],
    ['2026-06-30', 'HALF_YEAR', '2026-H1'],
    ['2026-07-01', 'HALF_YEAR', '2026-H2'],
    ['2026-02-14', 'YEAR', '2026'],
  ])('%s by %s is %s', (date, cadence, period) => expect(periodOf(date, cadence)).toBe(period));

  it.each(['2026-02-30', '2026/01/01', ''])('refuses a date that is not a calendar day: %p', (date) => {
    expect(() => periodOf(date, 'QUARTER')).toThrow(RangeError);
  });
});

describe('periodRange', () => {
  it.each([
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
    ['2026-H1', '2026-01-01', '2026-06-30'],
    ['2026-H2', '2026-07-01', '2026-12-31'],
    ['2026', '2026-01-01', '2026-12-31'],
    ['2028-Q1', '2028-01-01', '2028-03-31'],
  ])('%s runs %s to %s', (period, start, end) => expect(periodRange(period)).toEqual({ start, end }));

  it.each(['2026-Q5', '2026-H3', '26-Q1', '2026Q1', '2026-q1'])('refuses %p', (period) => {
    expect(() => periodRange(period)).toThrow(/not a reporting period/);
  });
});

describe('reportDueDate', () => {
  it.each<[string, number, number, string]>([
    // 季报 ten days after the quarter.
    ['2026-Q1', 10, 0, '2026-04-10'],
    ['2026-Q4', 10, 0, '2027-01-10'],
    ['2026-H1', 5, 0, '2026-07-05'],
    ['2026', 15, 0, '2027-01-15'],
    // Due on the last day of the period itself.
    ['2026-Q1', 0, 0, '2026-03-31'],
    // The 002 style: 半年报 by 6月5日 and 12月5日 = 5 days after the end of the month before the half closes.
    ['2026-H1', 5, -1, '2026-06-05'],
    ['2026-H2', 5, -1, '2026-12-05'],
    // The shift lands on the end of a month, whatever its length.
    ['2026-Q1', 0, -1, '2026-02-28'],
    ['2028-Q1', 0, -1, '2028-02-29'],
  ])('%s with offset %i and shift %i is due %s', (period, offset, shift, due) => {
    expect(reportDueDate(period, offset, { periodEndMonthShift: shift })).toBe(due);
  });

  it('refuses fractional offsets and shifts', () => {
    expect(() => reportDueDate('2026-Q1', 1.5)).toThrow(RangeError);
    expect(() => reportDueDate('2026-Q1', 1, { periodEndMonthShift: 0.5 })).toThrow(RangeError);
  });
});

describe('periodsBetween', () => {
  it.each<[string, string, ReportCadence, string[]]>([
    ['2026-02-15', '2026-11-01', 'QUARTER', ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']],
    ['2026-04-01', '2026-06-30', 'QUARTER', ['2026-Q2']],
    ['2025-11-01', '2026-04-01', 'QUARTER', ['2025-Q4', '2026-Q1', '2026-Q2']],
    // A three-year plan (004): 2015 to 2017.
    ['2015-01-01', '2017-12-31', 'YEAR', ['2015', '2016', '2017']],
    ['2015-03-01', '2016-07-01', 'HALF_YEAR', ['2015-H1', '2015-H2', '2016-H1', '2016-H2']],
    ['2026-05-10', '2026-05-10', 'HALF_YEAR', ['2026-H1']],
    ['2026-06-01', '2026-01-01', 'QUARTER', []],
  ])('%s to %s by %s', (start, end, cadence, periods) => expect(periodsBetween(start, end, cadence)).toEqual(periods));
});

describe('calendar days', () => {
  it('counts across months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-03-29', '2026-03-28')).toBe(-1);
    expect(lastDayOfMonth(2026, 13)).toBe('2027-01-31');
    expect(lastDayOfMonth(2026, 0)).toBe('2025-12-31');
  });
});

import { expectedPace, paceStatus, type PaceStatus } from './pace';

describe('expectedPace (序时进度)', () => {
  const year = { start: '2026-01-01', end: '2026-12-31' };
  it.each<[string, number]>([
    ['2025-12-31', 0],
    ['2026-01-01', 1 / 365],
    ['2026-06-30', 181 / 365],
    ['2026-07-02', 183 / 365],
    ['2026-12-31', 1],
    ['2027-03-01', 1],
  ])('a calendar-year plan on %s is at %f', (today, pace) => {
    expect(expectedPace({ ...year, today })).toBeCloseTo(pace, 12);
  });

  it('time is half gone at the end of June (时间过半)', () => {
    expect(expectedPace({ ...year, today: '2026-06-30' })).toBeLessThan(0.5);
    expect(expectedPace({ ...year, today: '2026-07-02' })).toBeGreaterThan(0.5);
  });

  it('a one-day period is complete on its day', () => {
    expect(expectedPace({ start: '2026-05-10', end: '2026-05-10', today: '2026-05-10' })).toBe(1);
  });

  it('refuses a period that ends before it starts, and dates that are not days', () => {
    expect(() => expectedPace({ start: '2026-05-10', end: '2026-05-09', today: '2026-05-10' })).toThrow(RangeError);
    expect(() => expectedPace({ start: '2026-05-10', end: '2026-13-01', today: '2026-05-10' })).toThrow(RangeError);
  });
});

describe('paceStatus', () => {
  it.each<[number, number, PaceStatus]>([
    [0.5, 0.5, 'ON_PACE'],
    [0.6, 0.5, 'ON_PACE'],
    [0.61, 0.5, 'AHEAD'],
    [1.2, 0.5, 'AHEAD'],
    [0.4, 0.5, 'ON_PACE'],
    // 0.4 − 0.3 is 0.10000000000000003 in floating point: still exactly 10 points.
    [0.3, 0.4, 'ON_PACE'],
    [0.39, 0.5, 'BEHIND'],
    [0.2, 0.5, 'BEHIND'],
    [0.19, 0.5, 'FAR_BEHIND'],
    [-0.1, 0.5, 'FAR_BEHIND'],
    [0, 0, 'ON_PACE'],
  ])('progress %f against pace %f → %s', (progress, pace, status) => expect(paceStatus(progress, pace)).toBe(status));

  it('takes custom tolerances, falling back to defaults for the rest', () => {
    expect(paceStatus(0.44, 0.5, { behind: 0.05 })).toBe('BEHIND');
    expect(paceStatus(0.3, 0.5, { farBehind: 0.15 })).toBe('FAR_BEHIND');
    expect(paceStatus(0.51, 0.5, { ahead: 0 })).toBe('AHEAD');
  });

  it('refuses nonsense tolerances and numbers', () => {
    expect(() => paceStatus(0.5, 0.5, { behind: 0.4, farBehind: 0.2 })).toThrow(RangeError);
    expect(() => paceStatus(Number.NaN, 0.5)).toThrow(RangeError);
  });
});

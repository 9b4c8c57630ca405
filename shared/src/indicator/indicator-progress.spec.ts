import { indicatorProgress } from './indicator-progress';
import { expectedPace, paceStatus } from './pace';

describe('indicatorProgress', () => {
  it.each<[string, number, number, number | null, number | null]>([
    ['rising, halfway', 100, 200, 150, 0.5],
    ['rising, on target', 100, 200, 200, 1],
    ['rising, over target', 100, 200, 230, 1.3],
    ['rising, went backwards', 100, 200, 90, -0.1],
    ['rising, at baseline', 100, 200, 100, 0],
    // 单位GDP能耗 must fall: from 0.8 to 0.6 tonnes per 10⁴ yuan.
    ['falling, halfway', 0.8, 0.6, 0.7, 0.5],
    ['falling, beyond target', 0.8, 0.6, 0.55, 1.25],
    ['falling, rose instead', 0.8, 0.6, 0.9, -0.5],
    ['target equals baseline', 50, 50, 60, null],
    ['nothing reported yet', 100, 200, null, null],
  ])('%s', (_label, baseline, target, actual, progress) => {
    const result = indicatorProgress({ baseline, target, actual });
    if (progress === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(progress, 12);
  });

  it('refuses values that are not numbers', () => {
    expect(() => indicatorProgress({ baseline: Number.NaN, target: 1, actual: 1 })).toThrow(RangeError);
    expect(() => indicatorProgress({ baseline: 0, target: 1, actual: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });

  it('feeds paceStatus: 30% of the way at the end of September is far behind', () => {
    const progress = indicatorProgress({ baseline: 1000, target: 2000, actual: 1300 }) as number;
    const pace = expectedPace({ start: '2026-01-01', end: '2026-12-31', today: '2026-09-30' });
    expect(paceStatus(progress, pace)).toBe('FAR_BEHIND');
  });
});

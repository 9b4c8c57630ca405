import { taskSortKey } from './task-code';
import { isIsoDate, isOverdue, todayIn } from './task-deadline';

describe('taskSortKey', () => {
  it('orders outline codes the way people read them', () => {
    const codes = ['1.10', '1.9', '2', '1.2.1', '1.2', '10.1', 'P-3', 'P-12'];
    expect([...codes].sort((a, b) => taskSortKey(a).localeCompare(taskSortKey(b)))).toEqual(['1.2', '1.2.1', '1.9', '1.10', '2', '10.1', 'P-3', 'P-12']);
  });
});

describe('deadlines', () => {
  it('a task is overdue only before inspection and only after its due day', () => {
    expect(isOverdue('2026-05-10', 'IMPLEMENTATION', '2026-05-11')).toBe(true);
    expect(isOverdue('2026-05-10', 'IMPLEMENTATION', '2026-05-10')).toBe(false);
    expect(isOverdue('2026-05-10', 'INSPECTION', '2026-06-01')).toBe(false);
    expect(isOverdue(null, 'PROPOSAL', '2026-06-01')).toBe(false);
  });

  it('today is counted in China time', () => {
    // 20:00 UTC on 31 May is already 1 June in Beijing.
    expect(todayIn('Asia/Shanghai', new Date('2026-05-31T20:00:00Z'))).toBe('2026-06-01');
  });

  it.each([
    ['2026-02-28', true],
    ['2026-02-30', false],
    ['2026-2-1', false],
    ['tomorrow', false],
  ])('isIsoDate(%s) = %s', (value, ok) => expect(isIsoDate(value)).toBe(ok));
});

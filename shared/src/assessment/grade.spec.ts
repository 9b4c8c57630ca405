import { GRADE_LABELS_ZH, gradeAtLeast, gradeOf, type AssessmentGrade } from './grade';

describe('gradeOf', () => {
  it.each<[number, AssessmentGrade, string]>([
    [100, 'EXCELLENT', '优秀'],
    [90, 'EXCELLENT', '优秀'],
    [89.99, 'GOOD', '良好'],
    [80, 'GOOD', '良好'],
    [79.5, 'PASS', '合格'],
    [60, 'PASS', '合格'],
    [59.99, 'FAIL', '不合格'],
    [0, 'FAIL', '不合格'],
  ])('%f → %s (%s)', (score, grade, label) => {
    expect(gradeOf(score)).toBe(grade);
    expect(GRADE_LABELS_ZH[gradeOf(score)]).toBe(label);
  });

  it.each([-0.1, 100.5, 850, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p with a RangeError', (score) => {
    expect(() => gradeOf(score)).toThrow(RangeError);
  });

  it('orders grades', () => {
    expect(gradeAtLeast('EXCELLENT', 'GOOD')).toBe(true);
    expect(gradeAtLeast('GOOD', 'GOOD')).toBe(true);
    expect(gradeAtLeast('PASS', 'GOOD')).toBe(false);
  });
});

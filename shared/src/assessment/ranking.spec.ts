import { rankDepartments, type DepartmentAssessment } from './ranking';

const scored = (entries: Record<string, number>) => Object.entries(entries).map(([departmentId, score]) => ({ departmentId, score }));

/** One line per department, easy to read in a table: id rank grade flags reasons. */
function summary(rows: DepartmentAssessment[]): string[] {
  return rows.map((r) => {
    const flags = [r.commended && 'commended', r.warned && 'warned', r.demotion && 'demoted'].filter(Boolean).join('+') || '-';
    return `${r.departmentId} #${r.rank} ${r.grade} ${flags} [${r.reasons.join(',')}]`;
  });
}

describe('rankDepartments', () => {
  it('commends the top three and warns the bottom three of a province', () => {
    const rows = rankDepartments({
      scores: scored({ a: 95, b: 91, c: 88, d: 85, e: 82, f: 78, g: 70, h: 65 }),
      commendCount: 3,
      warnCount: 3,
    });
    expect(summary(rows)).toEqual([
      'a #1 EXCELLENT commended [TOP_N]',
      'b #2 EXCELLENT commended [TOP_N]',
      'c #3 GOOD commended [TOP_N]',
      'd #4 GOOD - []',
      'e #5 GOOD - []',
      'f #6 PASS warned [BOTTOM_N]',
      'g #7 PASS warned [BOTTOM_N]',
      'h #8 PASS warned [BOTTOM_N]',
    ]);
    expect(rows[0]).toEqual({ departmentId: 'a', score: 95, rank: 1, grade: 'EXCELLENT', commended: true, warned: false, demotion: false, reasons: ['TOP_N'] });
  });

  it('shares ranks on ties (1, 2, 2, 4) and takes everyone tied at a cut-off', () => {
    const rows = rankDepartments({ scores: scored({ d: 80, a: 95, c: 90, b: 90, e: 70, f: 70, g: 75 }), commendCount: 2, warnCount: 1 });
    expect(summary(rows)).toEqual([
      'a #1 EXCELLENT commended [TOP_N]',
      'b #2 EXCELLENT commended [TOP_N]',
      'c #2 EXCELLENT commended [TOP_N]',
      'd #4 GOOD - []',
      'g #5 PASS - []',
      'e #6 PASS warned [BOTTOM_N]',
      'f #6 PASS warned [BOTTOM_N]',
    ]);
  });

  it.each<[string, string[], string[]]>([
    ['twice in the bottom three is demoted', ['x', 'h'], ['f #3 PASS warned [BOTTOM_N]', 'g #4 PASS warned [BOTTOM_N]', 'h #5 PASS warned+demoted [BOTTOM_N,BOTTOM_TWICE]']],
    ['bottom last period but not now is not demoted', ['a'], ['f #3 PASS warned [BOTTOM_N]', 'g #4 PASS warned [BOTTOM_N]', 'h #5 PASS warned [BOTTOM_N]']],
  ])('%s', (_label, previousBottom, bottom) => {
    const rows = rankDepartments({ scores: scored({ a: 95, b: 85, f: 78, g: 70, h: 65 }), commendCount: 1, warnCount: 3, previousBottom });
    expect(summary(rows).slice(2)).toEqual(bottom);
    expect(rows[0].demotion).toBe(false);
  });

  it('a failing grade means demotion, warned or not, and withholds commendation', () => {
    const rows = rankDepartments({ scores: scored({ a: 58, b: 55, c: 50, d: 40 }), commendCount: 1, warnCount: 1 });
    expect(summary(rows)).toEqual([
      'a #1 FAIL demoted [COMMEND_WITHHELD,FAILED]',
      'b #2 FAIL demoted [FAILED]',
      'c #3 FAIL demoted [FAILED]',
      'd #4 FAIL warned+demoted [BOTTOM_N,FAILED]',
    ]);
  });

  it.each<[string, Record<string, number>, string[]]>([
    // Fewer departments than commendCount + warnCount: top and bottom overlap.
    ['good or better: commended, not warned', { a: 92, b: 84, c: 62 }, ['a #1 EXCELLENT commended [TOP_N]', 'b #2 GOOD commended [TOP_N]', 'c #3 PASS warned [BOTTOM_N]']],
    ['only passing: warned, not commended', { a: 92, b: 75, c: 62 }, ['a #1 EXCELLENT commended [TOP_N]', 'b #2 PASS warned [COMMEND_WITHHELD,BOTTOM_N]', 'c #3 PASS warned [BOTTOM_N]']],
    ['one department alone', { a: 70 }, ['a #1 PASS warned [COMMEND_WITHHELD,BOTTOM_N]']],
  ])('overlapping cut-offs (2 commended, 2 warned of 3): %s', (_label, scores, expected) => {
    expect(summary(rankDepartments({ scores: scored(scores), commendCount: 2, warnCount: 2 }))).toEqual(expected);
  });

  it('commendCount or warnCount 0 turns that side off', () => {
    const rows = rankDepartments({ scores: scored({ a: 95, b: 65 }), commendCount: 0, warnCount: 0, previousBottom: ['b'] });
    expect(summary(rows)).toEqual(['a #1 EXCELLENT - []', 'b #2 PASS - []']);
  });

  it('no departments, no results', () => {
    expect(rankDepartments({ scores: [], commendCount: 3, warnCount: 3 })).toEqual([]);
  });

  it.each<[string, Parameters<typeof rankDepartments>[0], RegExp]>([
    ['a negative score', { scores: scored({ a: -1 }), commendCount: 1, warnCount: 1 }, /between 0 and 100/],
    ['a department scored twice', { scores: [...scored({ a: 90 }), ...scored({ a: 80 })], commendCount: 1, warnCount: 1 }, /more than once/],
    ['a negative count', { scores: scored({ a: 90 }), commendCount: -1, warnCount: 1 }, /commendCount/],
    ['a fractional count', { scores: scored({ a: 90 }), commendCount: 1, warnCount: 1.5 }, /warnCount/],
  ])('refuses %s', (_label, input, message) => {
    expect(() => rankDepartments(input)).toThrow(message);
  });
});

import { rankDepartments } from '../assessment';
import { checkScoringRules, DEFAULT_SCORING_RULES, pointsFor, scoreDepartments, type ScoreEvent } from './scoring';

const event = (departmentId: string, kind: ScoreEvent['kind'], extra: Partial<ScoreEvent> = {}): ScoreEvent => ({
  departmentId,
  kind,
  taskId: `t-${departmentId}`,
  taskCode: '1.1',
  on: '2026-10-10',
  ...extra,
});

describe('supervision scoring', () => {
  it('charges successive returns of one task more each time, the last penalty repeating', () => {
    const nth = (n: number) => pointsFor(event('a', 'RETURN', { nth: n }), DEFAULT_SCORING_RULES);
    expect([1, 2, 3, 4, 5, 9].map(nth)).toEqual([-0.5, -1, -2, -5, -5, -5]);
  });

  it('adds and deducts from the base, each item with its reason, oldest first', () => {
    const [a, b, c] = scoreDepartments(
      ['a', 'b', 'c'],
      [
        event('a', 'RED_CARD', { on: '2026-10-20' }),
        event('a', 'RETURN', { nth: 2, on: '2026-10-05' }),
        event('a', 'FINISHED_ON_TIME', { on: '2026-10-30' }),
        event('b', 'YELLOW_CARD'),
        event('b', 'POSITIVE_INSTRUCTION'),
        event('elsewhere', 'RED_CARD'),
      ],
      DEFAULT_SCORING_RULES,
    );
    expect(a).toMatchObject({ score: 90, rawScore: 90, deductions: 11, additions: 1 });
    expect(a.items.map((i) => [i.kind, i.points])).toEqual([
      ['RETURN', -1],
      ['RED_CARD', -10],
      ['FINISHED_ON_TIME', 1],
    ]);
    expect(b.score).toBe(96);
    // Nothing happened: the base.
    expect(c).toMatchObject({ score: 100, items: [] });
  });

  it('never scores below 0 (the raw total says how far below), and bonuses lift past the base', () => {
    const events = Array.from({ length: 12 }, () => event('a', 'RED_CARD'));
    const [a, b] = scoreDepartments(['a', 'b'], [...events, event('b', 'FINISHED_ON_TIME')], DEFAULT_SCORING_RULES);
    expect(a).toMatchObject({ score: 0, rawScore: -20 });
    expect(b).toMatchObject({ score: 101, rawScore: 101 });
  });

  it('feeds the ranking: the bottom three get yellow cards, the top ones commendation', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const cards = scoreDepartments(ids, [event('e', 'RED_CARD'), event('f', 'RED_CARD'), event('f', 'YELLOW_CARD'), event('g', 'RETURN', { nth: 4 }), event('a', 'FINISHED_ON_TIME')], DEFAULT_SCORING_RULES);
    const ranked = rankDepartments({ scores: cards.map(({ departmentId, score }) => ({ departmentId, score })), commendCount: 1, warnCount: 3 });
    expect(ranked.filter((r) => r.warned).map((r) => r.departmentId).sort()).toEqual(['e', 'f', 'g']);
    expect(ranked.filter((r) => r.commended).map((r) => r.departmentId)).toEqual(['a']);
  });

  it('refuses rules that make no sense, naming the field', () => {
    expect(checkScoringRules(DEFAULT_SCORING_RULES)).toBeNull();
    expect(checkScoringRules({ ...DEFAULT_SCORING_RULES, base: 0 })?.field).toBe('base');
    expect(checkScoringRules({ ...DEFAULT_SCORING_RULES, returnPenalties: [] })?.field).toBe('returnPenalties');
    expect(checkScoringRules({ ...DEFAULT_SCORING_RULES, returnPenalties: [1, -2] })?.field).toBe('returnPenalties');
    expect(checkScoringRules({ ...DEFAULT_SCORING_RULES, redCard: Number.NaN })?.field).toBe('redCard');
  });
});

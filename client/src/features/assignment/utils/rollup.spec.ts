import { ASSIGNMENT_TEXT } from '../assignment.messages';
import { rollupColor, showsRollup } from './rollup';

const r = (over: Partial<Record<'units' | 'signed' | 'reported' | 'passed' | 'returned' | 'sentBack', number>>) => ({ units: 4, signed: 4, reported: 0, passed: 0, returned: 0, sentBack: 0, ...over });

describe('a card’s units roll-up', () => {
  it('reads “3/4 已报 · 1 退回”, and counts sign-for first while units have not signed', () => {
    expect(ASSIGNMENT_TEXT['zh-CN'].rollup(r({ reported: 3, returned: 1 }))).toBe('3/4 已报 · 1 退回');
    expect(ASSIGNMENT_TEXT['zh-CN'].rollup(r({ signed: 2 }))).toBe('签收 2/4');
    expect(ASSIGNMENT_TEXT['zh-CN'].rollup(r({ units: 2, signed: 2, reported: 2, sentBack: 1 }))).toBe('2/2 已报 · 1 退办');
    expect(ASSIGNMENT_TEXT.en.rollup(r({ reported: 3, returned: 1 }))).toBe('3/4 reported · 1 returned');
  });

  it('shows during implementation, and elsewhere only when something needs a look', () => {
    expect(showsRollup(r({}), 'IMPLEMENTATION')).toBe(true);
    expect(showsRollup(r({}), 'REVIEW')).toBe(false);
    expect(showsRollup(r({ returned: 1 }), 'INSPECTION')).toBe(true);
    expect(showsRollup(r({ units: 0, signed: 0 }), 'IMPLEMENTATION')).toBe(false);
    expect(showsRollup(undefined, 'IMPLEMENTATION')).toBe(false);
  });

  it('colours what needs action', () => {
    expect(rollupColor(r({ sentBack: 1 }))).toBe('red');
    expect(rollupColor(r({ returned: 1 }))).toBe('orange');
    expect(rollupColor(r({ signed: 3 }))).toBe('orange');
    expect(rollupColor(r({ reported: 4, passed: 4 }))).toBe('green');
    expect(rollupColor(r({ reported: 2 }))).toBe('default');
  });
});

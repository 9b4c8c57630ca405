import { matchDepartments, similarity } from './department-match';

const known = [
  { id: '1', code: 'jxw', name: '省经济和信息化委' },
  { id: '2', code: 'kjt', name: '省科技厅' },
  { id: '3', code: 'zs-kjj', name: '市科技局' },
];

describe('matching imported department names', () => {
  it('finds exact names and abbreviations through the directory', () => {
    const [exact, abbreviated] = matchDepartments(['省科技厅', '经信委'], known);
    expect(exact.existing?.id).toBe('2');
    expect(abbreviated.existing?.id).toBe('1');
  });

  it('offers close names for a department it does not know, and none for an unrelated one', () => {
    const [typo, unrelated] = matchDepartments(['省科学技术厅', '某某协会'], known);
    expect(typo.existing).toBeNull();
    expect(typo.suggestions.map((s) => s.id)).toContain('2');
    expect(unrelated.suggestions).toEqual([]);
  });

  it('scores by shared character pairs, ignoring the 省/市 prefix', () => {
    expect(similarity('科技厅', '省科技厅')).toBe(1);
    expect(similarity('省财政厅', '省科技厅')).toBeLessThan(0.5);
  });
});

import { EMPTY_FILTER, filterFromSearch, filterToSearch, isFiltered, toApiFilter } from './board-filter';

describe('board filter ↔ URL', () => {
  it('round-trips every field', () => {
    const filter = { planId: 'p1', departmentCodes: ['jxw', 'kjt'], includeCooperating: true, overdue: true, lights: ['YELLOW' as const, 'RED' as const], search: '增加值 8%', swimlanes: true };
    const search = filterToSearch(filter);
    expect(search).toBe('?plan=p1&dept=jxw%2Ckjt&coop=1&overdue=1&light=YELLOW%2CRED&q=%E5%A2%9E%E5%8A%A0%E5%80%BC+8%25&lanes=1');
    expect(filterFromSearch(search)).toEqual(filter);
  });

  it('leaves defaults out, so the plain board has a plain URL', () => {
    expect(filterToSearch(EMPTY_FILTER)).toBe('');
    expect(filterToSearch({ ...EMPTY_FILTER, search: '   ' })).toBe('');
    expect(filterFromSearch('')).toEqual(EMPTY_FILTER);
  });

  it('reads a hand-written link leniently', () => {
    expect(filterFromSearch('?dept=jxw,,kjt&overdue=true&unknown=1')).toEqual({ ...EMPTY_FILTER, departmentCodes: ['jxw', 'kjt'], overdue: true });
    // Lights in any case and order, unknown ones and repeats dropped.
    expect(filterFromSearch('?light=red,purple,Yellow,RED').lights).toEqual(['YELLOW', 'RED']);
  });

  it('says whether anything narrows the board (swimlanes do not)', () => {
    expect(isFiltered({ ...EMPTY_FILTER, swimlanes: true })).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, overdue: true })).toBe(true);
    expect(isFiltered({ ...EMPTY_FILTER, lights: ['RED'] })).toBe(true);
  });

  it('turns department codes into ids for the API, dropping unknown ones', () => {
    const ids = new Map([['jxw', 'id-1']]);
    expect(toApiFilter({ ...EMPTY_FILTER, departmentCodes: ['jxw', 'nope'], search: ' x ' }, ids)).toEqual({
      planId: null,
      departmentIds: ['id-1'],
      includeCooperating: false,
      overdue: false,
      lights: null,
      search: 'x',
    });
  });
});

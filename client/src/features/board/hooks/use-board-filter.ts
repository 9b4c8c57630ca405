import { useCallback, useEffect, useState } from 'react';
import { filterFromSearch, filterToSearch, type BoardFilterState } from '../utils/board-filter';

/** The filter, kept in the address bar: a reload, a bookmark or a shared link shows the same board. */
export function useBoardFilter(): [BoardFilterState, (change: Partial<BoardFilterState>) => void, () => void] {
  const [filter, setFilter] = useState(() => filterFromSearch(location.search));
  useEffect(() => {
    const onPop = () => setFilter(filterFromSearch(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((change: Partial<BoardFilterState>) => {
    setFilter((current) => {
      const next = { ...current, ...change };
      const search = filterToSearch(next);
      if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}`);
      return next;
    });
  }, []);
  const clear = useCallback(() => update({ planId: null, departmentCodes: [], includeCooperating: false, overdue: false, lights: [], search: '' }), [update]);
  return [filter, update, clear];
}

import { useCallback, useEffect, useState } from 'react';

/**
 * The watch list's filter, in the address bar with the board's own parameters (`?plan=<id>&dept=<code>`),
 * so switching between the two keeps the plan and department. The watch list takes one department;
 * from a board filtered by several it takes the first.
 */
export interface WatchFilter {
  planId: string | null;
  departmentCode: string | null;
}

export function watchFilterFromSearch(search: string): WatchFilter {
  const params = new URLSearchParams(search);
  const code = (params.get('dept') ?? '').split(',').map((c) => c.trim()).find(Boolean) ?? null;
  return { planId: params.get('plan') || null, departmentCode: code };
}

/** The search string with `plan` and `dept` replaced, every other parameter kept. */
export function watchFilterToSearch(filter: WatchFilter, search: string): string {
  const params = new URLSearchParams(search);
  if (filter.planId) params.set('plan', filter.planId);
  else params.delete('plan');
  if (filter.departmentCode) params.set('dept', filter.departmentCode);
  else params.delete('dept');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function useWatchFilter(): [WatchFilter, (change: Partial<WatchFilter>) => void] {
  const [filter, setFilter] = useState(() => watchFilterFromSearch(location.search));
  useEffect(() => {
    const onPop = () => setFilter(watchFilterFromSearch(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((change: Partial<WatchFilter>) => {
    setFilter((current) => {
      const next = { ...current, ...change };
      const search = watchFilterToSearch(next, location.search);
      if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
      return next;
    });
  }, []);
  return [filter, update];
}

import { useCallback, useEffect, useState } from 'react';

const planFromUrl = () => new URLSearchParams(location.search).get('plan') || null;

/** The chosen plan, kept as `?plan=` in the address bar (the board uses the same parameter), so a link shows the same plan. */
export function usePlanInUrl(): [string | null, (planId: string | null) => void] {
  const [planId, setPlanIdState] = useState<string | null>(planFromUrl);
  useEffect(() => {
    const onPop = () => setPlanIdState(planFromUrl());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const setPlanId = useCallback((next: string | null) => {
    const params = new URLSearchParams(location.search);
    if (next) params.set('plan', next);
    else params.delete('plan');
    const search = params.toString();
    const url = `${location.pathname}${search ? `?${search}` : ''}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
    setPlanIdState(next);
  }, []);
  return [planId, setPlanId];
}

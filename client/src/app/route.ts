import { useEffect, useState } from 'react';

/** The places of the app; each is a path, so it can be bookmarked. Filters stay in the query string. */
export type View = 'board' | 'dashboard' | 'inbox' | 'import';

const PATHS: Record<View, string> = { board: '/', dashboard: '/dashboard', inbox: '/inbox', import: '/import' };
const NAVIGATED = 'workplan:navigate';

export function viewOf(pathname: string): View {
  if (pathname.startsWith('/dashboard')) return 'dashboard';
  if (pathname.startsWith('/inbox')) return 'inbox';
  if (pathname.startsWith('/import')) return 'import';
  return 'board';
}

/** `search` true keeps the current query string, false drops it, a string (`?plan=…`) replaces it. */
export function navigate(view: View, search: boolean | string = true): void {
  const query = typeof search === 'string' ? search : search ? location.search : '';
  history.pushState(null, '', `${PATHS[view]}${query}`);
  dispatchEvent(new Event(NAVIGATED));
}

export function useView(): View {
  const [view, setView] = useState(() => viewOf(location.pathname));
  useEffect(() => {
    const update = () => setView(viewOf(location.pathname));
    addEventListener('popstate', update);
    addEventListener(NAVIGATED, update);
    return () => {
      removeEventListener('popstate', update);
      removeEventListener(NAVIGATED, update);
    };
  }, []);
  return view;
}

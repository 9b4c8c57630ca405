import { useEffect, useState } from 'react';

/** The three places of the app; each is a path, so it can be bookmarked. Filters stay in the query string. */
export type View = 'board' | 'dashboard' | 'inbox';

const PATHS: Record<View, string> = { board: '/', dashboard: '/dashboard', inbox: '/inbox' };
const NAVIGATED = 'workplan:navigate';

export function viewOf(pathname: string): View {
  if (pathname.startsWith('/dashboard')) return 'dashboard';
  if (pathname.startsWith('/inbox')) return 'inbox';
  return 'board';
}

export function navigate(view: View, keepSearch = true): void {
  const search = keepSearch ? location.search : '';
  history.pushState(null, '', `${PATHS[view]}${search}`);
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

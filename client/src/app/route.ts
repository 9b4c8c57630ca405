import { scopeOf, type Operation, type Role } from '@workplan/shared';
import { useEffect, useState } from 'react';

/** The places of the app; each is a path, so it can be bookmarked. Filters stay in the query string. */
export type View = 'board' | 'watch' | 'following' | 'dashboard' | 'inbox' | 'import' | 'admin';

const PATHS: Record<View, string> = { board: '/', watch: '/watch', following: '/following', dashboard: '/dashboard', inbox: '/inbox', import: '/import', admin: '/admin' };
const NAVIGATED = 'workplan:navigate';

/**
 * What each view cannot do without. A role is offered the views whose operation the permission
 * table admits it to, so the menu never leads anyone to a page the server would refuse: an
 * administrator gets only the administration, and only administrators get it.
 */
const NEEDS: Record<View, Operation> = { board: 'board', watch: 'watchList', following: 'followedTasks', dashboard: 'planDashboard', inbox: 'findingList', import: 'importPlan', admin: 'auditLog' };
/**
 * Views a role may open but is not offered: staff may read the watch list (narrowed to what their
 * board shows), but their own department's lights are on its cards; 督办 is for those who supervise.
 */
const NOT_OFFERED: Partial<Record<View, readonly Role[]>> = { watch: ['STAFF'] };
const ORDER: readonly View[] = ['board', 'watch', 'following', 'dashboard', 'inbox', 'import', 'admin'];

export function viewsFor(role: Role): View[] {
  return ORDER.filter((view) => scopeOf(role, NEEDS[view]) !== null && !NOT_OFFERED[view]?.includes(role));
}

/**
 * Where a role lands after signing in without a link to follow: a coordinator's morning starts at
 * the watch list (督办: what is late, due, missing), everyone else's at their first view.
 */
export function homeView(role: Role): View {
  const views = viewsFor(role);
  if (role === 'COORDINATOR' && views.includes('watch')) return 'watch';
  return views[0] ?? 'board';
}

export const homePath = (role: Role): string => PATHS[homeView(role)];

export function viewOf(pathname: string): View {
  if (pathname.startsWith('/watch')) return 'watch';
  if (pathname.startsWith('/following')) return 'following';
  if (pathname.startsWith('/dashboard')) return 'dashboard';
  if (pathname.startsWith('/inbox')) return 'inbox';
  if (pathname.startsWith('/import')) return 'import';
  if (pathname.startsWith('/admin')) return 'admin';
  return 'board';
}

/**
 * `search` true keeps the current query string, false drops it, a string (`?plan=…`) replaces it.
 * `replace` rewrites the current history entry (a redirect the back button should not return to).
 */
export function navigate(view: View, search: boolean | string = true, replace = false): void {
  const query = typeof search === 'string' ? search : search ? location.search : '';
  if (replace) history.replaceState(null, '', `${PATHS[view]}${query}`);
  else history.pushState(null, '', `${PATHS[view]}${query}`);
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

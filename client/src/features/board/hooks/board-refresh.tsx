import type { BoardStage } from '@workplan/shared';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';

type Listener = (stages: ReadonlySet<BoardStage>) => void;

export interface BoardRefresh {
  /** Ask the named columns (and the totals) to reload from the server. */
  notify(stages: Iterable<BoardStage | null | undefined>): void;
  subscribe(listener: Listener): () => void;
}

const Context = createContext<BoardRefresh | null>(null);

/** A tiny bus: a move or a live event names the columns it touched; those columns refetch themselves. */
export function BoardRefreshProvider({ children }: { children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const value = useMemo<BoardRefresh>(
    () => ({
      notify: (stages) => {
        const set = new Set([...stages].filter((s): s is BoardStage => Boolean(s)));
        for (const listener of listeners.current) listener(set);
      },
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useBoardRefresh(): BoardRefresh {
  const value = useContext(Context);
  if (!value) throw new Error('useBoardRefresh outside BoardRefreshProvider');
  return value;
}

/** Runs `onRefresh` when a refresh names `stage` (or any stage, if `stage` is null). */
export function useOnBoardRefresh(stage: BoardStage | null, onRefresh: () => void): void {
  const { subscribe } = useBoardRefresh();
  const latest = useRef(onRefresh);
  latest.current = onRefresh;
  useEffect(() => subscribe((stages) => (stage === null || stages.has(stage) ? latest.current() : undefined)), [subscribe, stage]);
}

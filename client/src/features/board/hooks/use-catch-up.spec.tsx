import { MockedProvider } from '@apollo/client/testing/react';
import type { BoardStage } from '@workplan/shared';
import { render, waitFor } from '@testing-library/react';
import { LiveStatusContext } from '../../../app/live-status';
import { TASK_CHANGES } from '../graphql/board.graphql';
import type { BoardRefresh } from './board-refresh';
import { useCatchUp } from './use-catch-up';

function Probe({ cursor, refresh }: { cursor: string; refresh: BoardRefresh }) {
  useCatchUp(cursor, refresh);
  return null;
}

function setup(mocks: unknown[]) {
  const notified: Array<Set<BoardStage | null | undefined>> = [];
  const refresh: BoardRefresh = { notify: (stages) => notified.push(new Set(stages)), subscribe: () => () => undefined };
  const view = (live: boolean) => (
    <MockedProvider mocks={mocks as never}>
      <LiveStatusContext.Provider value={live}>
        <Probe cursor="100" refresh={refresh} />
      </LiveStatusContext.Provider>
    </MockedProvider>
  );
  const { rerender } = render(view(true));
  return { notified, setLive: (live: boolean) => rerender(view(live)) };
}

const changes = (after: string, result: { cursor: string; complete: boolean; changes: Array<{ transition: { fromStage: string | null; toStage: string } | null }> }) => ({
  request: { query: TASK_CHANGES, variables: { after } },
  result: { data: { taskChanges: { __typename: 'TaskChangePage', ...result, changes: result.changes.map((c) => ({ __typename: 'TaskChange', transition: c.transition && { __typename: 'TaskTransition', ...c.transition } })) } } },
});

describe('catching up after the live connection drops', () => {
  it('asks what changed since the board was read and reloads only the columns it touched', async () => {
    const { notified, setLive } = setup([
      changes('100', { cursor: '130', complete: true, changes: [{ transition: { fromStage: 'REVIEW', toStage: 'APPROVAL' } }] }),
      changes('130', { cursor: '140', complete: true, changes: [] }),
    ]);
    expect(notified).toEqual([]); // connected from the start: nothing to catch up
    setLive(false);
    setLive(true);
    await waitFor(() => expect(notified).toEqual([new Set(['REVIEW', 'APPROVAL'])]));
    // The next drop asks from where the last catch-up ended, not from the board's first read.
    setLive(false);
    setLive(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(notified).toHaveLength(1);
  });

  it('reloads every column when more changed than one answer holds', async () => {
    const { notified, setLive } = setup([changes('100', { cursor: '900', complete: false, changes: [] })]);
    setLive(false);
    setLive(true);
    await waitFor(() => expect(notified).toHaveLength(1));
    expect([...notified[0]].sort()).toEqual(['APPROVAL', 'COMMENDATION', 'IMPLEMENTATION', 'INSPECTION', 'PROPOSAL', 'REVIEW']);
  });
});

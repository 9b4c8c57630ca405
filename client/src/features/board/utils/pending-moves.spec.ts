import type { CardTask } from '../graphql/board.graphql';
import { overlayColumn, overlayCount, type PendingMove } from './pending-moves';

const card = (id: string, code: string, stage: CardTask['stage']): CardTask =>
  ({ id, code, title: `任务 ${code}`, stage, version: 1 }) as CardTask;

describe('optimistic moves', () => {
  const review = [card('a', '1.1', 'REVIEW'), card('b', '1.3', 'REVIEW')];
  const approval = [card('c', '1.2', 'APPROVAL'), card('d', '1.10', 'APPROVAL')];
  const move: PendingMove = { task: review[1], fromStage: 'REVIEW', toStage: 'APPROVAL' };

  it('shows the card in its new column at once, in outline order, and gone from the old one', () => {
    expect(overlayColumn('REVIEW', review, [move]).map((t) => t.id)).toEqual(['a']);
    expect(overlayColumn('APPROVAL', approval, [move]).map((t) => `${t.code}:${t.stage}`)).toEqual(['1.2:APPROVAL', '1.3:APPROVAL', '1.10:APPROVAL']);
    expect(overlayCount('REVIEW', 2, [move])).toBe(1);
    expect(overlayCount('APPROVAL', 2, [move])).toBe(3);
  });

  it('rolls back by dropping the pending move: both columns are as the server says', () => {
    expect(overlayColumn('REVIEW', review, [])).toEqual(review);
    expect(overlayColumn('APPROVAL', approval, [])).toEqual(approval);
  });

  it('does not show a card twice once the server already has it in the new column', () => {
    const confirmed = [...approval, card('b', '1.3', 'APPROVAL')];
    expect(overlayColumn('APPROVAL', confirmed, [move]).map((t) => t.id)).toEqual(['c', 'b', 'd']);
  });
});

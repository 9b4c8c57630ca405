import { Alert } from 'antd';
import type { OutcomeSuggestion } from '../board/graphql/board.graphql';
import { useScoringText } from './scoring.messages';

/** In the commendation stage: what the plan's supervision scores propose (表彰 or 黄牌警告) for this task's lead unit. */
export function OutcomeHint({ suggestion }: { suggestion: OutcomeSuggestion | null | undefined }) {
  const text = useScoringText();
  if (!suggestion) return null;
  return (
    <Alert
      data-testid="outcome-hint"
      data-event={suggestion.event ?? 'NONE'}
      type={suggestion.event === 'WARN' ? 'warning' : suggestion.event === 'COMMEND' ? 'success' : 'info'}
      showIcon
      style={{ marginBottom: 8 }}
      title={text.suggestion(suggestion.period, suggestion.score, suggestion.rank, suggestion.unitCount, suggestion.event)}
    />
  );
}

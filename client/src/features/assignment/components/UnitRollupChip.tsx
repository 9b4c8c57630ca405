import { Tag, Tooltip } from 'antd';
import type { AssignmentRollup } from '@workplan/shared';
import { useAssignmentText } from '../assignment.messages';
import { rollupColor, showsRollup } from '../utils/rollup';

/** The card's compact roll-up of its responsible units: 3/4 已报 · 1 退回. */
export function UnitRollupChip({ rollup, stage }: { rollup: AssignmentRollup | null | undefined; stage: string }) {
  const text = useAssignmentText();
  if (!showsRollup(rollup, stage)) return null;
  return (
    <Tooltip title={text.rollupTitle(rollup)}>
      <Tag color={rollupColor(rollup)} className="task-card__chip" data-testid="chip-units">
        {text.rollup(rollup)}
      </Tag>
    </Tooltip>
  );
}

import { Timeline } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/i18n';
import { useFindingText } from '../finding.messages';
import type { FindingStep } from '../graphql/finding.graphql';

/** Who did what to a finding, oldest first, with what they wrote (the 整改情况 a verifier reads before 销号). */
export function FindingHistory({ steps }: { steps: readonly FindingStep[] }) {
  const text = useFindingText();
  const { role: roleName } = useI18n();
  return (
    <Timeline
      style={{ marginTop: 8, marginBottom: -16, fontSize: 12 }}
      items={steps.map((step, index) => ({
        key: index,
        color: step.event === 'REOPEN' ? 'red' : step.toStatus === 'VERIFIED' ? 'green' : 'blue',
        content: (
          <div>
            <strong>{text.event[step.event as keyof typeof text.event] ?? step.event}</strong>
            <span style={{ color: '#888' }}>
              {' · '}
              {step.actorName}（{roleName(step.role)}）· {dayjs(step.at).format('YYYY-MM-DD HH:mm')}
            </span>
            {step.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{step.comment}</div>}
          </div>
        ),
      }))}
    />
  );
}

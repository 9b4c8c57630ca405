import type { Light, LightReason } from '@workplan/shared';
import { Tag, Tooltip } from 'antd';
import { useSupervisionText, type SupervisionText } from '../supervision.messages';

/** What a light needs to be drawn: the colour, why, and by how much it trails the pace. */
export interface LightFacts {
  light: Light;
  lightReasons: readonly LightReason[];
  pointsBehind: number | null;
}

export const LIGHT_COLOR: Record<Light, string> = { GREEN: '#52c41a', YELLOW: '#faad14', RED: '#f5222d' };
const TAG_COLOR: Record<Light, string> = { GREEN: 'green', YELLOW: 'gold', RED: 'red' };

export function reasonTexts(facts: LightFacts, text: SupervisionText): string[] {
  return facts.lightReasons.map((r) => text.reason(r, facts.pointsBehind));
}

/** 红灯：已超期、报告未交 — the dot's accessible name, also appended to a card's. */
export function lightLabel(facts: LightFacts, text: SupervisionText): string {
  return text.lightLabel(facts.light, reasonTexts(facts, text));
}

/**
 * The warning light as a small coloured dot, named for screen readers, its reasons in a tooltip.
 * `subtle` draws green as a faint ring: on a dense board only amber and red should catch the eye.
 */
export function LightDot({ facts, subtle = false }: { facts: LightFacts; subtle?: boolean }) {
  const text = useSupervisionText();
  const reasons = reasonTexts(facts, text);
  const title = (
    <div data-testid="task-light-tooltip">
      <strong>{text.lightName[facts.light]}</strong>
      {reasons.length === 0 ? (
        <div>{text.lightMeaning[facts.light]}</div>
      ) : (
        <ul className="light-reasons">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <Tooltip title={title}>
      <span
        role="img"
        aria-label={lightLabel(facts, text)}
        data-testid="task-light"
        data-light={facts.light}
        className={`light-dot light-dot--${facts.light}${subtle && facts.light === 'GREEN' ? ' light-dot--subtle' : ''}`}
      />
    </Tooltip>
  );
}

/** The light spelled out, for the task drawer: 红灯 · 已超期、报告未交. */
export function LightTag({ facts }: { facts: LightFacts }) {
  const text = useSupervisionText();
  const reasons = reasonTexts(facts, text);
  return (
    <Tag color={TAG_COLOR[facts.light]} data-testid="drawer-light" data-light={facts.light} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <span className={`light-dot light-dot--${facts.light}`} aria-hidden />
      {text.lightName[facts.light]}
      {reasons.length > 0 && ` · ${reasons.join(text.listSeparator)}`}
    </Tag>
  );
}

/** The reasons as small tags, for the watch list's rows. */
export function ReasonTags({ facts }: { facts: LightFacts }) {
  const text = useSupervisionText();
  return (
    <span className="light-reason-tags">
      {facts.lightReasons.map((r) => (
        <Tag key={r} color={r === 'OVERDUE' || r === 'FAR_BEHIND_PACE' ? 'red' : 'gold'} data-reason={r}>
          {text.reason(r, facts.pointsBehind)}
        </Tag>
      ))}
    </span>
  );
}

import { BOARD_STAGES, type BoardStage, type PaceStatus } from '@workplan/shared';

/** The board's stage colours (the --stage-* variables in styles.css), for when the stylesheet is not there (tests). */
export const STAGE_COLOR_FALLBACK: Readonly<Record<BoardStage, string>> = {
  PROPOSAL: '#8c8c8c',
  REVIEW: '#1677ff',
  APPROVAL: '#722ed1',
  IMPLEMENTATION: '#fa8c16',
  INSPECTION: '#13c2c2',
  COMMENDATION: '#52c41a',
};

/** Reads the stage colours from the page's CSS variables, so the charts match the board. */
export function stageColors(): Record<BoardStage, string> {
  const style = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement);
  return Object.fromEntries(BOARD_STAGES.map((stage) => [stage, style?.getPropertyValue(`--stage-${stage}`).trim() || STAGE_COLOR_FALLBACK[stage]])) as Record<BoardStage, string>;
}

export const PACE_COLORS: Readonly<Record<PaceStatus | 'NONE', string>> = {
  AHEAD: '#389e0d',
  ON_PACE: '#1677ff',
  BEHIND: '#fa8c16',
  FAR_BEHIND: '#cf1322',
  NONE: '#bfbfbf',
};

/** The dashed line of 序时进度 */
export const PACE_LINE_COLOR = '#262626';

import type { BoardStage } from '@workplan/shared';
import type { FindingSeverityValue, FindingStatusValue } from '../finding/finding.entity';

/** The words a clerk's 台账 uses for each stage of the process (BRIEF: 提出 → 初审 → 审定 → 实施 → 检查 → 表彰). */
export const STAGE_LABELS: Record<BoardStage, string> = {
  PROPOSAL: '提出',
  REVIEW: '初审',
  APPROVAL: '审定',
  IMPLEMENTATION: '实施',
  INSPECTION: '检查',
  COMMENDATION: '表彰',
};

/** The chip on a card; IN_PROGRESS is the ordinary case and shows nothing. */
export const SUB_STATE_LABELS: Record<string, string> = {
  RECTIFYING: '整改中',
  AWAITING_GRADE: '待评定',
  COMMENDED: '优秀',
  WARNED: '黄牌警告',
};

export const SEVERITY_LABELS: Record<FindingSeverityValue, string> = {
  MAJOR: '严重',
  MINOR: '一般',
};

export const FINDING_STATUS_LABELS: Record<FindingStatusValue, string> = {
  OPEN: '待整改',
  RECTIFYING: '整改中',
  RECTIFIED: '已整改',
  VERIFIED: '已销号',
};

export const stageLabel = (stage: BoardStage) => STAGE_LABELS[stage] ?? stage;
export const subStateLabel = (subState: string | null) => (subState ? (SUB_STATE_LABELS[subState] ?? '') : '');
export const yesNo = (value: boolean) => (value ? '是' : '否');

import type { FindingEventType, FindingSeverity, FindingStatus } from '@workplan/shared';
import { useI18n } from '../../i18n/i18n';

const zhCN = {
  noFindings: '未发现问题',
  severityLabel: '严重程度',
  severity: { MAJOR: '严重', MINOR: '一般' } satisfies Record<FindingSeverity, string>,
  status: { OPEN: '待整改', RECTIFYING: '整改中', RECTIFIED: '已整改', VERIFIED: '已销号' } satisfies Record<FindingStatus, string>,
  event: {
    LOG: '登记问题',
    START_RECTIFICATION: '开始整改',
    SUBMIT_RECTIFICATION: '提交整改情况',
    VERIFY: '销号',
    REOPEN: '退回整改',
  } satisfies Record<FindingEventType | 'LOG', string>,
  deadline: '整改期限',
  noDeadline: '未设整改期限',
  overdue: '已超期',
  evidence: '佐证材料',
  upload: '上传佐证',
  uploaded: (name: string) => `已上传：${name}`,
  uploadTypes: '仅支持 JPG、PNG、PDF、DOCX、XLSX 文件',
  uploadTooLarge: '文件不能超过 10 MB',
  done: (event: string) => `已${event}`,
  commentTitle: (event: string) => `${event}：填写说明`,
  commentPlaceholder: {
    SUBMIT_RECTIFICATION: '说明采取的整改措施和完成情况',
    REOPEN: '说明整改不到位之处和进一步要求',
  } as Partial<Record<FindingEventType, string>>,
  commentRequired: '请填写说明',
  logTitle: '登记问题',
  description: '问题描述',
  descriptionPlaceholder: '发现的问题，例如：项目未按计划开工，资金拨付滞后',
  descriptionRequired: '请填写问题描述',
  submitHint: 'Ctrl+Enter 提交',
  logSubmit: '登记',
  logged: '问题已登记，已通知牵头单位',
};

const en: typeof zhCN = {
  noFindings: 'No findings',
  severityLabel: 'Severity',
  severity: { MAJOR: 'Major', MINOR: 'Minor' },
  status: { OPEN: 'Open', RECTIFYING: 'Rectifying', RECTIFIED: 'Rectified', VERIFIED: 'Signed off' },
  event: {
    LOG: 'Logged',
    START_RECTIFICATION: 'Start rectifying',
    SUBMIT_RECTIFICATION: 'Submit rectification',
    VERIFY: 'Sign off',
    REOPEN: 'Send back for rectification',
  },
  deadline: 'Rectify by',
  noDeadline: 'No deadline',
  overdue: 'Overdue',
  evidence: 'Evidence',
  upload: 'Upload evidence',
  uploaded: (name: string) => `Uploaded: ${name}`,
  uploadTypes: 'Only JPG, PNG, PDF, DOCX or XLSX files',
  uploadTooLarge: 'Files may be at most 10 MB',
  done: (event: string) => `Done: ${event}`,
  commentTitle: (event: string) => `${event}: add a note`,
  commentPlaceholder: {
    SUBMIT_RECTIFICATION: 'What was done to fix it, and is it complete',
    REOPEN: 'What falls short and what is still required',
  },
  commentRequired: 'Please add a note',
  logTitle: 'Log a finding',
  description: 'Finding',
  descriptionPlaceholder: 'What was found, e.g. the project has not started; funds are paid late',
  descriptionRequired: 'Please describe the finding',
  submitHint: 'Ctrl+Enter to submit',
  logSubmit: 'Log',
  logged: 'Finding logged; the lead department is notified',
};

export const FINDING_TEXT = { 'zh-CN': zhCN, en };
export type FindingText = typeof zhCN;

export function useFindingText(): FindingText {
  return FINDING_TEXT[useI18n().language];
}

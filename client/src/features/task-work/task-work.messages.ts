import { useI18n } from '../../i18n/i18n';

const zhCN = {
  overview: '概况',
  units: '承办单位',
  reports: '进度报告',
  findings: '发现问题',
  inspections: '检查',
  results: '指标与考核',
  reminders: '催办',
  requests: '申请',
};

const en: typeof zhCN = {
  overview: 'Overview',
  units: 'Units',
  reports: 'Progress reports',
  findings: 'Findings',
  inspections: 'Inspections',
  results: 'Targets & grade',
  reminders: 'Reminders',
  requests: 'Requests',
};

export const TASK_WORK_TEXT = { 'zh-CN': zhCN, en };

export function useTaskWorkText(): typeof zhCN {
  return TASK_WORK_TEXT[useI18n().language];
}

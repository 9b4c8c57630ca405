import { useI18n } from '../../i18n/i18n';

const zhCN = {
  noInspections: '尚未安排检查',
  scheduledOn: '计划检查日期',
  noTeam: '未指定检查组',
  visitedOn: '实地检查日期',
  notVisited: '待检查',
  visited: '已检查',
  conclusion: '检查结论',
  noConclusion: '未填写结论',
  scheduleTitle: '安排检查',
  teamPlaceholder: '选择检查组（选填）',
  dateRequired: '请选择日期',
  schedule: '安排',
  scheduled: (date: string) => `已安排 ${date} 检查`,
  recordVisit: '登记检查情况',
  conclusionPlaceholder: '实地检查的总体情况和结论；具体问题请在“发现问题”中逐条登记',
  recorded: '检查情况已登记',
};

const en: typeof zhCN = {
  noInspections: 'No inspection scheduled',
  scheduledOn: 'Scheduled for',
  noTeam: 'No team assigned',
  visitedOn: 'Visited on',
  notVisited: 'Not yet visited',
  visited: 'Visited',
  conclusion: 'Conclusion',
  noConclusion: 'No conclusion recorded',
  scheduleTitle: 'Schedule an inspection',
  teamPlaceholder: 'Choose a team (optional)',
  dateRequired: 'Please choose a date',
  schedule: 'Schedule',
  scheduled: (date: string) => `Inspection scheduled for ${date}`,
  recordVisit: 'Record the visit',
  conclusionPlaceholder: 'What the visit found overall; log each problem under “Findings”',
  recorded: 'Visit recorded',
};

export const INSPECTION_TEXT = { 'zh-CN': zhCN, en };
export type InspectionText = typeof zhCN;

export function useInspectionText(): InspectionText {
  return INSPECTION_TEXT[useI18n().language];
}

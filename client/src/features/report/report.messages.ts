import { type ReportStatus } from '@workplan/shared';
import { useI18n } from '../../i18n/i18n';
import { formatPeriod } from '../../i18n/period';
import type { ProgressStatus } from './graphql/report.graphql';

const periodZh = (period: string) => formatPeriod(period, 'zh-CN');
const periodEn = (period: string) => formatPeriod(period, 'en');

const zhCN = {
  schedule: '报送安排',
  noSchedule: '尚无应报送的进度报告',
  reports: '已报送的进度报告',
  noReports: '尚未报送进度报告',
  period: '报告期',
  periodName: periodZh,
  department: '报送单位',
  lead: '牵头',
  cooperating: '配合',
  dueDate: '报送期限',
  status: '状态',
  dueStatus: { SUBMITTED: '已报送', SUBMITTED_LATE: '逾期报送', DUE: '待报送', DUE_SOON: '即将到期', LATE: '已逾期' } satisfies Record<ReportStatus, string>,
  progressStatus: { ON_TRACK: '正常', AT_RISK: '有风险', DELAYED: '滞后' } satisfies Record<ProgressStatus, string>,
  problems: '存在问题',
  problemsPrefix: '存在问题：',
  submittedBy: (name: string, at: string) => `${name} 于 ${at} 报送`,
  lateFlag: '逾期报送',
  formTitle: '报送进度',
  periodPlaceholder: '本期（由系统按报送周期确定）',
  narrative: '工作进展',
  narrativePlaceholder: '本期主要工作、完成情况及取得的成效',
  narrativeRequired: '请填写工作进展',
  problemsPlaceholder: '存在的困难和问题、下一步打算（选填）',
  selfAssessment: '自评',
  percentDone: '完成进度 %',
  percentDoneHint: '选填：截至本期累计完成的百分比（0–100），用于与序时进度比较、判断预警灯',
  percentDoneRule: '请输入 0–100 的整数',
  percentDoneValue: (n: number) => `完成 ${n}%`,
  submit: '报送',
  filed: (period: string) => `已报送${period}进度`,
  allFiled: '本单位各期进度均已报送',
};

const en: typeof zhCN = {
  schedule: 'Reporting schedule',
  noSchedule: 'No reports are due yet',
  reports: 'Reports filed',
  noReports: 'No progress reports filed yet',
  period: 'Period',
  periodName: periodEn,
  department: 'Department',
  lead: 'Lead',
  cooperating: 'Cooperating',
  dueDate: 'Due',
  status: 'Status',
  dueStatus: { SUBMITTED: 'Filed', SUBMITTED_LATE: 'Filed late', DUE: 'Due', DUE_SOON: 'Due soon', LATE: 'Overdue' },
  progressStatus: { ON_TRACK: 'On track', AT_RISK: 'At risk', DELAYED: 'Delayed' },
  problems: 'Problems',
  problemsPrefix: 'Problems: ',
  submittedBy: (name: string, at: string) => `Filed by ${name} on ${at}`,
  lateFlag: 'Filed late',
  formTitle: 'File a progress report',
  periodPlaceholder: 'Current period (chosen by the reporting cycle)',
  narrative: 'Progress',
  narrativePlaceholder: 'What was done this period and what it achieved',
  narrativeRequired: 'Please describe the progress',
  problemsPlaceholder: 'Difficulties, problems and next steps (optional)',
  selfAssessment: 'Self-assessment',
  percentDone: 'Percent done',
  percentDoneHint: 'Optional: how much of the whole task is done so far (0–100); compared with the time elapsed for the warning light',
  percentDoneRule: 'Enter a whole number from 0 to 100',
  percentDoneValue: (n: number) => `${n}% done`,
  submit: 'File report',
  filed: (period: string) => `Report for ${period} filed`,
  allFiled: 'Your department has filed every report due',
};

export const REPORT_TEXT = { 'zh-CN': zhCN, en };
export type ReportText = typeof zhCN;

export function useReportText(): ReportText {
  return REPORT_TEXT[useI18n().language];
}

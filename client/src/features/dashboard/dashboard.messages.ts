import { parsePeriod, type AssessmentGrade, type PaceStatus } from '@workplan/shared';
import { useI18n } from '../../i18n/i18n';

const QUARTERS_ZH = ['一', '二', '三', '四'];

/** 2026-Q3 → 2026年第三季度, 2026-H1 → 2026年上半年, 2026 → 2026年度; anything else as typed. */
function periodZh(period: string): string {
  try {
    const { year, cadence, index } = parsePeriod(period);
    if (cadence === 'QUARTER') return `${year}年第${QUARTERS_ZH[index - 1]}季度`;
    if (cadence === 'HALF_YEAR') return `${year}年${index === 1 ? '上' : '下'}半年`;
    return `${year}年度`;
  } catch {
    return period;
  }
}

function periodEn(period: string): string {
  try {
    const { year, cadence, index } = parsePeriod(period);
    if (cadence === 'QUARTER') return `Q${index} ${year}`;
    if (cadence === 'HALF_YEAR') return `H${index} ${year}`;
    return `Year ${year}`;
  } catch {
    return period;
  }
}

export type AssessmentReasonCode = 'TOP_N' | 'COMMEND_WITHHELD' | 'BOTTOM_N' | 'BOTTOM_TWICE' | 'FAILED';

const zhCN = {
  title: '工作方案总览',
  plan: '方案',
  allPlans: '全部方案',
  refresh: '刷新',
  loadFailed: '总览数据加载失败',
  retry: '重试',
  noTasks: '该方案暂无任务',
  noTasksAll: '暂无任务',
  // KPI cards
  taskCount: '任务总数',
  overdueTasks: '逾期任务',
  overdueTasksHint: '已过截止日期、仍未进入检查阶段的任务',
  lateReports: '逾期未报',
  lateReportsHint: '已过报送期限仍未报送的进度报告',
  reportsDueSoon: '即将到期报告',
  reportsDueSoonHint: '三天内到期、尚未报送的进度报告',
  openFindings: '未销号问题',
  openFindingsHint: '检查发现、尚未核实销号的问题',
  majorFindings: (n: number) => `其中严重 ${n} 项`,
  overdueFindings: '整改逾期',
  overdueFindingsHint: '已过整改期限仍未整改完成的问题',
  unitTasks: '项',
  unitReports: '份',
  unitFindings: '项',
  // charts
  stagesChart: '各阶段任务数',
  taskCountSeries: '任务数',
  departmentsChart: '各牵头单位任务分布',
  topDepartments: (shown: number, total: number) => `显示任务最多的 ${shown} 个单位（共 ${total} 个）`,
  noDepartments: '暂无牵头单位数据',
  indicatorsChart: '目标指标完成进度',
  indicatorsHint: '条形为从基期值到本年度目标的完成比例，虚线为序时进度（本年度已过去的时间比例）',
  expectedPace: '序时进度',
  progress: '完成进度',
  notMeasured: '暂无数据',
  paceStatus: { AHEAD: '超前', ON_PACE: '正常', BEHIND: '滞后', FAR_BEHIND: '严重滞后' } satisfies Record<PaceStatus, string>,
  yearTarget: (year: number) => `${year}年目标`,
  latestActual: '最新实际',
  status: '状态',
  indicatorsNeedPlan: '选择具体方案后查看目标指标',
  noIndicators: '该方案暂无目标指标',
  allocationMismatch: (n: number) => `${n} 项指标的分解之和与目标不符`,
  allocationLine: (name: string, messages: string[]) => `${name}：${messages.join('；')}`,
  summary: (title: string, items: string[]) => `${title}：${items.join('，')}`,
  // ranking
  rankingTitle: '部门考核排名',
  period: '考核期',
  periodPlaceholder: '如 2026-Q3',
  periodInvalid: '请输入如 2026-Q3、2026-H1 或 2026 的考核期',
  periodName: periodZh,
  show: '查看',
  rankingNeedsPlan: '选择具体方案后查看部门考核排名',
  noRanking: (period: string) => `${period}暂无考核结果`,
  rankingFailed: '考核排名加载失败',
  rank: '名次',
  department: '牵头单位',
  score: '得分',
  tasks: '任务数',
  grade: '等次',
  result: '结果',
  grades: { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' } satisfies Record<AssessmentGrade, string>,
  commended: '表彰',
  warned: '黄牌警告',
  demotion: '降格',
  reasons: {
    TOP_N: '排名前列，拟予表彰',
    COMMEND_WITHHELD: '排名靠前但等次未达要求，暂不表彰',
    BOTTOM_N: '排名末位，给予黄牌警告',
    BOTTOM_TWICE: '连续两期排名末位，建议降格',
    FAILED: '考核不合格，建议降格',
  } satisfies Record<AssessmentReasonCode, string>,
  // exports
  exportLedger: '导出台账',
  exportIndicators: '导出指标',
  exportFindings: '导出问题清单',
  ledgerFile: '工作任务台账.xlsx',
  indicatorsFile: '目标指标.xlsx',
  findingsFile: '问题清单.xlsx',
  percent: (value: number) => `${value}%`,
};

const en: typeof zhCN = {
  title: 'Plan dashboard',
  plan: 'Plan',
  allPlans: 'All plans',
  refresh: 'Refresh',
  loadFailed: 'Could not load the dashboard',
  retry: 'Retry',
  noTasks: 'This plan has no tasks yet',
  noTasksAll: 'No tasks yet',
  taskCount: 'Tasks',
  overdueTasks: 'Overdue tasks',
  overdueTasksHint: 'Past their due date and not yet in inspection',
  lateReports: 'Late reports',
  lateReportsHint: 'Progress reports past their due date and not filed',
  reportsDueSoon: 'Reports due soon',
  reportsDueSoonHint: 'Progress reports due within three days and not filed',
  openFindings: 'Open findings',
  openFindingsHint: 'Inspection findings not yet verified as rectified',
  majorFindings: (n) => `${n} major`,
  overdueFindings: 'Rectification overdue',
  overdueFindingsHint: 'Findings past their rectification deadline',
  unitTasks: '',
  unitReports: '',
  unitFindings: '',
  stagesChart: 'Tasks by stage',
  taskCountSeries: 'Tasks',
  departmentsChart: 'Tasks by lead department',
  topDepartments: (shown, total) => `The ${shown} busiest of ${total} departments`,
  noDepartments: 'No department data yet',
  indicatorsChart: 'Target indicators: progress',
  indicatorsHint: 'Bars show the share of the way from baseline to this year’s target; the dashed line is the expected pace (share of the year elapsed)',
  expectedPace: 'Expected pace',
  progress: 'Progress',
  notMeasured: 'No data',
  paceStatus: { AHEAD: 'Ahead', ON_PACE: 'On pace', BEHIND: 'Behind', FAR_BEHIND: 'Far behind' },
  yearTarget: (year) => `${year} target`,
  latestActual: 'Latest actual',
  status: 'Status',
  indicatorsNeedPlan: 'Choose a plan to see its target indicators',
  noIndicators: 'This plan has no target indicators',
  allocationMismatch: (n) => `${n} indicator${n === 1 ? '' : 's'}: allocations do not add up to the target`,
  allocationLine: (name, messages) => `${name}: ${messages.join('; ')}`,
  summary: (title, items) => `${title}: ${items.join(', ')}`,
  rankingTitle: 'Department ranking',
  period: 'Period',
  periodPlaceholder: 'e.g. 2026-Q3',
  periodInvalid: 'Enter a period such as 2026-Q3, 2026-H1 or 2026',
  periodName: periodEn,
  show: 'Show',
  rankingNeedsPlan: 'Choose a plan to see its department ranking',
  noRanking: (period) => `No assessments for ${period}`,
  rankingFailed: 'Could not load the ranking',
  rank: 'Rank',
  department: 'Department',
  score: 'Score',
  tasks: 'Tasks',
  grade: 'Grade',
  result: 'Outcome',
  grades: { EXCELLENT: 'Excellent', GOOD: 'Good', PASS: 'Pass', FAIL: 'Fail' },
  commended: 'Commended',
  warned: 'Yellow card',
  demotion: 'Demotion',
  reasons: {
    TOP_N: 'Among the top: proposed for commendation',
    COMMEND_WITHHELD: 'Ranked near the top, but its grade is too low to be commended',
    BOTTOM_N: 'Among the bottom: yellow card',
    BOTTOM_TWICE: 'Bottom two periods running: demotion proposed',
    FAILED: 'Failed the assessment: demotion proposed',
  },
  exportLedger: 'Export ledger',
  exportIndicators: 'Export indicators',
  exportFindings: 'Export findings',
  ledgerFile: 'task-ledger.xlsx',
  indicatorsFile: 'indicators.xlsx',
  findingsFile: 'findings.xlsx',
  percent: (value) => `${value}%`,
};

export const DASHBOARD_TEXT = { 'zh-CN': zhCN, en };
export type DashboardText = typeof zhCN;

export function useDashboardText(): DashboardText {
  return DASHBOARD_TEXT[useI18n().language];
}

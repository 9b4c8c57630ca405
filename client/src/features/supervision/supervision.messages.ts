import type { CalendarDayKind, Light, LightReason } from '@workplan/shared';
import { useI18n } from '../../i18n/i18n';

/** Why a light is not green, for people: the pace reasons say by how much. */
const reasonZh = (reason: LightReason, pointsBehind: number | null): string => {
  switch (reason) {
    case 'OVERDUE':
      return '已超期';
    case 'DUE_SOON':
      return '临期';
    case 'BEHIND_PACE':
      return pointsBehind === null ? '进度滞后' : `进度滞后 ${pointsBehind} 个百分点`;
    case 'FAR_BEHIND_PACE':
      return pointsBehind === null ? '进度严重滞后' : `进度严重滞后 ${pointsBehind} 个百分点`;
    case 'REPORT_MISSED':
      return '报告未交';
    case 'STALE':
      return '长期未更新';
  }
};

const reasonEn = (reason: LightReason, pointsBehind: number | null): string => {
  switch (reason) {
    case 'OVERDUE':
      return 'Overdue';
    case 'DUE_SOON':
      return 'Due soon';
    case 'BEHIND_PACE':
      return pointsBehind === null ? 'Behind pace' : `${pointsBehind} points behind pace`;
    case 'FAR_BEHIND_PACE':
      return pointsBehind === null ? 'Far behind pace' : `${pointsBehind} points behind pace (far behind)`;
    case 'REPORT_MISSED':
      return 'Progress report missing';
    case 'STALE':
      return 'No update for a long time';
  }
};

const zhCN = {
  lightName: { GREEN: '绿灯', YELLOW: '黄灯', RED: '红灯' } satisfies Record<Light, string>,
  lightMeaning: { GREEN: '进展正常', YELLOW: '需要关注', RED: '需要督办' } satisfies Record<Light, string>,
  reason: reasonZh,
  listSeparator: '、',
  /** The dot's accessible name: 红灯：已超期、报告未交 */
  lightLabel: (light: Light, reasons: string[]) => `${zhCN.lightName[light]}：${reasons.length ? reasons.join('、') : zhCN.lightMeaning[light]}`,
  light: '预警',
  percentDone: '完成进度',
  noPercent: '尚未报告完成进度',
  pace: (pointsBehind: number) =>
    pointsBehind > 0 ? `落后序时进度 ${pointsBehind} 个百分点` : pointsBehind < 0 ? `超前序时进度 ${-pointsBehind} 个百分点` : '与序时进度持平',
  // 督办
  watchTitle: '督办',
  watchHint: '红灯、黄灯的任务，以及报告被退回、签收超时的任务，按原因分组（一项任务可能出现在多个分组中）',
  groups: {
    overdue: '超期',
    dueSoon: '临期',
    behindPace: '进度滞后',
    reportsMissed: '报告未交',
    stale: '长期未更新',
    reportsReturned: '报告退回',
    signedLate: '签收超时',
  },
  groupHint: {
    overdue: '已过截止日期仍未办结',
    dueSoon: '截止日期临近',
    behindPace: '完成进度落后于序时进度',
    reportsMissed: '进度报告逾期未报送',
    stale: '紧急任务长期无进度报告',
    reportsReturned: '承办单位报送的进展被退回，待重新报送',
    signedLate: '承办单位超过签收时限才签收或仍未签收',
  },
  nothingToWatch: '暂无需要督办的事项',
  groupEmpty: '无',
  code: '编号',
  task: '任务',
  lead: '牵头单位',
  due: '截止日期',
  reasons: '原因',
  allPlans: '全部方案',
  allDepartments: '全部单位',
  departmentPlaceholder: '全部单位（含牵头和配合）',
  refresh: '刷新',
  loadFailed: '督办清单加载失败',
  retry: '重试',
  count: (n: number) => `${n} 项`,
  daysOverdue: (n: number) => `超期 ${n} 天`,
  daysLeft: (n: number) => (n === 0 ? '今天到期' : `还剩 ${n} 天`),
  // 工作日历
  kindName: { HOLIDAY: '放假', WORKDAY: '调休上班' } satisfies Record<CalendarDayKind, string>,
};

export type SupervisionText = typeof zhCN;

const en: SupervisionText = {
  lightName: { GREEN: 'Green', YELLOW: 'Yellow', RED: 'Red' },
  lightMeaning: { GREEN: 'on course', YELLOW: 'needs watching', RED: 'needs action' },
  reason: reasonEn,
  listSeparator: ', ',
  lightLabel: (light, reasons) => `${en.lightName[light]} light: ${reasons.length ? reasons.join(', ') : en.lightMeaning[light]}`,
  light: 'Warning light',
  percentDone: 'Percent done',
  noPercent: 'No percent reported yet',
  pace: (pointsBehind) =>
    pointsBehind > 0 ? `${pointsBehind} points behind the expected pace` : pointsBehind < 0 ? `${-pointsBehind} points ahead of the expected pace` : 'On the expected pace',
  watchTitle: 'Watch list',
  watchHint: 'Tasks with a red or yellow light, a returned report or a late sign-for, grouped by why (a task may be in several groups)',
  groups: {
    overdue: 'Overdue',
    dueSoon: 'Due soon',
    behindPace: 'Behind pace',
    reportsMissed: 'Reports missed',
    stale: 'Stale',
    reportsReturned: 'Reports returned',
    signedLate: 'Signed for late',
  },
  groupHint: {
    overdue: 'Past the deadline and not done',
    dueSoon: 'The deadline is near',
    behindPace: 'Percent done trails the time elapsed',
    reportsMissed: 'A progress report is late',
    stale: 'Urgent work with no progress report for a long time',
    reportsReturned: 'A unit’s report was returned and awaits rework',
    signedLate: 'A unit signed for its part after the deadline, or has not yet',
  },
  nothingToWatch: 'Nothing needs chasing',
  groupEmpty: 'None',
  code: 'Code',
  task: 'Task',
  lead: 'Lead department',
  due: 'Due',
  reasons: 'Why',
  allPlans: 'All plans',
  allDepartments: 'All departments',
  departmentPlaceholder: 'All departments (leading or cooperating)',
  refresh: 'Refresh',
  loadFailed: 'Could not load the watch list',
  retry: 'Retry',
  count: (n) => `${n} task${n === 1 ? '' : 's'}`,
  daysOverdue: (n) => `${n} day${n === 1 ? '' : 's'} late`,
  daysLeft: (n) => (n === 0 ? 'Due today' : `${n} day${n === 1 ? '' : 's'} left`),
  kindName: { HOLIDAY: 'Holiday', WORKDAY: 'Make-up workday' },
};

export const SUPERVISION_TEXT = { 'zh-CN': zhCN, en };

export function useSupervisionText(): SupervisionText {
  return SUPERVISION_TEXT[useI18n().language];
}

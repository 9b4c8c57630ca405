import type { LaggingReason, LedgerGroup } from '@workplan/shared';
import { useI18n } from '../../i18n/i18n';
import { formatPeriod } from '../../i18n/period';

interface Totals {
  planTitle: string;
  period: string;
  total: number;
  finished: number;
  inProgress: number;
  overdue: number;
  ended: number;
  finishedPercent: number;
  inProgressPercent: number;
  overduePercent: number;
}

const zhCN = {
  title: '督办通报',
  /** 〔2026〕第4期 */
  number: (year: number, issue: number) => `〔${year}〕第${issue}期`,
  office: '督查室',
  issuedOn: (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`,
  period: (period: string) => formatPeriod(period, 'zh-CN'),
  back: '返回',
  print: '打印',
  exportLedger: '导出督办台账',
  choosePlan: '请先在督办页选择一个方案，再打开督办通报',
  loadFailed: '督办通报加载失败',
  overviewHeading: '一、总体情况',
  overview: (t: Totals) =>
    `${t.planTitle}${formatPeriod(t.period, 'zh-CN')}共督办事项${t.total}项。其中，已办结${t.finished}项，占${t.finishedPercent}%；正在办理${t.inProgress}项，占${t.inProgressPercent}%；已超期${t.overdue}项，占${t.overduePercent}%` +
    (t.ended ? `；已中止或撤销${t.ended}项。` : '。'),
  figures: { total: '督办事项', finished: '已办结', inProgress: '正在办理', overdue: '已超期', ended: '已中止撤销' },
  items: (n: number) => `${n}项`,
  laggingHeading: '二、进展滞后的单位',
  laggingIntro: '以下单位承办事项进展滞后，请抓紧办理，并按要求报送办理情况：',
  noLagging: '本期各承办单位均按要求推进，无进展滞后的单位。',
  reasonSeparator: '、',
  reasons: {
    OVERDUE: '超期未办结',
    FAR_BEHIND: '进度严重滞后',
    NO_REPORT: '未报送办理情况',
    RETURNED: '报送情况被退回',
  } satisfies Record<LaggingReason, string>,
  attachmentHeading: '附件：督办台账',
  groups: { FINISHED: '已办结', IN_PROGRESS: '正在办理', OVERDUE: '已超期', ENDED: '已中止撤销' } satisfies Record<LedgerGroup, string>,
  groupHeading: (name: string, count: number) => `${name}（${count}项）`,
  columns: {
    serial: '序号',
    code: '编号',
    task: '交办事项',
    assignedOn: '交办时间',
    unit: '责任单位',
    person: '责任人',
    deadline: '办理时限',
    progress: '办理情况',
    extension: '延期情况',
    days: '办结总时间',
    status: '目前状态',
    overdue: '是否超期',
  },
  lead: '牵头',
  cooperating: '配合',
  notReported: '未报送',
  progress: (percent: number, workDone: string) => `完成${percent}%：${workDone}`,
  returned: (count: number) => `已退回重报（累计${count}次）`,
  extension: (e: { fromDueDate: string | null; requestedDueDate: string | null; grantedDueDate: string | null; partly: boolean }) =>
    e.partly ? `申请延期至${e.requestedDueDate}，批准延期至${e.grantedDueDate}（原时限${e.fromDueDate}）` : `延期至${e.grantedDueDate}（原时限${e.fromDueDate}）`,
  none: '无',
  days: (n: number) => `${n}天`,
  yes: '是',
  no: '否',
  empty: '本期没有督办事项。',
};

const en: typeof zhCN = {
  title: 'Supervision bulletin',
  number: (year, issue) => `${year} · No. ${issue}`,
  office: 'Supervision office',
  issuedOn: (day) => day,
  period: (period) => formatPeriod(period, 'en'),
  back: 'Back',
  print: 'Print',
  exportLedger: 'Export supervision ledger',
  choosePlan: 'Choose a plan on the supervision page first, then open the bulletin',
  loadFailed: 'The bulletin could not be loaded',
  overviewHeading: '1. Overview',
  overview: (t) =>
    `${t.planTitle}, ${formatPeriod(t.period, 'en')}: ${t.total} supervised items. Finished ${t.finished} (${t.finishedPercent}%), in progress ${t.inProgress} (${t.inProgressPercent}%), overdue ${t.overdue} (${t.overduePercent}%)` +
    (t.ended ? `, suspended or cancelled ${t.ended}.` : '.'),
  figures: { total: 'Items', finished: 'Finished', inProgress: 'In progress', overdue: 'Overdue', ended: 'Suspended / cancelled' },
  items: (n) => `${n} ${n === 1 ? 'item' : 'items'}`,
  laggingHeading: '2. Units lagging behind',
  laggingIntro: 'These units are behind on their items and must act and report as required:',
  noLagging: 'Every unit is on course this period.',
  reasonSeparator: ', ',
  reasons: { OVERDUE: 'overdue', FAR_BEHIND: 'far behind pace', NO_REPORT: 'nothing reported', RETURNED: 'report returned' },
  attachmentHeading: 'Attachment: supervision ledger',
  groups: { FINISHED: 'Finished', IN_PROGRESS: 'In progress', OVERDUE: 'Overdue', ENDED: 'Suspended or cancelled' },
  groupHeading: (name, count) => `${name} (${count})`,
  columns: {
    serial: 'No.',
    code: 'Code',
    task: 'Item',
    assignedOn: 'Assigned',
    unit: 'Unit',
    person: 'Responsible',
    deadline: 'Deadline',
    progress: 'Progress',
    extension: 'Extensions',
    days: 'Days to finish',
    status: 'Status',
    overdue: 'Overdue',
  },
  lead: 'lead',
  cooperating: 'cooperating',
  notReported: 'Not reported',
  progress: (percent, workDone) => `${percent}% done: ${workDone}`,
  returned: (count) => `Returned for rework (${count} ${count === 1 ? 'time' : 'times'})`,
  extension: (e) => (e.partly ? `Asked ${e.requestedDueDate}, granted ${e.grantedDueDate} (was ${e.fromDueDate})` : `Extended to ${e.grantedDueDate} (was ${e.fromDueDate})`),
  none: 'None',
  days: (n) => `${n} ${n === 1 ? 'day' : 'days'}`,
  yes: 'Yes',
  no: 'No',
  empty: 'Nothing was supervised in this period.',
};

export const BULLETIN_TEXT = { 'zh-CN': zhCN, en };
export type BulletinText = typeof zhCN;

export function useBulletinText(): BulletinText {
  return BULLETIN_TEXT[useI18n().language];
}

import type { BoardStage } from '@workplan/shared';
import { Workbook } from 'exceljs';
import { stageLabel, subStateLabel, yesNo } from './labels';
import { DATE_FORMAT, DATE_TIME_FORMAT, RED_FONT, excelDate, excelDateTime, writeTable, type TableColumn } from './sheet-table';

/** One task as a line of the 工作台账, in board order. */
export interface LedgerRow {
  code: string;
  title: string;
  leadDepartment: string;
  cooperatingDepartments: string[];
  stage: BoardStage;
  /** The card's chip (RECTIFYING, AWAITING_GRADE, COMMENDED, WARNED) or null. */
  subState: string | null;
  dueDate: string | null;
  overdue: boolean;
  progressReportCount: number;
  openFindingCount: number;
  updatedAt: Date;
}

export interface LedgerSheetInfo {
  /** Null when the board spans every plan. */
  planTitle: string | null;
  /** YYYY-MM-DD, in the plan's time zone. */
  exportDate: string;
  /** What the board was narrowed to, in words (see describeLedgerFilter); null when not filtered. */
  filterSummary: string | null;
}

export const LEDGER_SHEET = '工作台账';

const LEDGER_COLUMNS: ReadonlyArray<TableColumn<LedgerRow>> = [
  { header: '序号', value: (_, i) => i + 1, align: 'center' },
  { header: '编号', value: (r) => r.code, maxWidth: 14 },
  { header: '任务名称', value: (r) => r.title, maxWidth: 50 },
  { header: '牵头单位', value: (r) => r.leadDepartment, maxWidth: 24 },
  { header: '配合单位', value: (r) => r.cooperatingDepartments.join('、') || null, maxWidth: 36 },
  { header: '所处阶段', value: (r) => stageLabel(r.stage), align: 'center' },
  { header: '状态', value: (r) => subStateLabel(r.subState) || null, align: 'center' },
  { header: '截止日期', value: (r) => (r.dueDate ? excelDate(r.dueDate) : null), numFmt: DATE_FORMAT, align: 'center' },
  { header: '是否逾期', value: (r) => yesNo(r.overdue), align: 'center', look: (r) => (r.overdue ? { font: { ...RED_FONT, bold: true } } : undefined) },
  { header: '进度报告数', value: (r) => r.progressReportCount, align: 'center' },
  { header: '未销号问题数', value: (r) => r.openFindingCount, align: 'center' },
  { header: '最近更新', value: (r) => excelDateTime(r.updatedAt), numFmt: DATE_TIME_FORMAT, align: 'center' },
];

/** The board as the clerk's spreadsheet (工作台账): one sheet, one line per task, in the order given. */
export function buildLedgerWorkbook(rows: readonly LedgerRow[], info: LedgerSheetInfo): Workbook {
  const workbook = new Workbook();
  workbook.creator = 'workplan';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(LEDGER_SHEET);
  const subtitle = [`导出日期：${info.exportDate}`, `共 ${rows.length} 项`, info.filterSummary ? `筛选：${info.filterSummary}` : null].filter(Boolean).join('    ');
  writeTable(sheet, LEDGER_COLUMNS, rows, { title: `${info.planTitle ?? '全部方案'} 工作台账`, subtitle });
  return workbook;
}

/** The board filter in a clerk's words, e.g. 牵头或配合单位：科技厅、财政厅；仅逾期；关键词"增加值". */
export function describeLedgerFilter(filter: { departmentNames: string[]; includeCooperating: boolean; overdue: boolean; search: string | null }): string | null {
  const parts: string[] = [];
  if (filter.departmentNames.length) parts.push(`${filter.includeCooperating ? '牵头或配合单位' : '牵头单位'}：${filter.departmentNames.join('、')}`);
  if (filter.overdue) parts.push('仅逾期');
  if (filter.search) parts.push(`关键词“${filter.search}”`);
  return parts.length ? parts.join('；') : null;
}

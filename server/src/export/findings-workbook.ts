import { Workbook } from 'exceljs';
import type { FindingSeverityValue, FindingStatusValue } from '../finding/finding.entity';
import { FINDING_STATUS_LABELS, SEVERITY_LABELS, yesNo } from './labels';
import { DATE_FORMAT, DATE_TIME_FORMAT, RED_FONT, excelDate, excelDateTime, writeTable, type TableColumn } from './sheet-table';

/** One finding (发现问题) as a line of the 问题清单. */
export interface FindingRow {
  taskCode: string;
  taskTitle: string;
  leadDepartment: string;
  description: string;
  severity: FindingSeverityValue;
  rectificationDeadline: string | null;
  status: FindingStatusValue;
  /** Deadline passed and not yet rectified (the same rule as the findings list). */
  overdue: boolean;
  createdAt: Date;
}

export interface FindingsSheetInfo {
  planTitle: string | null;
  exportDate: string;
  openOnly: boolean;
}

export const FINDINGS_SHEET = '问题清单';

const FINDING_COLUMNS: ReadonlyArray<TableColumn<FindingRow>> = [
  { header: '序号', value: (_, i) => i + 1, align: 'center' },
  { header: '任务编号', value: (r) => r.taskCode, maxWidth: 14 },
  { header: '任务名称', value: (r) => r.taskTitle, maxWidth: 40 },
  { header: '牵头单位', value: (r) => r.leadDepartment, maxWidth: 24 },
  { header: '问题描述', value: (r) => r.description, maxWidth: 60 },
  { header: '严重程度', value: (r) => SEVERITY_LABELS[r.severity] ?? r.severity, align: 'center', look: (r) => (r.severity === 'MAJOR' ? { font: { ...RED_FONT, bold: true } } : undefined) },
  { header: '整改期限', value: (r) => (r.rectificationDeadline ? excelDate(r.rectificationDeadline) : null), numFmt: DATE_FORMAT, align: 'center' },
  { header: '状态', value: (r) => FINDING_STATUS_LABELS[r.status] ?? r.status, align: 'center' },
  { header: '是否逾期', value: (r) => yesNo(r.overdue), align: 'center', look: (r) => (r.overdue ? { font: { ...RED_FONT, bold: true } } : undefined) },
  { header: '发现时间', value: (r) => excelDateTime(r.createdAt), numFmt: DATE_TIME_FORMAT, align: 'center' },
];

/** The findings ledger (问题清单): one line per finding, in the order given. */
export function buildFindingsWorkbook(rows: readonly FindingRow[], info: FindingsSheetInfo): Workbook {
  const workbook = new Workbook();
  workbook.creator = 'workplan';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(FINDINGS_SHEET);
  const open = rows.filter((r) => r.status !== 'VERIFIED').length;
  const subtitle = [`导出日期：${info.exportDate}`, `共 ${rows.length} 个问题，未销号 ${open} 个`, info.openOnly ? '仅列未销号问题' : null].filter(Boolean).join('    ');
  writeTable(sheet, FINDING_COLUMNS, rows, { title: `${info.planTitle ?? '全部方案'} 问题清单`, subtitle });
  return workbook;
}

import { LEDGER_GROUPS, LEDGER_GROUP_LABELS, LEDGER_STAGE_LABELS, ledgerTitle } from '@workplan/shared';
import { Workbook, type CellValue, type Fill, type Worksheet } from 'exceljs';
import { BORDER, DATE_FORMAT, HEADER_ROW, RED_FONT, excelDate, writeHeading } from '../export/sheet-table';
import { yesNo } from '../export/labels';
import type { LedgerExtension, LedgerTask, LedgerUnit } from './supervision-ledger.service';

export const SUPERVISION_LEDGER_SHEET = '督办台账';
/** The ledger's header row: the same place as every clerk's sheet (writeHeading). */
export const SUPERVISION_LEDGER_HEADER_ROW = HEADER_ROW;

export interface SupervisionLedgerInfo {
  period: string;
  planTitle: string | null;
  exportDate: string;
  filterSummary: string | null;
}

interface Column {
  header: string;
  width: number;
  /** Task cells are merged down across the task's units; unit cells are one per unit. */
  perTask: boolean;
  value: (task: LedgerTask, unit: LedgerUnit, index: number) => CellValue;
  numFmt?: string;
  align?: 'center' | 'left';
}

const CN_ORDINALS = ['一', '二', '三', '四'];

/** 办理要求及时限: what is asked, then by when. */
export function requirementText(task: LedgerTask, unit: LedgerUnit): string {
  const deadline = unit.dueDate ? `办理时限：${unit.dueDate}前` : '办理时限：未定';
  return task.requirement.trim() ? `${task.requirement.trim()}\n${deadline}` : deadline;
}

/** 办理情况: the unit's latest report and how the office took it, or 未报送. */
export function progressText(unit: LedgerUnit): string {
  const report = unit.latestReport;
  if (!report) return '未报送';
  const review = report.review === 'RETURNED' ? `已退回重报：${report.reviewReason ?? ''}` : report.review === 'PASSED' ? '审核通过' : '待审核';
  return [`完成${report.percentDone}%：${report.workDone}`, review, unit.returnCount > 0 ? `累计退回${unit.returnCount}次` : null].filter(Boolean).join('\n');
}

/** 延期情况: every granted extension with the dates before and after, or 无. */
export function extensionText(extensions: readonly LedgerExtension[]): string {
  if (!extensions.length) return '无';
  return extensions
    .map((e) => (e.partly ? `申请延期至${e.requestedDueDate}，批准延期至${e.grantedDueDate}（原时限${e.fromDueDate}）` : `延期至${e.grantedDueDate}（原时限${e.fromDueDate}）`))
    .join('\n');
}

const COLUMNS: readonly Column[] = [
  { header: '序号', width: 6, perTask: true, value: (_t, _u, i) => i, align: 'center' },
  { header: '编号', width: 10, perTask: true, value: (t) => t.code, align: 'center' },
  { header: '交办事项', width: 28, perTask: true, value: (t) => t.title },
  { header: '交办时间', width: 12, perTask: true, value: (t) => excelDate(t.assignedOn), numFmt: DATE_FORMAT, align: 'center' },
  { header: '责任单位', width: 18, perTask: false, value: (_t, u) => `${u.departmentName}（${u.lead ? '牵头' : '配合'}）` },
  { header: '责任人', width: 10, perTask: false, value: (_t, u) => u.responsiblePerson || null, align: 'center' },
  { header: '办理要求及时限', width: 30, perTask: false, value: (t, u) => requirementText(t, u) },
  { header: '办理情况', width: 36, perTask: false, value: (_t, u) => progressText(u) },
  { header: '延期情况', width: 24, perTask: true, value: (t) => extensionText(t.extensions) },
  { header: '办结总时间', width: 10, perTask: true, value: (t) => t.daysToFinish, numFmt: '0"天"', align: 'center' },
  { header: '目前状态', width: 14, perTask: true, value: (t) => LEDGER_STAGE_LABELS[t.stage] ?? t.stage, align: 'center' },
  { header: '是否超期', width: 8, perTask: true, value: (t) => yesNo(t.overdue), align: 'center' },
];

export const SUPERVISION_LEDGER_HEADERS = COLUMNS.map((c) => c.header);

const GROUP_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/**
 * The 督办台账 a supervision office hands its leaders: a title with the period, then the tasks grouped
 * by status (each group under a heading with its count), one line per responsible unit with the
 * task's own cells merged down across its units. Printed landscape on A4, one page wide, the header
 * repeated on every page.
 */
export function buildSupervisionLedgerWorkbook(tasks: readonly LedgerTask[], info: SupervisionLedgerInfo): Workbook {
  const workbook = new Workbook();
  workbook.creator = 'workplan';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(SUPERVISION_LEDGER_SHEET);
  const width = COLUMNS.length;

  const unitCount = tasks.reduce((n, t) => n + t.units.length, 0);
  const subtitle = [`方案：${info.planTitle ?? '全部方案'}`, `导出日期：${info.exportDate}`, `共 ${tasks.length} 项、${unitCount} 个责任单位次`, info.filterSummary ? `筛选：${info.filterSummary}` : null]
    .filter(Boolean)
    .join('    ');
  writeHeading(sheet, { title: ledgerTitle(info.period), subtitle, headers: SUPERVISION_LEDGER_HEADERS, titleSize: 18 });
  COLUMNS.forEach((column, i) => (sheet.getColumn(i + 1).width = column.width));

  let row = SUPERVISION_LEDGER_HEADER_ROW + 1;
  let serial = 0;
  LEDGER_GROUPS.forEach((group, g) => {
    const members = tasks.filter((t) => t.group === group);
    const heading = sheet.getRow(row);
    heading.getCell(1).value = `${CN_ORDINALS[g]}、${LEDGER_GROUP_LABELS[group]}（${members.length}项）`;
    heading.getCell(1).font = { bold: true };
    heading.getCell(1).fill = GROUP_FILL;
    heading.getCell(1).alignment = { vertical: 'middle' };
    heading.getCell(1).border = BORDER;
    sheet.mergeCells(row, 1, row, width);
    row++;
    for (const task of members) {
      serial++;
      writeTask(sheet, row, task, serial);
      row += task.units.length;
    }
  });

  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: SUPERVISION_LEDGER_HEADER_ROW, topLeftCell: `A${SUPERVISION_LEDGER_HEADER_ROW + 1}`, activeCell: `A${SUPERVISION_LEDGER_HEADER_ROW + 1}` }];
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${SUPERVISION_LEDGER_HEADER_ROW}:${SUPERVISION_LEDGER_HEADER_ROW}`,
  };
  sheet.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
  return workbook;
}

function writeTask(sheet: Worksheet, first: number, task: LedgerTask, serial: number): void {
  const last = first + task.units.length - 1;
  task.units.forEach((unit, u) => {
    COLUMNS.forEach((column, c) => {
      const cell = sheet.getRow(first + u).getCell(c + 1);
      if (!column.perTask || u === 0) cell.value = column.value(task, unit, serial);
      cell.border = BORDER;
      cell.alignment = { horizontal: column.align, vertical: column.perTask ? 'middle' : 'top', wrapText: true };
      if (column.numFmt) cell.numFmt = column.numFmt;
      if (column.header === '是否超期' && task.overdue) cell.font = { ...RED_FONT, bold: true };
    });
  });
  if (last > first) COLUMNS.forEach((column, c) => column.perTask && sheet.mergeCells(first, c + 1, last, c + 1));
}

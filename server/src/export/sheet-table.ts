import { PLAN_TIME_ZONE } from '@workplan/shared';
import type { Alignment, Borders, CellValue, Fill, Font, Worksheet } from 'exceljs';

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/** The table starts under a title row and a subtitle row; frozen panes and the autofilter sit on this row. */
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = HEADER_ROW + 1;

const THIN: Borders['top'] = { style: 'thin', color: { argb: 'FFBFBFBF' } };
export const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
/** Excel's own "bad" cell style: light red fill, dark red text. */
export const ALERT_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
export const ALERT_FONT: Partial<Font> = { color: { argb: 'FF9C0006' } };
export const RED_FONT: Partial<Font> = { color: { argb: 'FFC00000' } };

export interface CellLook {
  font?: Partial<Font>;
  fill?: Fill;
}

export interface TableColumn<R> {
  header: string;
  value: (row: R, index: number) => CellValue;
  numFmt?: string;
  align?: Alignment['horizontal'];
  /** Widest the column grows to, in narrow characters (a Chinese character counts two); longer text wraps. */
  maxWidth?: number;
  /** How this cell looks for this row (e.g. red 是 in 是否逾期). */
  look?: (row: R) => CellLook | undefined;
}

export interface TableOptions<R> {
  title: string;
  subtitle: string;
  /** How a whole data row looks (e.g. a 合计 row in bold); cell looks are applied on top. */
  rowLook?: (row: R) => CellLook | undefined;
}

/**
 * A clerk's sheet head: a title and a subtitle across the top (rows 1 and 2, merged over the
 * columns) and a bold, filled, bordered header row (HEADER_ROW).
 */
export function writeHeading(sheet: Worksheet, head: { title: string; subtitle: string; headers: readonly string[]; titleSize?: number }): void {
  const width = head.headers.length;
  const size = head.titleSize ?? 16;
  const title = sheet.getRow(1);
  title.getCell(1).value = head.title;
  title.getCell(1).font = { bold: true, size };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = size * 1.75;
  const subtitle = sheet.getRow(2);
  subtitle.getCell(1).value = head.subtitle;
  subtitle.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };
  if (width > 1) {
    sheet.mergeCells(1, 1, 1, width);
    sheet.mergeCells(2, 1, 2, width);
  }
  const header = sheet.getRow(HEADER_ROW);
  head.headers.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 22;
}

/**
 * Writes a clerk's table: a title and a subtitle across the top, a bold filled header row that stays
 * frozen and carries an autofilter, bordered data rows, columns sized to their contents, printed
 * landscape one page wide with the header repeated on every page.
 */
export function writeTable<R>(sheet: Worksheet, columns: ReadonlyArray<TableColumn<R>>, rows: readonly R[], options: TableOptions<R>): void {
  const width = columns.length;
  writeHeading(sheet, { title: options.title, subtitle: options.subtitle, headers: columns.map((c) => c.header) });

  rows.forEach((row, index) => {
    const line = sheet.getRow(FIRST_DATA_ROW + index);
    const rowLook = options.rowLook?.(row);
    columns.forEach((column, i) => {
      const cell = line.getCell(i + 1);
      cell.value = column.value(row, index);
      cell.border = BORDER;
      cell.alignment = { horizontal: column.align, vertical: 'top', wrapText: true };
      if (column.numFmt) cell.numFmt = column.numFmt;
      const cellLook = column.look?.(row);
      const font = { ...rowLook?.font, ...cellLook?.font };
      if (Object.keys(font).length) cell.font = font;
      const fill = cellLook?.fill ?? rowLook?.fill;
      if (fill) cell.fill = fill;
    });
  });

  const lastRow = HEADER_ROW + rows.length;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${FIRST_DATA_ROW}`, activeCell: `A${FIRST_DATA_ROW}` }];
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: lastRow, column: width } };
  sheet.pageSetup = { ...sheet.pageSetup, orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` };
  fitColumns(sheet, columns, rows.length);
}

/** Each column as wide as its widest cell (header included), between 6 and its maxWidth. */
function fitColumns<R>(sheet: Worksheet, columns: ReadonlyArray<TableColumn<R>>, rowCount: number): void {
  columns.forEach((column, i) => {
    let widest = displayWidth(column.header);
    for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + rowCount; r++) {
      widest = Math.max(widest, displayWidth(textOf(sheet.getRow(r).getCell(i + 1).value, column.numFmt)));
    }
    sheet.getColumn(i + 1).width = Math.min(Math.max(widest + 2, 6), column.maxWidth ?? 40);
  });
}

function textOf(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return numFmt === DATE_TIME_FORMAT ? '0000-00-00 00:00' : '0000-00-00';
  return String(value);
}

/** Columns are measured in narrow characters; CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}

/**
 * A calendar day (YYYY-MM-DD) as an Excel date. Excel dates have no time zone; exceljs writes a
 * JavaScript Date by its UTC fields, so the day goes in as UTC midnight.
 */
export function excelDate(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00Z`);
}

/** A moment as the wall-clock time clerks see in China (the plan's zone), as an Excel date-time. */
export function excelDateTime(at: Date, timeZone: string = PLAN_TIME_ZONE): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  );
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
}

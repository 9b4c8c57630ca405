/**
 * Schedule tables flattened to text, one cell a line (003: 序号 / 事项 / 时间进度 / 分工安排).
 *
 * A cell line starts with a tab; a line that continues a wrapped cell follows without a blank
 * line; rows are separated by blank lines. Only tables whose header has a 序号 column and a task
 * column are task tables: indicator tables (004 附件, 指标名称 …) are left alone.
 */

export interface TableTaskRow {
  /** The row's 序号. */
  number: number;
  title: string;
  /** Raw text of the deadline column, if the table has one. */
  deadline: string | null;
  /** Raw text of the department column, if the table has one. */
  departments: string | null;
  /** Zero-based source lines of the row. */
  lines: number[];
}

export interface TaskTable {
  /** The line above the header, which names the table; null if there is none. */
  caption: string | null;
  rows: TableTaskRow[];
  /** Rows that did not fit the header (wrong cell count, no number), as joined text. */
  rejected: string[];
  /** Every source line the table occupies, caption included. */
  lines: number[];
}

interface RawRow {
  cells: string[];
  lines: number[];
}

const isBlank = (line: string) => line.replace(/[\s\u3000]+/g, '') === '';
const isCell = (line: string) => line.startsWith('\t') && !isBlank(line);

const NUMBER_COLUMN = /^(?:序号|编号)$/;
const TITLE_COLUMN = /事项|任务|工作内容|内容|项目|重点工作/;
const DEADLINE_COLUMN = /时间|时限|进度|期限|完成/;
const DEPARTMENT_COLUMN = /分工|责任|牵头|单位|部门/;

/** Group cell lines into rows, from `start` until the table stops (a non-cell line after a gap). */
function readRows(lines: readonly string[], start: number): { rows: RawRow[]; end: number } {
  const rows: RawRow[] = [];
  let row: RawRow | null = null;
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) {
      if (row) rows.push(row);
      row = null;
      continue;
    }
    if (isCell(line)) {
      row ??= { cells: [], lines: [] };
      row.cells.push(line.trim());
      row.lines.push(i);
    } else if (row) {
      row.cells[row.cells.length - 1] += line.trim(); // a wrapped cell
      row.lines.push(i);
    } else {
      break;
    }
  }
  if (row) rows.push(row);
  return { rows, end: i };
}

function columnIndex(header: readonly string[], pattern: RegExp, taken: number[]): number {
  const index = header.findIndex((cell, i) => !taken.includes(i) && pattern.test(cell));
  if (index >= 0) taken.push(index);
  return index;
}

/** Find every task table in the text. */
export function extractTaskTables(lines: readonly string[]): TaskTable[] {
  const tables: TaskTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isCell(lines[i]!) || (i > 0 && isCell(lines[i - 1]!))) continue;
    const { rows, end } = readRows(lines, i);
    const headerIndex = rows.findIndex((r) => r.cells.some((c) => NUMBER_COLUMN.test(c)));
    if (headerIndex < 0) {
      i = end - 1;
      continue;
    }
    const header = rows[headerIndex]!.cells;
    const taken: number[] = [];
    const numberCol = columnIndex(header, NUMBER_COLUMN, taken);
    const titleCol = columnIndex(header, TITLE_COLUMN, taken);
    const deadlineCol = columnIndex(header, DEADLINE_COLUMN, taken);
    const departmentCol = columnIndex(header, DEPARTMENT_COLUMN, taken);
    if (titleCol < 0) {
      i = end - 1;
      continue;
    }

    const table: TaskTable = { caption: null, rows: [], rejected: [], lines: [] };
    // The caption is the text line just above the table (blank lines allowed in between).
    let above = rows[0]!.lines[0]! - 1;
    while (above >= 0 && isBlank(lines[above]!)) above--;
    const captionText = above >= 0 ? lines[above]!.trim() : '';
    if (above >= 0 && !isCell(lines[above]!) && captionText.length <= 60 && !/[。；;]/.test(captionText)) {
      table.caption = captionText;
      table.lines.push(above);
    }
    for (const row of rows) table.lines.push(...row.lines);
    for (const row of rows.slice(headerIndex + 1)) {
      const number = Number(row.cells[numberCol]);
      if (row.cells.length !== header.length || !Number.isInteger(number) || number <= 0) {
        table.rejected.push(row.cells.join(' '));
        continue;
      }
      table.rows.push({
        number,
        title: row.cells[titleCol]!,
        deadline: deadlineCol >= 0 ? row.cells[deadlineCol]! : null,
        departments: departmentCol >= 0 ? row.cells[departmentCol]! : null,
        lines: row.lines,
      });
    }
    tables.push(table);
    i = end - 1;
  }
  return tables;
}

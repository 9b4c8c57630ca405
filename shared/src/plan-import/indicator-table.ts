/**
 * Target-indicator tables flattened to text, one cell a line (004 附件1 and 附件2).
 *
 * Two kinds are read, both recognised by their header cells rather than by position:
 *
 * - a **target table** (附件1 目标总表): a 指标名称 column, one column per year (2015年 2016年 …),
 *   optionally 单位, 基期 and a summary column (我市目标, 备注). Each row is an indicator, its unit
 *   written in the column or at the end of the name: 规模以上工业增加值（亿元）.
 * - a **decomposition table** (附件2 年度目标分解表): a header row whose first cell is 指标 (or 镇区,
 *   地区 …) over a row of indicator names, then one row per town or district. The year is the one
 *   in the caption (2015年度目标分解表). A 合计 row states the table's own total.
 *
 * Layout of the flattened text: a line starting with a tab is a cell (a tab alone is an empty
 * cell); a line without a tab continues the cell above it (wrapped text); rows are separated by
 * blank lines. 004 also wraps a cell across a blank line (中山市 / blank / 合计), which is read
 * as one cell when the table continues right after it.
 *
 * Pure: lines in, data out.
 */
import { DEPARTMENT_DIRECTORY, type DirectoryDepartment, resolveDepartment } from '../department/department-directory';
import { toAsciiDigits } from './chinese-numerals';
import { matchOutlineMarker } from './outline';

export interface IndicatorBaseline {
  year: number;
  value: number;
}

export interface IndicatorAllocation {
  /** The town or district, by its directory name where the directory knows it. */
  department: string;
  year: number;
  value: number;
}

export interface ParsedIndicator {
  /** As written, without the unit: 规模以上工业增加值. */
  name: string;
  /** 亿元, %, 家, 万千瓦 …; empty when the document gives none. */
  unit: string;
  baseline: IndicatorBaseline | null;
  /** Year → target value; blank cells (—, -) are left out. */
  targets: Record<string, number>;
  /** The summary column (我市目标: 年均增长8%左右), as written. */
  summaryGoal: string | null;
  allocations: IndicatorAllocation[];
}

/** A figure a decomposition table's 合计 row gives for one indicator. */
export interface StatedTotal {
  indicator: string;
  year: number;
  value: number;
}

/** One row of a target table. `sub` is the bracketed figure of 350（220）, with its own name. */
export interface TargetRow {
  name: string;
  unit: string;
  subName: string | null;
  baseline: IndicatorBaseline | null;
  targets: Record<string, number>;
  subTargets: Record<string, number>;
  summaryGoal: string | null;
}

export interface AllocationColumn {
  name: string;
  unit: string;
  subName: string | null;
}

export interface AllocationRow {
  /** The place as written, whitespace removed: 火炬开发区（含翠亨新区）. */
  place: string;
  /** A 合计 / 总计 row. */
  total: boolean;
  /** One entry per column; null for a blank cell. */
  values: Array<TableNumber | null>;
}

export type IndicatorTable =
  | { kind: 'targets'; caption: string | null; lines: number[]; rows: TargetRow[]; rejected: string[] }
  | {
      kind: 'allocations';
      caption: string | null;
      /** The year the caption (or the header) names; null when it names none. */
      year: number | null;
      lines: number[];
      columns: AllocationColumn[];
      rows: AllocationRow[];
      rejected: string[];
    };

export interface TableNumber {
  value: number;
  /** The bracketed figure of 350（220）: the part of the value the row's （其中…） names. */
  sub: number | null;
}

// ---------------------------------------------------------------------------------------------
// Cell values
// ---------------------------------------------------------------------------------------------

const WHITESPACE = /[\s\u3000]+/g;

/** Cells that mean "no figure": —, -, ／, 无 … */
const BLANK_VALUE = /^(?:[-－—–─―_/／\\＼~～…·]+|无|空|暂无|不适用|n\/?a)$/i;

/** Footnote marks after (or before) a figure: 1653*, 1653①, 1653注1, 1653[1], 1653¹. */
const FOOTNOTE_AFTER = /(?:[*＊※△▲☆★#＃†‡\u2460-\u2473⁰¹²³⁴⁵⁶⁷⁸⁹]|\[\d+\]|［\d+］|[（(]注\d*[)）]|注\d+)+$/;
const FOOTNOTE_BEFORE = /^[*＊※△▲☆★#＃†‡]+/;
const QUALIFIER_BEFORE = /^(?:约|≥|>=|＞=|>|＞|≤|<=|<|＜|不低于|不少于|不超过|力争|达到|达|超过|超)/;
const QUALIFIER_AFTER = /(?:以上|以下|以内|左右|上下)$/;
/** No figure cell is longer (1,234,567.89（1,234,567.89）注12 is 31): longer text is prose. */
const MAX_FIGURE_LENGTH = 40;
/** 1312 · 1,312 · 1，312 · 1、312 · 3.50 · -9 */
const PLAIN_NUMBER = /^[-+]?(?:\d{1,3}(?:[,、]\d{3})+|\d+)(?:\.\d+)?$/;

function normaliseNumberText(text: string): string {
  return toAsciiDigits(text)
    .replace(WHITESPACE, '')
    .replace(/．/g, '.')
    .replace(/，/g, ',')
    .replace(/％/g, '%')
    .replace(/^[－−]/, '-');
}

/** One figure, or null when the text is not a figure. Units written in the cell (8%, 1653亿元) are dropped. */
function parseFigure(raw: string): number | null {
  let s = raw.replace(FOOTNOTE_BEFORE, '').replace(FOOTNOTE_AFTER, '');
  s = s.replace(QUALIFIER_BEFORE, '').replace(QUALIFIER_AFTER, '');
  s = s.replace(/(?:%|‰|[\u4e00-\u9fa5]{1,4})$/, (unit, offset: number) => (PLAIN_NUMBER.test(s.slice(0, offset)) ? '' : unit));
  s = s.replace(QUALIFIER_AFTER, '').replace(FOOTNOTE_AFTER, '');
  if (!PLAIN_NUMBER.test(s)) return null;
  return Number(s.replace(/[,、]/g, ''));
}

/**
 * Read a table cell as a number: `null` for a blank cell (empty, —, -), `undefined` for text that is
 * not a figure (年均增长8%左右), else the figure with the bracketed part of 350（220）.
 */
export function parseTableNumber(cell: string): TableNumber | null | undefined {
  const s = normaliseNumberText(cell);
  if (s === '' || BLANK_VALUE.test(s)) return null;
  if (s.length > MAX_FIGURE_LENGTH) return undefined;
  const single = parseFigure(s);
  if (single !== null) return { value: single, sub: null };
  const pair = /^(.+?)[（(](.+)[)）]$/.exec(s);
  if (pair) {
    const value = parseFigure(pair[1]!);
    const sub = parseFigure(pair[2]!);
    if (value !== null && sub !== null) return { value, sub };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Indicator names and units
// ---------------------------------------------------------------------------------------------

/** The last character of a unit: 亿元, 万千瓦, 家, 个, 百分点, 吨标准煤, 平方米 — not （全市）. */
const UNIT_END = /[元瓦家个件人户项次台套吨亩米里%％‰点座所辆张本批度时煤箱克升顷tgWh²³]$/;

/** A bracket at the end of a name that is a unit: （亿元） （%） （万千瓦） — not （其中…） or （含…）. */
function isUnitText(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= 8 &&
    !/^(?:其中|含|包括|不含|注)/.test(text) &&
    /^(?:[%％‰]|[\u4e00-\u9fa5a-zA-Z/·²³]+|[\u4e00-\u9fa5]*[%％‰])$/.test(text) &&
    UNIT_END.test(text)
  );
}

const unitOf = (text: string) => text.replace(WHITESPACE, '').replace(/％/g, '%');

/**
 * Split a written indicator into name and unit, and name the part its bracketed figures count:
 * 开展技改的规模以上工业企业（其中年主营业务收入超5000万元企业）（家） → name 开展技改的规模以上工业企业,
 * unit 家, subName 开展技改的规模以上工业企业（其中年主营业务收入超5000万元企业）.
 */
export function splitIndicatorName(written: string): { name: string; unit: string; subName: string | null } {
  let name = written.replace(WHITESPACE, '');
  let unit = '';
  const m = /^(.+?)[（(]([^（）()]*)[)）]$/.exec(name);
  if (m && isUnitText(m[2]!)) {
    name = m[1]!;
    unit = unitOf(m[2]!);
  }
  const part = /^(.+?)[（(](其中[^（）()]+)[)）]$/.exec(name);
  if (part) return { name: part[1]!, unit, subName: `${part[1]}（${part[2]}）` };
  return { name, unit, subName: null };
}

/** How two tables spell one indicator the same: 骨干企业累计 in 附件1 is 骨干企业 in 附件2. */
function indicatorKey(name: string, unit: string): string {
  const key = name
    .replace(WHITESPACE, '')
    .replace(/[“”"「」『』‘’']/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[)）]/g, ')')
    .replace(/累计|年度|全年/g, '');
  return `${key}|${unitOf(unit)}`;
}

// ---------------------------------------------------------------------------------------------
// Reading cells into rows
// ---------------------------------------------------------------------------------------------

interface Row {
  cells: string[];
  lines: number[];
}

interface Block {
  rows: Row[];
  /** First and one-past-last source line. */
  start: number;
  end: number;
}

const isCellLine = (line: string) => line.startsWith('\t');
const isBlankLine = (line: string) => !isCellLine(line) && line.replace(WHITESPACE, '') === '';
const cellText = (line: string) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

/** A short line under a blank line that the table continues after: the 合计 of 中山市 / blank / 合计. */
function continuesAcrossBlank(lines: readonly string[], i: number): boolean {
  const text = cellText(lines[i]!);
  if (text.length > 12 || /[。；;：:]/.test(text) || /^附件|表$/.test(text)) return false;
  let j = i + 1;
  while (j < lines.length && isBlankLine(lines[j]!)) j++;
  return j < lines.length && isCellLine(lines[j]!);
}

function readBlock(lines: readonly string[], start: number): Block {
  const rows: Row[] = [];
  let row: Row | null = null;
  let gap = false; // a blank line since the last cell
  let last = start;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (isCellLine(line)) {
      if (!row || gap) {
        if (row) rows.push(row);
        row = { cells: [], lines: [] };
      }
      gap = false;
      row.cells.push(cellText(line));
      row.lines.push(i);
      last = i;
    } else if (isBlankLine(line)) {
      gap = true;
    } else if (row && (!gap || continuesAcrossBlank(lines, i))) {
      row.cells[row.cells.length - 1] += cellText(line);
      row.lines.push(i);
      gap = false;
      last = i;
    } else {
      break;
    }
  }
  if (row) rows.push(row);
  return { rows, start, end: last + 1 };
}

// ---------------------------------------------------------------------------------------------
// Recognising the tables by their headers
// ---------------------------------------------------------------------------------------------

const headerText = (cell: string) => toAsciiDigits(cell).replace(WHITESPACE, '');

const NAME_HEADER = /^(?:指标名称|指标|指标项目?|主要指标|目标名称|项目名称?)$/;
const UNIT_HEADER = /^(?:计量)?单位$/;
const BASELINE_YEAR_HEADER = /^(?:基期|基准)年份?$/;
const BASELINE_HEADER = /基期|基数|基准|现状|实际|完成/;
/** 2015年, 2015, 2015年目标, 2015年度目标值 — one year, not a range (2015-2017年目标 is a summary). */
const YEAR_HEADER = /^(\d{4})(?:年度?)?(?:目标值?|预期值?|计划值?|值)?$/;
const SUMMARY_HEADER = /目标|备注|说明|累计|合计|总/;
/** The corner cell of a decomposition table: 指标, 镇区, 地区, 镇区\指标 … */
const LABEL_HEADER = /^(?:指标(?:名称)?|镇区|镇街|地区|区域|县区|地市|单位名称)(?:[\\/／＼、]?(?:指标|镇区|镇街|地区|名称))?$/;
const TOTAL_ROW = /合计|总计|全市|全区|全县|全省|总数/;

const YEAR_IN_TEXT = /(?<![\d\-－—~～至到])(\d{4})\s*年(?!\s*[-－—~～至到]\s*\d)/;

function yearIn(text: string): number | null {
  const m = YEAR_IN_TEXT.exec(toAsciiDigits(text));
  return m ? Number(m[1]) : null;
}

interface TargetLayout {
  width: number;
  nameCol: number;
  unitCol: number;
  baselineCol: number;
  baselineYearCol: number;
  baselineYear: number | null;
  years: Array<{ col: number; year: number }>;
  summaryCol: number;
}

function targetLayout(header: readonly string[]): TargetLayout | null {
  const cells = header.map(headerText);
  const nameCol = cells.findIndex((c) => NAME_HEADER.test(c));
  if (nameCol < 0) return null;
  const layout: TargetLayout = {
    width: cells.length,
    nameCol,
    unitCol: -1,
    baselineCol: -1,
    baselineYearCol: -1,
    baselineYear: null,
    years: [],
    summaryCol: -1,
  };
  cells.forEach((cell, col) => {
    if (col <= nameCol || cell === '') return;
    let m: RegExpExecArray | null;
    if (layout.unitCol < 0 && UNIT_HEADER.test(cell)) layout.unitCol = col;
    else if (layout.baselineYearCol < 0 && BASELINE_YEAR_HEADER.test(cell)) layout.baselineYearCol = col;
    else if (layout.baselineCol < 0 && BASELINE_HEADER.test(cell)) {
      layout.baselineCol = col;
      layout.baselineYear = yearIn(cell) ?? (/^(\d{4})/.exec(cell) ? Number(cell.slice(0, 4)) : null);
    } else if ((m = YEAR_HEADER.exec(cell))) layout.years.push({ col, year: Number(m[1]) });
    else if (layout.summaryCol < 0 && SUMMARY_HEADER.test(cell)) layout.summaryCol = col;
  });
  return layout.years.length > 0 ? layout : null;
}

interface AllocationLayout {
  width: number;
  labelCol: number;
  columns: Array<{ col: number } & AllocationColumn>;
}

function allocationLayout(header: readonly string[]): AllocationLayout | null {
  const cells = header.map(headerText);
  const labelCol = cells.findIndex((c) => c !== '');
  if (labelCol < 0 || !LABEL_HEADER.test(cells[labelCol]!)) return null;
  if (cells.some((c) => YEAR_HEADER.test(c))) return null;
  const columns = header
    .map((written, col) => ({ col, written }))
    .filter(({ col, written }) => col > labelCol && written.replace(WHITESPACE, '') !== '' && parseTableNumber(written) === undefined)
    .map(({ col, written }) => ({ col, ...splitIndicatorName(written) }));
  return columns.length >= 2 ? { width: cells.length, labelCol, columns } : null;
}

/**
 * Fit a row to the header. A row one or more cells short is missing its leading cells (a merged
 * category cell written once): pad it on the left, as long as the named column is still there.
 */
function align(cells: readonly string[], width: number, keyCol: number): string[] | null {
  if (cells.length === width) return [...cells];
  if (cells.length < width && width - cells.length <= keyCol) return [...Array<string>(width - cells.length).fill(''), ...cells];
  return null;
}

const joined = (row: Row) => row.cells.filter((c) => c !== '').join(' ');
const isLabelRow = (row: Row) => row.cells.filter((c) => c !== '').length <= 1;

/** The caption lines just above a table (附件2 / …2015年度目标分解表), nearest first. */
function captionAbove(lines: readonly string[], start: number): Array<{ line: number; text: string }> {
  const found: Array<{ line: number; text: string }> = [];
  let i = start - 1;
  while (found.length < 2 && i >= 0) {
    const line = lines[i]!;
    if (isBlankLine(line)) {
      i--;
      continue;
    }
    const text = cellText(line);
    if (isCellLine(line) || text.length > 60 || /[。；;]/.test(text) || matchOutlineMarker(text)) break;
    found.push({ line: i, text });
    i--;
  }
  return found;
}

function readTargetRows(rows: readonly Row[], layout: TargetLayout, rejected: string[]): TargetRow[] {
  const out: TargetRow[] = [];
  for (const row of rows) {
    if (isLabelRow(row)) continue; // a category or a note on a row of its own
    const cells = align(row.cells, layout.width, layout.nameCol);
    const written = cells?.[layout.nameCol];
    if (!cells || !written) {
      rejected.push(joined(row));
      continue;
    }
    const { name, unit: writtenUnit, subName } = splitIndicatorName(written);
    const unit = layout.unitCol >= 0 && cells[layout.unitCol] ? unitOf(cells[layout.unitCol]!) : writtenUnit;
    const targets: Record<string, number> = {};
    const subTargets: Record<string, number> = {};
    let unreadable = false;
    for (const { col, year } of layout.years) {
      const value = parseTableNumber(cells[col]!);
      if (value === undefined) unreadable = true;
      if (!value) continue;
      targets[String(year)] = value.value;
      if (value.sub !== null) subTargets[String(year)] = value.sub;
    }
    let baseline: IndicatorBaseline | null = null;
    if (layout.baselineCol >= 0) {
      const cell = cells[layout.baselineCol]!;
      const value = parseTableNumber(cell.replace(/^\s*\d{4}\s*年\s*[:：]?/, '').replace(/[（(]\s*\d{4}\s*年\s*[)）]$/, ''));
      const year = (layout.baselineYearCol >= 0 ? yearIn(`${cells[layout.baselineYearCol]}年`) : null) ?? layout.baselineYear ?? yearIn(cell);
      if (value === undefined) unreadable = true;
      if (value && year !== null) baseline = { year, value: value.value };
    }
    if (unreadable) rejected.push(joined(row));
    const summary = layout.summaryCol >= 0 ? cells[layout.summaryCol]!.replace(WHITESPACE, '') : '';
    const hasSub = Object.keys(subTargets).length > 0;
    out.push({
      name,
      unit,
      subName: hasSub ? (subName ?? `${name}（其中）`) : null,
      baseline,
      targets,
      subTargets,
      summaryGoal: summary && !BLANK_VALUE.test(summary) ? summary : null,
    });
  }
  return out;
}

function readAllocationRows(rows: readonly Row[], layout: AllocationLayout, rejected: string[]): AllocationRow[] {
  const out: AllocationRow[] = [];
  for (const row of rows) {
    if (isLabelRow(row)) continue; // a category or a note on a row of its own
    const cells = align(row.cells, layout.width, layout.labelCol);
    const place = cells?.[layout.labelCol]?.replace(WHITESPACE, '') ?? '';
    if (!cells || !place) {
      rejected.push(joined(row));
      continue;
    }
    const values = layout.columns.map(({ col }) => parseTableNumber(cells[col]!));
    if (values.some((v) => v === undefined)) rejected.push(joined(row));
    out.push({ place, total: TOTAL_ROW.test(place), values: values.map((v) => v ?? null) });
  }
  return out;
}

/**
 * Find the target and decomposition tables in the text. Rows that do not fit their header (a
 * wrong cell count, a figure that cannot be read) are returned in `rejected`, as joined text.
 */
export function findIndicatorTables(lines: readonly string[]): IndicatorTable[] {
  const tables: IndicatorTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isCellLine(lines[i]!)) continue;
    const block = readBlock(lines, i);
    i = block.end - 1;
    let caption = captionAbove(lines, block.start);
    const before: Row[] = []; // rows above the header: category rows spanning several columns
    for (let r = 0; r < block.rows.length; r++) {
      const header = block.rows[r]!;
      const target = targetLayout(header.cells);
      const allocation = target ? null : allocationLayout(header.cells);
      if (!target && !allocation) {
        before.push(header);
        continue;
      }
      // The table runs to the next header row in the same block, if any.
      let next = r + 1;
      while (next < block.rows.length && !targetLayout(block.rows[next]!.cells) && !allocationLayout(block.rows[next]!.cells)) next++;
      const body = block.rows.slice(r + 1, next);
      const tableLines = [...caption.map((c) => c.line), ...before.flatMap((row) => row.lines), ...header.lines, ...body.flatMap((row) => row.lines)];
      const captionText = caption.length ? caption[0]!.text : null;
      const rejected: string[] = [];
      const sorted = tableLines.sort((a, b) => a - b);
      if (target) {
        const rows = readTargetRows(body, target, rejected);
        // A header that happens to read 指标名称 / 2015年 over rows without a single figure is not one.
        if (rows.some((row) => Object.keys(row.targets).length > 0)) {
          tables.push({ kind: 'targets', caption: captionText, lines: sorted, rows, rejected });
        }
      } else if (allocation) {
        const rows = readAllocationRows(body, allocation, rejected);
        const year =
          caption.map((c) => yearIn(c.text)).find((y) => y !== null) ??
          before.map((row) => yearIn(row.cells.join(''))).find((y) => y !== null) ??
          yearIn(header.cells.join('')) ??
          null;
        if (rows.some((row) => row.values.some((v) => v !== null))) {
          tables.push({
            kind: 'allocations',
            caption: captionText,
            year,
            lines: sorted,
            columns: allocation.columns.map(({ name, unit, subName }) => ({ name, unit, subName })),
            rows,
            rejected,
          });
        }
      }
      caption = [];
      before.length = 0;
      r = next - 1;
    }
  }
  return tables;
}

// ---------------------------------------------------------------------------------------------
// From tables to indicators
// ---------------------------------------------------------------------------------------------

export interface CollectIndicatorsOptions {
  directory?: readonly DirectoryDepartment[];
  /** The year of a decomposition table whose caption names none (the document's year). */
  year?: number | null;
}

export interface CollectedIndicators {
  indicators: ParsedIndicator[];
  statedTotals: StatedTotal[];
  /** Table rows that could not be read, and decomposition tables without a year. */
  rejected: string[];
}

/**
 * Merge the tables into one list of indicators: target rows in document order, each with the
 * allocations of the decomposition column that names it (same name up to 累计/年度 and spacing,
 * same unit). A column no target row names becomes an indicator of its own, its target for the
 * year taken from the table's 合计 row.
 */
export function collectIndicators(tables: readonly IndicatorTable[], options: CollectIndicatorsOptions = {}): CollectedIndicators {
  const directory = options.directory ?? DEPARTMENT_DIRECTORY;
  const indicators: ParsedIndicator[] = [];
  const byKey = new Map<string, ParsedIndicator>();
  const statedTotals: StatedTotal[] = [];
  const rejected: string[] = [];

  const indicator = (name: string, unit: string): ParsedIndicator => {
    const key = indicatorKey(name, unit);
    let found = byKey.get(key);
    if (!found) {
      found = { name, unit, baseline: null, targets: {}, summaryGoal: null, allocations: [] };
      byKey.set(key, found);
      indicators.push(found);
    }
    return found;
  };

  for (const table of tables) {
    if (table.kind !== 'targets') continue;
    rejected.push(...table.rejected);
    for (const row of table.rows) {
      const main = indicator(row.name, row.unit);
      Object.assign(main.targets, row.targets);
      main.baseline ??= row.baseline;
      main.summaryGoal ??= row.summaryGoal;
      if (row.subName) {
        const sub = indicator(row.subName, row.unit);
        Object.assign(sub.targets, row.subTargets);
        sub.summaryGoal ??= row.summaryGoal;
      }
    }
  }

  for (const table of tables) {
    if (table.kind !== 'allocations') continue;
    rejected.push(...table.rejected);
    const year = table.year ?? options.year ?? null;
    if (year === null) {
      rejected.push(table.caption ?? table.columns.map((c) => c.name).join(' '));
      continue;
    }
    const department = (place: string) => resolveDepartment(place, directory)?.name ?? place;
    table.columns.forEach((column, j) => {
      const hasSub = column.subName !== null || table.rows.some((r) => r.values[j]?.sub != null);
      const series: Array<[ParsedIndicator, 'value' | 'sub']> = [[indicator(column.name, column.unit), 'value']];
      if (hasSub) series.push([indicator(column.subName ?? `${column.name}（其中）`, column.unit), 'sub']);
      for (const [target, part] of series) {
        for (const row of table.rows) {
          const cell = row.values[j];
          const value = cell ? cell[part] : null;
          if (value === null || value === undefined) continue;
          if (row.total) statedTotals.push({ indicator: target.name, year, value });
          else target.allocations.push({ department: department(row.place), year, value });
        }
        // An indicator only this table names takes its target for the year from the 合计 row.
        const stated = statedTotals.find((t) => t.indicator === target.name && t.year === year);
        if (stated && target.targets[String(year)] === undefined) target.targets[String(year)] = stated.value;
      }
    });
  }
  return { indicators, statedTotals, rejected };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUMBER_TEXT = '(\\d+(?:\\.\\d+)?)';

/**
 * Baselines a target table does not carry (004's 附件1 has no 基期 column), taken from the plan's
 * own sentence about the indicator: 规模以上工业增加值从2014年的1312亿元增长到1653亿元. Only when the
 * sentence names the indicator exactly, in the same unit, and ends on the table's target for the
 * last year, so a similar sentence about another measure (节能环保产业总产值 vs 增加值) is not taken.
 */
export function fillBaselinesFromText(indicators: readonly ParsedIndicator[], text: string): void {
  const source = toAsciiDigits(text).replace(WHITESPACE, '').replace(/％/g, '%');
  for (const indicator of indicators) {
    const years = Object.keys(indicator.targets).sort();
    if (indicator.baseline || !indicator.unit || years.length === 0) continue;
    const last = indicator.targets[years[years.length - 1]!]!;
    const unit = escapeRegExp(indicator.unit);
    const pattern = new RegExp(
      `${escapeRegExp(indicator.name.replace(WHITESPACE, ''))}从(\\d{4})年(?:末|底)?的?${NUMBER_TEXT}${unit}[^。；，,]{0,6}?(?:到|至)${NUMBER_TEXT}${unit}`,
    );
    const m = pattern.exec(source);
    if (m && Number(m[3]) === last) indicator.baseline = { year: Number(m[1]), value: Number(m[2]) };
  }
}

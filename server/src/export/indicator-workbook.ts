import { checkAllocations } from '@workplan/shared';
import { Workbook, type Worksheet } from 'exceljs';
import { ALERT_FILL, ALERT_FONT, writeTable, type CellLook, type TableColumn } from './sheet-table';

/** A target indicator (004 附件1) with its split across towns and districts (附件2). */
export interface IndicatorRow {
  name: string;
  unit: string;
  baselineYear: number | null;
  baselineValue: number | null;
  /** Target per year, keyed by the year as text (the jsonb column as stored). */
  targets: Record<string, number>;
  summaryGoal: string | null;
  allocations: ReadonlyArray<{ department: string; year: number; value: number }>;
}

export interface IndicatorSheetInfo {
  planTitle: string | null;
  exportDate: string;
}

export const INDICATOR_SHEET = '主要指标';
export const ALLOCATION_SHEET = '指标分解';

/** Enough digits for any figure in a plan, without float noise like 0.30000000000000004. */
const tidy = (value: number) => Number(value.toPrecision(12));

/**
 * Rates and shares (%, ‰, 百分点) of districts do not add up to the province's rate, so their
 * allocations are listed but not summed or checked (see checkAllocations).
 */
export function isAdditiveUnit(unit: string): boolean {
  return !/[%％‰]|百分点|百分比/.test(unit);
}

export interface AllocationYearCheck {
  year: number;
  /** The indicator's target for that year, if it has one. */
  target: number | null;
  /** What the allocations add up to; null for rates, where a sum means nothing. */
  sum: number | null;
  outcome: 'MATCH' | 'MISMATCH' | 'NO_TARGET' | 'NOT_ADDITIVE';
  /** For the clerk, in Chinese. */
  message: string;
}

/** Per year that has allocations (ascending): do they add up to the indicator's target for that year? */
export function checkIndicatorAllocations(indicator: Pick<IndicatorRow, 'unit' | 'targets' | 'allocations'>): AllocationYearCheck[] {
  const years = [...new Set(indicator.allocations.map((a) => a.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const shares = indicator.allocations.filter((a) => a.year === year);
    const target = indicator.targets[String(year)] ?? null;
    if (!isAdditiveUnit(indicator.unit)) {
      return { year, target, sum: null, outcome: 'NOT_ADDITIVE', message: `比率类指标（${indicator.unit}）各地数值不能相加，不作合计核对` };
    }
    const sum = tidy(shares.reduce((total, a) => total + a.value, 0));
    if (target === null) return { year, target, sum, outcome: 'NO_TARGET', message: `${year}年未设目标值，无法核对` };
    const check = checkAllocations(target, shares.map((a) => ({ department: a.department, value: a.value })));
    const gap = tidy(Math.abs(check.difference));
    const unit = indicator.unit;
    if (check.ok) return { year, target, sum, outcome: 'MATCH', message: `一致：分解合计 ${sum}${unit}，等于${year}年目标 ${target}${unit}` };
    return {
      year,
      target,
      sum,
      outcome: 'MISMATCH',
      message:
        check.difference < 0
          ? `不一致：分解合计 ${sum}${unit}，${year}年目标 ${target}${unit}，尚有 ${gap}${unit} 未分解`
          : `不一致：分解合计 ${sum}${unit}，${year}年目标 ${target}${unit}，超出目标 ${gap}${unit}`,
    };
  });
}

const OUTCOME_WORD: Record<AllocationYearCheck['outcome'], string> = { MATCH: '一致', MISMATCH: '不一致', NO_TARGET: '无目标', NOT_ADDITIVE: '不核对' };

/** Sheet 主要指标: name, unit, baseline, one column per target year, the summary goal. */
export function addIndicatorSheet(workbook: Workbook, indicators: readonly IndicatorRow[], info: IndicatorSheetInfo): Worksheet {
  const years = [...new Set(indicators.flatMap((i) => Object.keys(i.targets)))].sort();
  const columns: Array<TableColumn<IndicatorRow>> = [
    { header: '指标名称', value: (r) => r.name, maxWidth: 40 },
    { header: '单位', value: (r) => r.unit, align: 'center' },
    { header: '基期年份', value: (r) => r.baselineYear, align: 'center' },
    { header: '基期值', value: (r) => r.baselineValue, align: 'right' },
    ...years.map((year): TableColumn<IndicatorRow> => ({ header: `${year}年`, value: (r) => r.targets[year] ?? null, align: 'right' })),
    { header: '总目标', value: (r) => r.summaryGoal, maxWidth: 50 },
  ];
  const sheet = workbook.addWorksheet(INDICATOR_SHEET);
  writeTable(sheet, columns, indicators, { title: `${info.planTitle ?? '全部方案'} 主要指标`, subtitle: `导出日期：${info.exportDate}    共 ${indicators.length} 项指标` });
  return sheet;
}

type AllocationLine =
  | { kind: 'share'; indicator: string; year: number; department: string; value: number }
  | { kind: 'total'; indicator: string; year: number; sum: number | null }
  | { kind: 'check'; indicator: string; year: number; check: AllocationYearCheck };

/** The lines of 指标分解: per indicator and year, each share, then a 合计 line and a 核对 line. */
export function allocationLines(indicators: readonly IndicatorRow[]): AllocationLine[] {
  const collator = new Intl.Collator('zh-Hans-CN');
  const lines: AllocationLine[] = [];
  for (const indicator of indicators) {
    const label = indicator.unit ? `${indicator.name}（${indicator.unit}）` : indicator.name;
    for (const check of checkIndicatorAllocations(indicator)) {
      const shares = indicator.allocations.filter((a) => a.year === check.year).sort((a, b) => collator.compare(a.department, b.department));
      for (const share of shares) lines.push({ kind: 'share', indicator: label, year: check.year, department: share.department, value: share.value });
      lines.push({ kind: 'total', indicator: label, year: check.year, sum: check.sum });
      lines.push({ kind: 'check', indicator: label, year: check.year, check });
    }
  }
  return lines;
}

const ALLOCATION_COLUMNS: ReadonlyArray<TableColumn<AllocationLine>> = [
  { header: '指标', value: (l) => l.indicator, maxWidth: 40 },
  { header: '年份', value: (l) => l.year, align: 'center' },
  { header: '单位/地区', value: (l) => (l.kind === 'share' ? l.department : l.kind === 'total' ? '合计' : '核对'), maxWidth: 30 },
  { header: '分解值', value: (l) => (l.kind === 'share' ? l.value : l.kind === 'total' ? l.sum : OUTCOME_WORD[l.check.outcome]), align: 'right' },
  { header: '核对说明', value: (l) => (l.kind === 'check' ? l.check.message : null), maxWidth: 60 },
];

function allocationLook(line: AllocationLine): CellLook | undefined {
  if (line.kind === 'total') return { font: { bold: true } };
  if (line.kind !== 'check') return undefined;
  if (line.check.outcome === 'MISMATCH') return { font: { ...ALERT_FONT, bold: true }, fill: ALERT_FILL };
  if (line.check.outcome === 'MATCH') return { font: { color: { argb: 'FF006100' } } };
  return { font: { color: { argb: 'FF7F7F7F' } } };
}

/** Sheet 指标分解: the split of each indicator by district and year, with the totals checked against the target. */
export function addAllocationSheet(workbook: Workbook, indicators: readonly IndicatorRow[], info: IndicatorSheetInfo): Worksheet {
  const lines = allocationLines(indicators);
  const mismatches = lines.filter((l) => l.kind === 'check' && l.check.outcome === 'MISMATCH').length;
  const sheet = workbook.addWorksheet(ALLOCATION_SHEET);
  writeTable(sheet, ALLOCATION_COLUMNS, lines, {
    title: `${info.planTitle ?? '全部方案'} 指标分解`,
    subtitle: `导出日期：${info.exportDate}    ${mismatches ? `${mismatches} 处分解合计与目标不一致（红色标出）` : '未发现分解合计与目标不一致'}`,
    rowLook: allocationLook,
  });
  return sheet;
}

/** Both indicator sheets in one workbook. */
export function buildIndicatorWorkbook(indicators: readonly IndicatorRow[], info: IndicatorSheetInfo): Workbook {
  const workbook = new Workbook();
  workbook.creator = 'workplan';
  workbook.created = new Date();
  addIndicatorSheet(workbook, indicators, info);
  addAllocationSheet(workbook, indicators, info);
  return workbook;
}

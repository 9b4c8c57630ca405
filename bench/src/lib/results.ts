import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureResultsDir, RESULTS_DIR } from './env';
import { round } from './stats';

/** One headline number of a benchmark, compared with the goal the issue sets. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The goal: at least (higher is better) or at most (lower is better). */
  goal: { op: '>=' | '<='; value: number } | null;
  note?: string;
}

export interface FigureVerdict extends Figure {
  /** value ÷ goal for "at least", goal ÷ value for "at most": ≥ 1 means met, either way. */
  ratioToGoal: number | null;
  met: boolean | null;
}

export function judge(figure: Figure): FigureVerdict {
  if (!figure.goal) return { ...figure, ratioToGoal: null, met: null };
  const { op, value: goal } = figure.goal;
  const ratio = op === '>=' ? figure.value / goal : goal / figure.value;
  return { ...figure, value: round(figure.value, 3), ratioToGoal: round(ratio, 2), met: op === '>=' ? figure.value >= goal : figure.value <= goal };
}

export interface BenchResult {
  name: string;
  startedAt: string;
  durationSeconds: number;
  machine: unknown;
  setup: Record<string, unknown>;
  figures: FigureVerdict[];
  details: Record<string, unknown>;
}

export function writeResult(result: BenchResult): string {
  const path = join(ensureResultsDir(), `${result.name}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

export function readResult(name: string): BenchResult | null {
  const path = join(RESULTS_DIR, `${name}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as BenchResult) : null;
}

const show = (n: number, unit: string) => {
  const text = Math.abs(n) >= 100 ? String(Math.round(n)) : String(round(n, Math.abs(n) >= 10 ? 1 : 2));
  return unit === '%' ? `${text} %` : unit ? `${text} ${unit}` : text;
};

/** The markdown table every run ends with: figure, value, goal, ratio to goal, met? */
export function summaryMarkdown(results: BenchResult[], header: string): string {
  const lines = [
    '# Benchmark summary',
    '',
    header,
    '',
    '| benchmark | figure | value | goal | ratio to goal | met? |',
    '|---|---|---|---|---|---|',
  ];
  for (const result of results) {
    for (const f of result.figures) {
      const goal = f.goal ? `${f.goal.op === '>=' ? '≥' : '≤'} ${show(f.goal.value, f.unit)}` : '—';
      const ratio = f.ratioToGoal === null ? '—' : `${f.ratioToGoal.toFixed(2)}×`;
      const met = f.met === null ? '—' : f.met ? 'yes' : '**no**';
      lines.push(`| ${result.name} | ${f.name}${f.note ? ` (${f.note})` : ''} | ${show(f.value, f.unit)} | ${goal} | ${ratio} | ${met} |`);
    }
  }
  lines.push('', 'Ratio to goal: value ÷ goal where more is better, goal ÷ value where less is better; ≥ 1.00× meets the goal.', '');
  return lines.join('\n');
}

export function writeSummary(markdown: string): string {
  const path = join(ensureResultsDir(), 'SUMMARY.md');
  writeFileSync(path, markdown);
  return path;
}

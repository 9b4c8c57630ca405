/**
 * Turn the text of a published plan (工作方案, 分工落实方案, 行动计划) into its tasks.
 *
 * A task is a leaf of the numbered outline that names who does it, or a numbered item that at
 * least says when (001 writes its steps as prose under dated stages), or a row of a schedule
 * table. Its code is its path in the outline (一、(一) 3. → 1.1.3). Headings, targets and
 * explanatory sections (工作要求, 保障措施 without departments) are not tasks.
 *
 * Target tables (004 附件1: indicators with yearly values) and decomposition tables (附件2: the
 * same indicators split across towns for one year) become `indicators`, and the towns' shares are
 * checked against the targets in `allocationChecks`. Every task of a document starts at the same
 * stage, `startStageOf` decides which.
 *
 * Pure: text in, data out. The directory maps abbreviations to full unit names.
 */
import { DEPARTMENT_DIRECTORY, type DirectoryDepartment } from '../department/department-directory';
import { checkIndicatorAllocations, type PlanAllocationCheck } from './allocation-checks';
import { parseDeadline } from './deadline';
import { type DepartmentAssignment, departmentsInProse, explicitDepartments, splitDepartmentList } from './departments';
import { extractPlanHeader, inferDocumentYear, parseDocNumber } from './header';
import { collectIndicators, fillBaselinesFromText, findIndicatorTables, type ParsedIndicator } from './indicator-table';
import { buildOutline, cleanLine, type OutlineNode, outlinePath, walkOutline } from './outline';
import { type StartStage, startStageOf } from './start-stage';
import { extractTaskTables } from './task-table';

export interface ParsedTask {
  /** Path in the outline, dot-joined ASCII digits: 一、(一) 3. → "1.1.3". */
  code: string;
  /** The task's headline: its first sentence, without the department list. */
  title: string;
  /** The task's full wording, without the department list. */
  text: string;
  /** Full names of the lead unit(s) (牵头单位). */
  leadDepartments: string[];
  /** Full names of the cooperating units (配合单位). */
  cooperatingDepartments: string[];
  /** Catch-alls named for the task (各地级以上市人民政府, 各镇区). */
  groups: string[];
  /** ISO `YYYY-MM-DD`, or null when the plan sets none. */
  deadline: string | null;
  /** Heading of the enclosing （x） or 一、 section. */
  section: string;
  /** Where the task starts on the board; the same for every task of a document (startStageOf). */
  startStage: StartStage;
}

export interface ParsedPlan {
  plan: { title: string | null; issuer: string | null; docNumber: string | null; issuedAt: string | null };
  tasks: ParsedTask[];
  /** Target indicators from the plan's tables, with their allocations to towns and districts. */
  indicators: ParsedIndicator[];
  /** Per indicator and year: do the allocations add up to the target? Rates (%) are not checked. */
  allocationChecks: PlanAllocationCheck[];
  /** Lines that read like task content but could not be attached to a task (and table rows that could not be read). */
  unplacedLines: string[];
}

export interface ParsePlanOptions {
  directory?: readonly DirectoryDepartment[];
  /** The plan's year when the document carries no date or 文号 of its own. */
  year?: number;
  /**
   * Relative tolerance of the allocation checks (see checkAllocations). By default only float
   * noise is accepted, so a table whose rounded figures miss the total by 0.03 is flagged.
   */
  allocationTolerance?: number;
}

const noDepartments = (): DepartmentAssignment => ({ leadDepartments: [], cooperatingDepartments: [], groups: [] });
const TRAILING_PUNCTUATION = /[\s\u3000。；;，,：:]+$/;

/** 第1、2项，… in 001's 工作进展要求 adds dates to the numbered steps it names. */
const SCHEDULE_NOTE = /^第(\d+(?:\s*[、，,和及]\s*\d+)*)项/;

interface ScheduleNote {
  numbers: number[];
  text: string;
}

/** The first sentence: cut at the first 。 that is not inside brackets, quotes or 《》. */
export function firstSentence(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ('（(《“「'.includes(ch)) depth++;
    else if ('）)》”」'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (ch === '。' && depth === 0) return text.slice(0, i);
  }
  return text;
}

function tidy(text: string): string {
  return text.trim().replace(TRAILING_PUNCTUATION, '');
}

/** A heading as a section label: without its department list and final punctuation. */
function headingLabel(node: OutlineNode, directory: readonly DirectoryDepartment[]): string {
  return tidy(explicitDepartments(node.heading, directory)?.rest ?? node.heading);
}

function sectionOf(node: OutlineNode, directory: readonly DirectoryDepartment[]): string {
  for (let n = node.parent; n; n = n.parent) {
    if (n.kind === 'section' || n.kind === 'chapter') return headingLabel(n, directory);
  }
  return '';
}

/** A stage heading such as 第一阶段(3月-4月) dates the steps under it. */
function inheritedDeadline(node: OutlineNode, year: number | null): string | null {
  for (let n = node.parent; n; n = n.parent) {
    const deadline = parseDeadline(n.heading, year);
    if (deadline) return deadline;
  }
  return null;
}

function latest(...dates: Array<string | null>): string | null {
  return dates.reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);
}

const isNumbered = (node: OutlineNode) => node.kind === 'item' || node.kind === 'subitem';

/** Take 第N项 notes out of the bodies they were written in. */
function collectScheduleNotes(roots: readonly OutlineNode[]): ScheduleNote[] {
  const notes: ScheduleNote[] = [];
  for (const node of walkOutline(roots)) {
    node.body = node.body.filter((paragraph) => {
      const m = SCHEDULE_NOTE.exec(paragraph);
      if (!m) return true;
      notes.push({ numbers: m[1]!.split(/[^\d]+/).map(Number), text: paragraph });
      return false;
    });
  }
  return notes;
}

function documentYear(header: ReturnType<typeof extractPlanHeader>, text: string, options: ParsePlanOptions): number | null {
  if (header.issuedAt) return Number(header.issuedAt.slice(0, 4));
  const fromNumber = header.docNumber ? parseDocNumber(header.docNumber) : null;
  if (fromNumber) return fromNumber.year;
  return options.year ?? inferDocumentYear(text);
}

interface Placed {
  task: Omit<ParsedTask, 'startStage'>;
  line: number;
}

/**
 * Parse a plan document. The year used for deadlines is the document's own (its date, else its
 * 文号), else `options.year`, else the year the text mentions most.
 */
export function parsePlan(text: string, options: ParsePlanOptions = {}): ParsedPlan {
  const directory = options.directory ?? DEPARTMENT_DIRECTORY;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');

  // Tables first: their cells must not be read as outline text. Indicator tables before task
  // tables, so that a target table with a 序号 column is not read as a schedule.
  const outlineLines = lines.slice();
  const indicatorTables = findIndicatorTables(lines);
  for (const table of indicatorTables) for (const i of table.lines) outlineLines[i] = '';
  const tables = extractTaskTables(outlineLines);
  for (const table of tables) for (const i of table.lines) outlineLines[i] = '';
  const outline = buildOutline(outlineLines);

  const header = extractPlanHeader(lines, outline.start >= 0 ? outline.start : lines.length);
  const year = documentYear(header, text, options);

  const collected = collectIndicators(indicatorTables, { directory, year });
  // The plan's own sentences give the baselines its tables leave out (004 附件1 has no 基期 column).
  fillBaselinesFromText(collected.indicators, outlineLines.join('\n'));
  const notes = collectScheduleNotes(outline.roots);

  const placed: Placed[] = [];
  const unplacedLines: string[] = [];
  const candidates: Array<{ node: OutlineNode; own: string; explicit: DepartmentAssignment | null; notes: string[] }> = [];

  for (const node of walkOutline(outline.roots)) {
    const leaf = node.children.length === 0;
    // A paragraph with its own department list that is not the end of a leaf task was not placed.
    node.body.forEach((paragraph, i) => {
      const isTaskEnd = leaf && i === node.body.length - 1;
      if (!isTaskEnd && explicitDepartments(paragraph, directory)) unplacedLines.push(paragraph);
    });
    if (!leaf) continue;
    const full = node.heading + node.body.join('');
    const explicit = explicitDepartments(full, directory);
    candidates.push({ node, own: explicit ? explicit.rest : full, explicit: explicit?.assignment ?? null, notes: [] });
  }

  // Attach each 第N项 note to the one numbered item N, if the number is unambiguous.
  for (const note of notes) {
    const targets = note.numbers.map((n) => candidates.filter((c) => isNumbered(c.node) && c.node.number === n));
    if (targets.length === 0 || targets.some((t) => t.length !== 1)) {
      unplacedLines.push(note.text);
      continue;
    }
    for (const [target] of targets) target!.notes.push(note.text);
  }

  for (const candidate of candidates) {
    const { node, own, explicit } = candidate;
    const ownDeadline = latest(parseDeadline(own, year), ...candidate.notes.map((n) => parseDeadline(n, year)));
    const deadline = ownDeadline ?? inheritedDeadline(node, year);
    const prose = explicit || !isNumbered(node) ? null : departmentsInProse(own, directory);
    const isTask = explicit !== null || (isNumbered(node) && (prose !== null || deadline !== null));
    if (!isTask) {
      if (isNumbered(node)) unplacedLines.push(cleanLine(lines[node.line]!));
      continue;
    }
    const departments = explicit ?? prose ?? noDepartments();
    placed.push({
      line: node.line,
      task: {
        code: outlinePath(node).join('.'),
        title: tidy(firstSentence(own)),
        text: tidy(own),
        ...departments,
        deadline,
        section: sectionOf(node, directory),
      },
    });
  }

  // Schedule tables continue the outline's numbering: after 四、 comes table 5.
  let tableNumber = Math.max(0, ...outline.roots.map((r) => r.number));
  for (const table of tables) {
    if (table.rows.length === 0 && table.rejected.length === 0) continue;
    tableNumber++;
    unplacedLines.push(...table.rejected);
    for (const row of table.rows) {
      const departments = (row.departments && splitDepartmentList(row.departments, directory)) || noDepartments();
      placed.push({
        line: row.lines[0]!,
        task: {
          code: `${tableNumber}.${row.number}`,
          title: tidy(firstSentence(row.title)),
          text: tidy(row.title),
          ...departments,
          deadline: (row.deadline && parseDeadline(row.deadline, year)) || parseDeadline(row.title, year),
          section: table.caption ? tidy(table.caption) : '',
        },
      });
    }
  }

  unplacedLines.push(...collected.rejected);

  placed.sort((a, b) => a.line - b.line);
  const startStage = startStageOf(text, header);
  return {
    plan: header,
    tasks: placed.map((p) => ({ ...p.task, startStage })),
    indicators: collected.indicators,
    allocationChecks: checkIndicatorAllocations(collected.indicators, collected.statedTotals, options.allocationTolerance),
    unplacedLines,
  };
}

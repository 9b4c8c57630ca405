/**
 * The identity of a plan document: its title, who issued it, its 文号 and its signing date.
 *
 * Published plans come in two shapes: a cover notice (通知 + 文号 + salutation + issuer + date)
 * followed by the plan itself, or the plan alone under its heading. Everything here is read from
 * the lines before the outline (一、) starts, except the date, which some plans sign at the end.
 */
import { parseChineseDate } from './chinese-numerals';
import { cleanLine } from './outline';

export interface PlanHeader {
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  issuedAt: string | null;
}

/** 粤经信技改〔2011〕333号 on a line of its own; a 文号 inside a sentence is a cited document. */
const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,12}\s*[〔[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*\d+\s*号$/;
const PLAN_WORD = /方案|计划|规划|意见|办法|要点|安排|纲要|细则/;
const ORG_SUFFIX = /(?:办公厅|办公室|委员会|人民政府|政府|厅|局|委|办)$/;

export function parseDocNumber(line: string): { docNumber: string; year: number } | null {
  const text = cleanLine(line).replace(/\s+/g, '');
  const m = DOC_NUMBER.exec(text);
  return m ? { docNumber: text, year: Number(m[1]) } : null;
}

/** A line that can be (part of) a heading: short, and not a sentence, date, 文号 or note. */
function isHeadingLike(text: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= 60 &&
    !/[。，；：:！？!?]/.test(text) &&
    !/^附件|https?:|\[/.test(text) &&
    parseChineseDate(text) === null &&
    parseDocNumber(text) === null
  );
}

/** 关于印发《X》的通知 names the plan X it delivers. */
function unwrapNotice(title: string): string {
  const m = /^关于印发《?(.+?)》?的通知$/.exec(title);
  const inner = m ? m[1]! : title;
  return inner.replace(/^《(.+)》$/, '$1');
}

/**
 * Consecutive heading-like lines form one heading: 000 breaks its title over two lines, 004
 * puts the period （2015-2017年） on the next line.
 */
function headingBlocks(lines: readonly string[]): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) blocks.push(current.join(''));
    current = [];
  };
  for (const raw of lines) {
    const text = cleanLine(raw);
    if (text && isHeadingLike(text)) current.push(text);
    else flush();
  }
  flush();
  return blocks;
}

function findTitle(header: readonly string[]): string | null {
  // The heading closest to the body is the plan's own; an earlier one may be the cover notice.
  const block = headingBlocks(header)
    .filter((b) => PLAN_WORD.test(b))
    .pop();
  if (block) return unwrapNotice(block);
  for (const line of header) {
    const quoted = /《([^《》]+)》/g;
    for (let m = quoted.exec(line); m; m = quoted.exec(line)) if (PLAN_WORD.test(m[1]!)) return m[1]!;
  }
  return null;
}

/**
 * Read title, issuer, 文号 and date. `bodyStart` is the first line of the outline (or the line
 * count when there is none); the header is everything above it.
 */
export function extractPlanHeader(lines: readonly string[], bodyStart: number): PlanHeader {
  const header = lines.slice(0, Math.max(0, bodyStart));
  let docNumber: string | null = null;
  for (const line of header) {
    const parsed = parseDocNumber(line);
    if (parsed) {
      docNumber = parsed.docNumber;
      break;
    }
  }

  let issuedAt: string | null = null;
  let issuer: string | null = null;
  const dateLine = lines.findIndex((line) => parseChineseDate(cleanLine(line)) !== null);
  if (dateLine >= 0) {
    issuedAt = parseChineseDate(cleanLine(lines[dateLine]!));
    // The issuing body signs directly above the date.
    for (let i = dateLine - 1; i >= 0; i--) {
      const text = cleanLine(lines[i]!);
      if (!text) continue;
      if (isHeadingLike(text) && ORG_SUFFIX.test(text)) issuer = text;
      break;
    }
  }

  return { title: findTitle(header), issuer, docNumber, issuedAt };
}

/**
 * The year a plan is about when it carries no date or 文号: the year it mentions most
 * (003 says 2011年 in its text and schedule caption). The end of a range (2011-2015年) is not
 * counted, it says when a programme ends, not when the plan was written. Ties go to the earlier
 * year. Null when no year is mentioned.
 */
export function inferDocumentYear(text: string): number | null {
  const counts = new Map<number, number>();
  const pattern = /(?<![-－—~～至到\d])(\d{4})\s*年/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const year = Number(m[1]);
    if (year >= 1949 && year <= 2100) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [year, count] of counts) {
    const bestCount = best === null ? -1 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && year < best!)) best = year;
  }
  return best;
}

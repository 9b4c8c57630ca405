/**
 * The numbered outline of a plan: 一、 → （一） → 1. / 1、 / 1． → （1） → ——/- bullets.
 *
 * Lines are classified by their leading marker and nested by rank, so a document that skips a
 * level (一、 followed directly by 1.) still nests sensibly. Text lines between markers are the
 * body of the node above them.
 */
import { parseChineseNumber } from './chinese-numerals';

export type OutlineKind = 'chapter' | 'section' | 'item' | 'subitem' | 'bullet';

const RANK: Readonly<Record<OutlineKind, number>> = { chapter: 1, section: 2, item: 3, subitem: 4, bullet: 5 };

export interface OutlineMarker {
  kind: OutlineKind;
  /** The written number; null for bullets, which are numbered by position. */
  number: number | null;
  /** The line's text after the marker. */
  rest: string;
}

export interface OutlineNode {
  kind: OutlineKind;
  /** Number in the outline path: the written number, or the position among sibling bullets. */
  number: number;
  /** Heading text after the marker, as written. */
  heading: string;
  /** Body paragraphs under the heading (lines broken mid-sentence are rejoined). */
  body: string[];
  children: OutlineNode[];
  parent: OutlineNode | null;
  /** Zero-based line of the heading in the source. */
  line: number;
}

export interface Outline {
  /** Top-level nodes (normally the 一、 chapters). */
  roots: OutlineNode[];
  /** Index of the first outline line, or -1 when the text has no outline. */
  start: number;
  /** Index of the line that ended the outline (附件, 资料来源), or the line count. */
  end: number;
}

/** Strip indentation (full-width spaces, tabs) and markdown residue (### headings). */
export function cleanLine(line: string): string {
  return line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '').replace(/^#{1,6}\s+/, '');
}

const CN = '[一二三四五六七八九十]+';
const CHAPTER = new RegExp(`^(${CN})\\s*[、．.]\\s*`);
const SECTION = new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*[、．.]?\\s*`);
// 1. / 1、 / 1． — but not a decimal (1.3) or a year (2015-2017年).
const ITEM = /^(\d{1,2})\s*[.．、](?!\d)\s*/;
const SUBITEM = /^[（(]\s*(\d{1,2})\s*[）)]\s*/;
const CIRCLED = /^([\u2460-\u2473])\s*/; // ① … ⑳
const BULLET = /^(?:——|—|－－|[-*•·]\s+)\s*/;

/** Classify a cleaned line by its outline marker, or null for body text. */
export function matchOutlineMarker(line: string): OutlineMarker | null {
  const text = cleanLine(line);
  let m: RegExpExecArray | null;
  if ((m = CHAPTER.exec(text))) return marker('chapter', parseChineseNumber(m[1]!), text, m);
  if ((m = SECTION.exec(text))) return marker('section', parseChineseNumber(m[1]!), text, m);
  if ((m = ITEM.exec(text))) return marker('item', Number(m[1]), text, m);
  if ((m = SUBITEM.exec(text))) return marker('subitem', Number(m[1]), text, m);
  if ((m = CIRCLED.exec(text))) return marker('subitem', m[1]!.charCodeAt(0) - 0x2460 + 1, text, m);
  if ((m = BULLET.exec(text))) {
    // "- (一) …" is a markdown list wrapped around a real marker: the inner marker wins.
    const inner = matchOutlineMarker(text.slice(m[0].length));
    if (inner && inner.kind !== 'bullet') return inner;
    return { kind: 'bullet', number: null, rest: text.slice(m[0].length).trim() };
  }
  return null;
}

function marker(kind: OutlineKind, number: number | null, text: string, m: RegExpExecArray): OutlineMarker | null {
  if (number === null) return null;
  return { kind, number, rest: text.slice(m[0].length).trim() };
}

/** Lines that end the body: the attachment list, or a source note pasted after the text. */
const BODY_END = /^(?:附件(?:[:：\d一二三四五六七八九十]|$)|资料来源|資料來源)/;

/** A sentence that ends here; a body line without it continues on the next line. */
const TERMINAL = /[。！？；：:;!?）)”」』】]$/;

/**
 * Build the outline tree. It starts at the first 一、 chapter, or the first chapter of any number
 * if there is no 一、 (what comes before is the cover letter and preamble) and stops at 附件/资料来源. Blank strings in `lines` are ignored, so a
 * caller can blank out lines it has already consumed (a task table) without shifting indices.
 */
export function buildOutline(lines: readonly string[]): Outline {
  // Normally at 一、; an excerpt may begin at a later chapter.
  const chapterAt = (line: string, first: boolean) => {
    const m = matchOutlineMarker(line);
    return m?.kind === 'chapter' && (!first || m.number === 1);
  };
  let start = lines.findIndex((line) => chapterAt(line, true));
  if (start < 0) start = lines.findIndex((line) => chapterAt(line, false));
  if (start < 0) return { roots: [], start: -1, end: lines.length };

  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  let end = lines.length;
  let openParagraph = false; // the last body paragraph has not ended its sentence yet

  for (let i = start; i < lines.length; i++) {
    const text = cleanLine(lines[i]!);
    if (!text) continue;
    if (BODY_END.test(text)) {
      end = i;
      break;
    }
    const m = matchOutlineMarker(text);
    if (m) {
      while (stack.length && RANK[stack[stack.length - 1]!.kind] >= RANK[m.kind]) stack.pop();
      const parent = stack[stack.length - 1] ?? null;
      const siblings = parent ? parent.children : roots;
      const number = m.number ?? siblings.filter((s) => s.kind === 'bullet').length + 1;
      const node: OutlineNode = { kind: m.kind, number, heading: m.rest, body: [], children: [], parent, line: i };
      siblings.push(node);
      stack.push(node);
      openParagraph = false;
      continue;
    }
    const current = stack[stack.length - 1]!;
    if (openParagraph && current.body.length) current.body[current.body.length - 1] += text;
    else current.body.push(text);
    openParagraph = !TERMINAL.test(text);
  }
  return { roots, start, end };
}

/** Depth-first walk, parents before children. */
export function* walkOutline(nodes: readonly OutlineNode[]): Generator<OutlineNode> {
  for (const node of nodes) {
    yield node;
    yield* walkOutline(node.children);
  }
}

/** The node's numeric path from the root, e.g. 一、(一) 3. → [1, 1, 3]. */
export function outlinePath(node: OutlineNode): number[] {
  const path: number[] = [];
  for (let n: OutlineNode | null = node; n; n = n.parent) path.unshift(n.number);
  return path;
}

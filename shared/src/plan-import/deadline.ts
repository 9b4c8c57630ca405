/**
 * Deadline phrases in plan text (于5月10日前, 9月中旬, 10月底前, 第一阶段(3月-4月), 全年) turned
 * into ISO dates. A phrase stands for the last day it allows: 10月底前 → 10-31, a stage 3月-4月
 * → 04-30, 9月中旬 → 09-20 (the end of the middle ten days). Phrases rarely carry the year, so
 * the caller passes the document's year.
 */
import { daysInMonth, isoDate, parseChineseNumber, toAsciiDigits } from './chinese-numerals';

export interface DatePhrase {
  /** The phrase as written. */
  text: string;
  /** Offset of the phrase in the searched text. */
  index: number;
  /** ISO `YYYY-MM-DD`: the last day the phrase allows. */
  date: string;
}

// A month written in Chinese is only taken when it cannot be the tail of a word (统一月度 is not
// January): it must follow a non-Han character or a word that introduces a time.
const CN_MONTH = '(?:(?<=^|[^\\u4e00-\\u9fa5]|[于在至到年及和或从自前])[一二三四五六七八九十]{1,3})';
const MONTH = `(?:(?<![\\d.])\\d{1,2}|${CN_MONTH})`;
const DAY = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
const RANGE_DASH = '[-－—–~～至到]';
const RANGE_END = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';

/**
 * 2011年4月26日 / 5月10日前 / 9月中旬 / 10月底 / 3月-4月 / 4-9月 / 6月.
 * Groups: 1 year, 2 first month, 3 last month of a range, 4 day, 5 part of month.
 */
const MONTH_PHRASE = new RegExp(
  `(?:(\\d{4})\\s*年\\s*)?(${MONTH})\\s*(?:月\\s*)?(?:${RANGE_DASH}\\s*(${RANGE_END})\\s*)?月份?` +
    `(?:\\s*(${DAY})\\s*[日号]|(上旬|中旬|下旬|初(?!步)|底|末))?`,
  'g',
);

/**
 * 全年 / 年底 / 2017年末 / 年内 / 上半年 / 下半年 / 第三季度. A bare 年底 must not follow a count
 * (三年内 is "within three years", not "within this year"). Groups: 1 year, 2 keyword, 3 quarter.
 */
const YEAR_PHRASE = new RegExp(
  '(?:(\\d{4})\\s*(?=年(?:度内|内|底|末))|(?<![一二三四五六七八九十两几\\d]))' +
    '(全年|年度内|年内|年底|年末|上半年|下半年|(?:第)?([一二三四1-4])季度)',
  'g',
);

function toMonth(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = parseChineseNumber(text);
  return n !== null && n >= 1 && n <= 12 ? n : null;
}

function monthPhraseDate(m: RegExpExecArray, docYear: number | null): string | null {
  const year = m[1] ? Number(m[1]) : docYear;
  const first = toMonth(m[2]);
  if (year === null || first === null) return null;
  const month = m[3] !== undefined ? toMonth(m[3]) : first;
  if (month === null) return null;
  if (m[4] !== undefined) {
    const day = parseChineseNumber(m[4]);
    return day === null ? null : isoDate(year, month, day);
  }
  switch (m[5]) {
    case '上旬':
    case '初':
      return isoDate(year, month, 10);
    case '中旬':
      return isoDate(year, month, 20);
    default: // 下旬, 底, 末, or the month alone: its last day
      return isoDate(year, month, daysInMonth(year, month));
  }
}

function yearPhraseDate(m: RegExpExecArray, docYear: number | null): string | null {
  const year = m[1] ? Number(m[1]) : docYear;
  if (year === null) return null;
  const keyword = m[2]!;
  if (keyword === '上半年') return isoDate(year, 6, 30);
  if (m[3] !== undefined) {
    const quarter = parseChineseNumber(m[3]);
    return quarter === null ? null : isoDate(year, quarter * 3, daysInMonth(year, quarter * 3));
  }
  return isoDate(year, 12, 31);
}

/** Every deadline-like phrase in `text`, in order of appearance. */
export function findDatePhrases(text: string, year: number | null): DatePhrase[] {
  const source = toAsciiDigits(text);
  const found: DatePhrase[] = [];
  for (const [pattern, toDate] of [
    [MONTH_PHRASE, monthPhraseDate],
    [YEAR_PHRASE, yearPhraseDate],
  ] as const) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
      const date = toDate(m, year);
      if (date) found.push({ text: m[0], index: m.index, date });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The deadline a text sets: the latest date among its phrases (a task that must report by
 * 6月 and finish 9月底前 is due 9月底), or null when it names none or the year is unknown.
 */
export function parseDeadline(text: string, year: number | null): string | null {
  let latest: string | null = null;
  for (const phrase of findDatePhrases(text, year)) {
    if (latest === null || phrase.date > latest) latest = phrase.date;
  }
  return latest;
}

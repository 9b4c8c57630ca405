/**
 * Chinese numerals as they occur in plan documents: outline counters (一、 十二、), months and
 * days (五月九日, 二十六日) and years written digit by digit (二〇一二年).
 */

const DIGITS: Readonly<Record<string, number>> = {
  '〇': 0, '○': 0, '零': 0, 'O': 0, 'Ｏ': 0, '0': 0,
  '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};

/** Character class matching one Chinese digit or 十, for building regular expressions. */
export const CN_NUMERAL_CHARS = '〇○零一二两三四五六七八九十';

/**
 * Parse a counting number below 100 written in Chinese (三, 十, 十二, 二十, 二十六) or in ASCII or
 * full-width digits. Returns null for anything else, so callers can tell "not a number" apart.
 */
export function parseChineseNumber(text: string): number | null {
  const s = toAsciiDigits(text.trim());
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  const [, tensOrUnit, ten, unit] = m;
  if (!ten) return unit ? null : DIGITS[tensOrUnit!]!; // 三
  const tens = tensOrUnit ? DIGITS[tensOrUnit]! : 1; // 十二 = 12, 二十 = 20
  return tens * 10 + (unit ? DIGITS[unit]! : 0);
}

/** Full-width digits (２０１１) to ASCII; documents mix both. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
}

/** A year written digit by digit (二〇一二, 2012) to a number. */
export function parseChineseYear(text: string): number | null {
  const s = toAsciiDigits(text.trim());
  if (/^\d{4}$/.test(s)) return Number(s);
  if (s.length !== 4) return null;
  let year = 0;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d === undefined) return null;
    year = year * 10 + d;
  }
  return year;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const YEAR = `[0-9０-９${CN_NUMERAL_CHARS}OＯ]{4}`;
const SMALL = `[0-9０-９${CN_NUMERAL_CHARS}]{1,3}`;
const FULL_DATE = new RegExp(`^(${YEAR})\\s*年\\s*(${SMALL})\\s*月\\s*(${SMALL})\\s*日$`);

/**
 * A complete written date (二〇一二年五月九日, 2011年4月26日) to ISO `YYYY-MM-DD`; null when the
 * text is not exactly one valid date. Used for the signing date under a document.
 */
export function parseChineseDate(text: string): string | null {
  const m = FULL_DATE.exec(text.replace(/[\s\u3000]+/g, ''));
  if (!m) return null;
  const year = parseChineseYear(m[1]!);
  const month = parseChineseNumber(m[2]!);
  const day = parseChineseNumber(m[3]!);
  if (year === null || month === null || day === null) return null;
  return isoDate(year, month, day);
}

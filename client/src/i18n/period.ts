import { parsePeriod } from '@workplan/shared';
import type { Language } from './messages';

const QUARTERS_ZH = ['一', '二', '三', '四'];

/** A reporting period for people: 2026-Q3 → 2026年第三季度 / Q3 2026; anything unparseable as it came. */
export function formatPeriod(period: string, language: Language): string {
  try {
    const { year, cadence, index } = parsePeriod(period);
    if (language === 'zh-CN') {
      if (cadence === 'QUARTER') return `${year}年第${QUARTERS_ZH[index - 1]}季度`;
      if (cadence === 'HALF_YEAR') return `${year}年${index === 1 ? '上' : '下'}半年`;
      return `${year}年度`;
    }
    if (cadence === 'QUARTER') return `Q${index} ${year}`;
    if (cadence === 'HALF_YEAR') return `H${index} ${year}`;
    return `Year ${year}`;
  } catch {
    return period;
  }
}

import { badInput } from '../common/errors';
import { requireText, requireUuid } from '../common/validate';

/**
 * The board's filter as the client keeps it in its URL (client/src/features/board/utils/board-filter.ts):
 * ?plan=<id>&dept=jxw,kjt&coop=1&overdue=1&q=text. Departments go by their short code.
 */
export interface LedgerParams {
  planId: string | null;
  departmentCodes: string[];
  includeCooperating: boolean;
  overdue: boolean;
  search: string | null;
}

type Query = Record<string, unknown>;

/** The same limit as the board's filter (BoardService.normalise). */
export const MAX_FILTER_DEPARTMENTS = 200;

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badInput(`${name} may be given once, as text`, name);
  return value;
}

/** Like the client: 1 or true switches a flag on, anything else leaves it off. */
const flag = (value: string | undefined) => value === '1' || value === 'true';

/** ?plan=: a plan id, or nothing for every plan. A malformed id is a bad request. */
export function parsePlanParam(query: Query): string | null {
  const plan = single(query, 'plan')?.trim();
  return plan ? requireUuid(plan, 'plan') : null;
}

export function parseLedgerParams(query: Query): LedgerParams {
  const departmentCodes = [
    ...new Set(
      (single(query, 'dept') ?? '')
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean),
    ),
  ];
  if (departmentCodes.length > MAX_FILTER_DEPARTMENTS) throw badInput(`at most ${MAX_FILTER_DEPARTMENTS} departments in a filter`, 'dept');
  return {
    planId: parsePlanParam(query),
    departmentCodes,
    includeCooperating: flag(single(query, 'coop')),
    overdue: flag(single(query, 'overdue')),
    search: requireText(single(query, 'q'), 'q', 200),
  };
}

export function parseFindingsParams(query: Query): { planId: string | null; openOnly: boolean } {
  return { planId: parsePlanParam(query), openOnly: flag(single(query, 'open')) };
}

/** The supervision ledger's: the board's filter plus ?period=2026-Q4 (or 2026-H1, 2026). */
export function parseSupervisionLedgerParams(query: Query): LedgerParams & { period: string } {
  const period = single(query, 'period')?.trim();
  if (!period) throw badInput('period is required, e.g. 2026-Q4', 'period');
  return { ...parseLedgerParams(query), period };
}

import { LIGHTS, type Light } from '@workplan/shared';

/**
 * The board's filter lives in the URL so a view can be bookmarked and shared ("my department's
 * red tasks"): ?plan=<id>&dept=jxw,kjt&coop=1&overdue=1&light=RED,YELLOW&q=text&lanes=1.
 * Departments go by their short code, which reads better in a link than an id.
 */
export interface BoardFilterState {
  planId: string | null;
  departmentCodes: string[];
  includeCooperating: boolean;
  overdue: boolean;
  /** Warning lights to show; none means every light. */
  lights: Light[];
  search: string;
  swimlanes: boolean;
}

export const EMPTY_FILTER: BoardFilterState = {
  planId: null,
  departmentCodes: [],
  includeCooperating: false,
  overdue: false,
  lights: [],
  search: '',
  swimlanes: false,
};

const flag = (value: string | null) => value === '1' || value === 'true';

export function filterFromSearch(search: string): BoardFilterState {
  const params = new URLSearchParams(search);
  return {
    planId: params.get('plan') || null,
    departmentCodes: (params.get('dept') ?? '')
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean),
    includeCooperating: flag(params.get('coop')),
    overdue: flag(params.get('overdue')),
    // In the fixed order, each once; unknown words dropped.
    lights: LIGHTS.filter((light) => (params.get('light') ?? '').toUpperCase().split(',').includes(light)),
    search: params.get('q') ?? '',
    swimlanes: flag(params.get('lanes')),
  };
}

/** Only what differs from the default goes into the URL, in a fixed order, so equal filters give equal links. */
export function filterToSearch(filter: BoardFilterState): string {
  const params = new URLSearchParams();
  if (filter.planId) params.set('plan', filter.planId);
  if (filter.departmentCodes.length) params.set('dept', filter.departmentCodes.join(','));
  if (filter.includeCooperating) params.set('coop', '1');
  if (filter.overdue) params.set('overdue', '1');
  if (filter.lights.length) params.set('light', LIGHTS.filter((l) => filter.lights.includes(l)).join(','));
  if (filter.search.trim()) params.set('q', filter.search.trim());
  if (filter.swimlanes) params.set('lanes', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function isFiltered(filter: BoardFilterState): boolean {
  return Boolean(filter.planId || filter.departmentCodes.length || filter.overdue || filter.lights.length || filter.search.trim());
}

export interface ApiBoardFilter {
  planId: string | null;
  departmentIds: string[];
  includeCooperating: boolean;
  overdue: boolean;
  lights: Light[] | null;
  search: string | null;
}

/** The GraphQL BoardFilter; codes nobody knows are dropped rather than matching nothing. */
export function toApiFilter(filter: BoardFilterState, idByCode: ReadonlyMap<string, string>): ApiBoardFilter {
  return {
    planId: filter.planId,
    departmentIds: filter.departmentCodes.map((code) => idByCode.get(code)).filter((id): id is string => Boolean(id)),
    includeCooperating: filter.includeCooperating,
    overdue: filter.overdue,
    lights: filter.lights.length ? filter.lights : null,
    search: filter.search.trim() || null,
  };
}

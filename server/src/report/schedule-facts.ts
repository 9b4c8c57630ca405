import { todayIn, type LightRules } from '@workplan/shared';
import { rulesOf } from '../supervision/light-rules';
import type { OpenFindings } from '../task/task-facts';
import { DepartmentModel } from '../department/department.model';
import type { DepartmentLevel } from '../department/department.entity';
import { reportSettingsOf, type ReportSettings, type ScheduleFacts } from './report-schedule';

/** Anything that runs SQL: the DataSource (each query on a free pooled connection) or a transaction's manager. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

export interface FiledReport {
  taskId: string;
  departmentId: string;
  period: string;
  submittedAt: Date;
  submittedOn: string;
  percentDone: number | null;
}

interface PlanRow {
  id: string;
  report_cadence: ReportSettings['cadence'] | null;
  report_due_offset_days: number | null;
  light_due_soon_days: number;
  light_working_days: boolean;
  light_pace_yellow_points: number;
  light_pace_red_points: number;
  light_stale_days: number;
}

export interface LoadedScheduleFacts extends ScheduleFacts {
  filed: FiledReport[];
  departments: Map<string, DepartmentModel>;
  /** Light rules of the tasks' plans, by plan id. */
  lightRules: Map<string, LightRules>;
  /** Findings not yet verified, and how many of them are major, per task (none: not in the map). */
  openFindings: OpenFindings;
}

/**
 * Everything the report schedule needs for a batch of tasks, plus what the cards read beside it
 * (departments, light rules, each report's percent done, open findings), in one statement. A
 * board's 300 cards used to read the same tables twice over, a dozen queries one after another.
 */
export async function loadScheduleFacts(
  db: Queryable,
  tasks: ReadonlyArray<{ id: string; planId: string | null; leadDepartmentId: string }>,
): Promise<LoadedScheduleFacts> {
  const ids = tasks.map((t) => t.id);
  const planIds = [...new Set(tasks.map((t) => t.planId).filter((id): id is string => id !== null))];
  const leadIds = [...new Set(tasks.map((t) => t.leadDepartmentId))];
  // One statement, each part a JSON array: a round trip costs more here than the rows do.
  const [row] = (await db.query(
    `SELECT
       (SELECT coalesce(json_agg(json_build_array(task_id, department_id) ORDER BY task_id, position), '[]')
          FROM task_cooperating_department WHERE task_id = ANY($1::uuid[])) AS links,
       (SELECT coalesce(json_agg(json_build_array(id, code, name, level, parent_id)), '[]') FROM department
         WHERE id = ANY($2::uuid[]) OR id IN (SELECT department_id FROM task_cooperating_department WHERE task_id = ANY($1::uuid[]))) AS departments,
       (SELECT coalesce(json_agg(json_build_array(task_id, department_id, period, submitted_at, percent_done)), '[]')
          FROM progress_report WHERE task_id = ANY($1::uuid[])) AS filed,
       (SELECT coalesce(json_agg(json_build_array(task_id, at)), '[]')
          FROM (SELECT task_id, min(at) AS at FROM task_transition WHERE to_stage = 'IMPLEMENTATION' AND task_id = ANY($1::uuid[]) GROUP BY task_id) s) AS started,
       (SELECT coalesce(json_agg(json_build_array(task_id, open, major)), '[]')
          FROM (SELECT task_id, count(*)::int AS open, (count(*) FILTER (WHERE severity = 'MAJOR'))::int AS major
                  FROM finding WHERE task_id = ANY($1::uuid[]) AND status <> 'VERIFIED' GROUP BY task_id) f) AS findings,
       (SELECT coalesce(json_agg(p), '[]')
          FROM (SELECT id, report_cadence, report_due_offset_days, light_due_soon_days, light_working_days, light_pace_yellow_points,
                       light_pace_red_points, light_stale_days FROM plan WHERE id = ANY($3::uuid[])) p) AS plans`,
    [ids, leadIds, planIds],
  )) as Array<{
    links: Array<[string, string]>;
    departments: Array<[string, string, string, DepartmentLevel, string | null]>;
    // Timestamps come as JSON text: parsed below.
    filed: Array<[string, string, string, string, number | null]>;
    started: Array<[string, string]>;
    findings: Array<[string, number, number]>;
    plans: PlanRow[];
  }>;
  const { links, departments, filed, started, findings, plans } = row;
  const cooperating = new Map<string, string[]>();
  for (const [taskId, departmentId] of links) {
    const list = cooperating.get(taskId);
    if (list) list.push(departmentId);
    else cooperating.set(taskId, [departmentId]);
  }
  const planById = new Map(plans.map((p) => [p.id, p]));
  return {
    cooperating,
    departments: new Map(
      departments.map(([id, code, name, level, parentId]) => [id, Object.assign(new DepartmentModel(), { id, code, name, level, parentId })]),
    ),
    // Days in the plan's time zone, as deadlines are counted (not the database's UTC date).
    startedOn: new Map(started.map(([taskId, at]) => [taskId, todayIn(undefined, new Date(at))])),
    settings: new Map(tasks.map((t) => [t.id, reportSettingsOf(t.planId ? planById.get(t.planId) : undefined)])),
    filed: filed.map(([taskId, departmentId, period, at, percentDone]) => {
      const submittedAt = new Date(at);
      return { taskId, departmentId, period, submittedAt, submittedOn: todayIn(undefined, submittedAt), percentDone };
    }),
    openFindings: new Map(findings.map(([taskId, open, major]) => [taskId, { open, major }])),
    lightRules: new Map(plans.map((p) => [p.id, rulesOf(p)])),
  };
}

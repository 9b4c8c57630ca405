import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_LIGHT_RULES,
  FINISHED_STAGES,
  LEDGER_STAGES,
  daysToFinish,
  inLedgerPeriod,
  ledgerGroupOf,
  ledgerOverdue,
  lightOf,
  parsePeriod,
  periodRange,
  todayIn,
  unitDeadline,
  type AssignmentStatus,
  type LedgerGroup,
  type Light,
  type TaskStage,
} from '@workplan/shared';
import { DataSource } from 'typeorm';
import { badInput } from '../common/errors';
import { MAX_EXPORT_ROWS } from '../export/export.service';
import { rulesOf } from '../supervision/light-rules';
import { WorkCalendarService } from '../supervision/work-calendar.service';
import { BoardService, type BoardQuery } from '../task/board.service';

/** One responsible unit's line of the ledger. */
export interface LedgerUnit {
  departmentId: string;
  departmentName: string;
  lead: boolean;
  /** 责任人: the unit's leader(s), else whoever signed for or reported on it; '' when nobody has. */
  responsiblePerson: string;
  /** The unit's deadline, moved by granted extensions. */
  dueDate: string | null;
  status: AssignmentStatus;
  latestReport: { percentDone: number; workDone: string; review: 'PASSED' | 'RETURNED' | null; reviewReason: string | null } | null;
  returnCount: number;
  light: Light;
}

/** A granted (or partly granted) extension: from the due date at filing to the granted one. */
export interface LedgerExtension {
  fromDueDate: string | null;
  requestedDueDate: string | null;
  grantedDueDate: string | null;
  partly: boolean;
}

/** One task (交办事项) of the ledger with its units. */
export interface LedgerTask {
  id: string;
  code: string;
  title: string;
  /** The requirement (办理要求): the task's description. */
  requirement: string;
  stage: TaskStage;
  group: LedgerGroup;
  /** 交办时间: the day its units were first assigned it (plan time zone). */
  assignedOn: string;
  dueDate: string | null;
  originalDueDate: string | null;
  /** The day implementation last ended (to inspection), for finished work. */
  finishedOn: string | null;
  /** The day a suspension or cancellation ended it. */
  endedOn: string | null;
  overdue: boolean;
  daysToFinish: number | null;
  extensions: LedgerExtension[];
  units: LedgerUnit[];
}

const day = (at: Date | string | null) => (at === null ? null : todayIn(undefined, new Date(at)));

export function checkLedgerPeriod(period: string | null | undefined): string {
  try {
    if (typeof period !== 'string') throw new RangeError('missing');
    parsePeriod(period);
    return period;
  } catch {
    throw badInput('period must look like 2026-Q4, 2026-H1 or 2026', 'period');
  }
}

/**
 * Reads the supervision ledger (督办台账): the tasks of a board filter that were being worked in the
 * period (assigned by its end, not closed before it began), each with its responsible units. The
 * groups and 是否超期 are as of today (shared/src/supervision/supervision-ledger.ts).
 */
@Injectable()
export class SupervisionLedgerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly boards: BoardService,
    private readonly calendars: WorkCalendarService,
  ) {}

  async ledger(query: BoardQuery, period: string): Promise<LedgerTask[]> {
    const range = periodRange(checkLedgerPeriod(period));
    const today = query.today;
    const tasks = await this.boards
      .selectTasks(null, { ...query, stages: LEDGER_STAGES })
      .orderBy('t.sort_key', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(MAX_EXPORT_ROWS + 1)
      .getMany();
    if (tasks.length > MAX_EXPORT_ROWS) throw badInput(`More than ${MAX_EXPORT_ROWS} tasks match; choose a plan or narrow the filter to export them`);
    if (!tasks.length) return [];
    const ids = tasks.map((t) => t.id);
    const em = this.dataSource.manager;

    const closings: Array<{ task_id: string; finished: Date | null; ended: Date | null }> = await em.query(
      `SELECT task_id, max(at) FILTER (WHERE to_stage = 'INSPECTION') AS finished, max(at) FILTER (WHERE to_stage IN ('SUSPENDED', 'CANCELLED')) AS ended
         FROM task_transition WHERE task_id = ANY($1::uuid[]) GROUP BY task_id`,
      [ids],
    );
    const closingOf = new Map(closings.map((c) => [c.task_id, c]));
    const units: Array<{
      id: string; task_id: string; department_id: string; department_name: string; lead: boolean; due_date: string | null; status: AssignmentStatus;
      assigned_at: Date; return_count: number; leaders: string | null; signer: string | null;
    }> = await em.query(
      `SELECT a.id, a.task_id, a.department_id, d.name AS department_name, a.lead, a.due_date::text AS due_date, a.status, a.assigned_at, a.return_count,
              (SELECT string_agg(u.name, '、' ORDER BY u.name) FROM app_user u WHERE u.department_id = a.department_id AND u.department_leader AND u.active) AS leaders,
              s.name AS signer
         FROM task_assignment a
         JOIN department d ON d.id = a.department_id
         LEFT JOIN app_user s ON s.id = a.signed_by
         LEFT JOIN task_cooperating_department c ON c.task_id = a.task_id AND c.department_id = a.department_id
        WHERE a.task_id = ANY($1::uuid[])
        ORDER BY a.lead DESC, c.position NULLS FIRST, d.name`,
      [ids],
    );
    const reports: Array<{ assignment_id: string; percent_done: number; work_done: string; review: 'PASSED' | 'RETURNED' | null; review_reason: string | null; submitted_at: Date; reporter: string }> = units.length
      ? await em.query(
          `SELECT DISTINCT ON (r.assignment_id) r.assignment_id, r.percent_done, r.work_done, r.review, r.review_reason, r.submitted_at, u.name AS reporter
             FROM assignment_report r JOIN app_user u ON u.id = r.submitted_by
            WHERE r.assignment_id = ANY($1::uuid[])
            ORDER BY r.assignment_id, r.submitted_at DESC, r.id DESC`,
          [units.map((u) => u.id)],
        )
      : [];
    const latestOf = new Map(reports.map((r) => [r.assignment_id, r]));
    const extensions: Array<{ task_id: string; from_due: string | null; requested: string | null; granted: string | null; status: string }> = await em.query(
      `SELECT task_id, due_date_at_filing::text AS from_due, requested_due_date::text AS requested, granted_due_date::text AS granted, status
         FROM side_request WHERE task_id = ANY($1::uuid[]) AND kind = 'EXTENSION' AND status IN ('GRANTED', 'PARTLY_GRANTED')
        ORDER BY decided_at, id`,
      [ids],
    );
    const planIds = [...new Set(tasks.map((t) => t.planId).filter((id): id is string => id !== null))];
    const plans: Array<{ id: string } & Parameters<typeof rulesOf>[0]> = planIds.length
      ? await em.query(
          `SELECT id, light_due_soon_days, light_working_days, light_pace_yellow_points, light_pace_red_points, light_stale_days FROM plan WHERE id = ANY($1::uuid[])`,
          [planIds],
        )
      : [];
    const rulesByPlan = new Map(plans.map((p) => [p.id, rulesOf(p)]));
    const calendar = await this.calendars.calendar();

    const ledger: LedgerTask[] = [];
    for (const task of tasks) {
      const mine = units.filter((u) => u.task_id === task.id);
      if (!mine.length) continue;
      const assignedOn = mine.map((u) => day(u.assigned_at)!).sort()[0];
      const closing = closingOf.get(task.id);
      const finishedOn = FINISHED_STAGES.includes(task.stage) ? day(closing?.finished ?? null) : null;
      const endedOn = task.stage === 'SUSPENDED' || task.stage === 'CANCELLED' ? day(closing?.ended ?? null) : null;
      if (!inLedgerPeriod(assignedOn, finishedOn ?? endedOn, range)) continue;
      const granted = extensions.filter((e) => e.task_id === task.id);
      const group = ledgerGroupOf(task.stage, task.dueDate, today);
      const holding = mine.filter((u) => u.status !== 'SENT_BACK');
      ledger.push({
        id: task.id,
        code: task.code,
        title: task.title,
        requirement: task.description,
        stage: task.stage,
        group,
        assignedOn,
        dueDate: task.dueDate,
        originalDueDate: task.originalDueDate,
        finishedOn,
        endedOn,
        overdue: ledgerOverdue(task.dueDate, finishedOn ?? endedOn, today),
        daysToFinish: daysToFinish(assignedOn, finishedOn),
        extensions: granted.map((e) => ({ fromDueDate: e.from_due, requestedDueDate: e.requested, grantedDueDate: e.granted, partly: e.status === 'PARTLY_GRANTED' })),
        // A unit that sent the task back (退回交办) no longer holds it; if all did, the lead's line stays.
        units: (holding.length ? holding : mine.filter((u) => u.lead)).map((u) => {
          const latest = latestOf.get(u.id) ?? null;
          const dueDate = unitDeadline(u.due_date, task.dueDate, granted.length > 0);
          const light = lightOf(
            {
              dueDate,
              startedOn: day(u.assigned_at),
              percentDone: latest?.percent_done ?? null,
              reportsMissed: 0,
              lastUpdateOn: latest ? day(latest.submitted_at) : null,
              urgent: task.urgent,
              finished: group === 'FINISHED' || group === 'ENDED' || u.status === 'SENT_BACK',
            },
            (task.planId && rulesByPlan.get(task.planId)) || DEFAULT_LIGHT_RULES,
            calendar,
            today,
          ).light;
          return {
            departmentId: u.department_id,
            departmentName: u.department_name,
            lead: u.lead,
            responsiblePerson: u.leaders ?? u.signer ?? latest?.reporter ?? '',
            dueDate,
            status: u.status,
            latestReport: latest ? { percentDone: latest.percent_done, workDone: latest.work_done, review: latest.review, reviewReason: latest.review_reason } : null,
            returnCount: u.return_count,
            light,
          };
        }),
      });
    }
    return ledger;
  }
}

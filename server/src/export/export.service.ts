import type { TaskViewer } from '../access/access.service';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BOARD_STAGES, isOverdue, subStateOf, todayIn, type BoardStage } from '@workplan/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { badInput, notFound } from '../common/errors';
import { DepartmentEntity } from '../department/department.entity';
import type { FindingSeverityValue, FindingStatusValue } from '../finding/finding.entity';
import { IndicatorEntity } from '../indicator/indicator.entity';
import { PlanEntity } from '../plan/plan.entity';
import { BoardService, type BoardQuery } from '../task/board.service';
import { loadTaskFacts } from '../task/task-facts';
import { TaskEntity } from '../task/task.entity';
import type { LedgerParams } from './export-params';
import type { FindingRow } from './findings-workbook';
import type { IndicatorRow } from './indicator-workbook';
import type { LedgerRow } from './ledger-workbook';

/**
 * One download holds at most this many lines. Beyond it the export is refused (asking for a narrower
 * filter) rather than cut short: a ledger that silently misses tasks is worse than none. (A plan's
 * 300 tasks take about half a second; 10,000 take about 3 s and 300 MB, most of it in exceljs.)
 */
export const MAX_EXPORT_ROWS = 10_000;

const tooMany = (what: string) => badInput(`More than ${MAX_EXPORT_ROWS} ${what} match; choose a plan or narrow the filter to export them`);

/** Reads what the Excel exports show, as plain rows for the workbook builders. */
@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly boards: BoardService,
  ) {}

  private get em(): EntityManager {
    return this.dataSource.manager;
  }

  /** The plan's title for a heading, null for "every plan"; an unknown plan is NOT_FOUND. */
  async planTitle(planId: string | null): Promise<string | null> {
    if (!planId) return null;
    const plan = await this.em.findOneBy(PlanEntity, { id: planId });
    if (!plan) throw notFound('Plan', planId);
    return plan.title;
  }

  /**
   * The URL's filter as the board's query. Department codes become ids in the URL's order; codes
   * nobody knows are dropped rather than matching nothing, as the client does (toApiFilter).
   */
  async boardQuery(params: LedgerParams, viewer: TaskViewer | null, today: string = todayIn()): Promise<{ query: BoardQuery; departmentNames: string[] }> {
    const known = params.departmentCodes.length ? await this.em.findBy(DepartmentEntity, { code: In(params.departmentCodes) }) : [];
    const byCode = new Map(known.map((d) => [d.code, d]));
    const departments = params.departmentCodes.map((code) => byCode.get(code)).filter((d): d is DepartmentEntity => d !== undefined);
    return {
      query: {
        planId: params.planId,
        departmentIds: departments.map((d) => d.id),
        includeCooperating: params.includeCooperating,
        search: params.search,
        overdue: params.overdue,
        laneDepartmentId: null,
        today,
        viewer,
      },
      departmentNames: departments.map((d) => d.name),
    };
  }

  /** The board's tasks for the query in board order: by stage, then as each column sorts (sort_key, id). */
  async ledgerTasks(query: BoardQuery): Promise<TaskEntity[]> {
    // Exactly the board's tasks for this filter: the board's own query, all six columns.
    const tasks = await this.boards.selectTasks(null, query).orderBy('t.sort_key', 'ASC').addOrderBy('t.id', 'ASC').limit(MAX_EXPORT_ROWS + 1).getMany();
    if (tasks.length > MAX_EXPORT_ROWS) throw tooMany('tasks');
    const column = new Map<string, number>(BOARD_STAGES.map((stage, i) => [stage, i]));
    return tasks.sort((a, b) => column.get(a.stage)! - column.get(b.stage)!); // stable: keeps each column's order
  }

  /** The 工作台账's lines: each task with its departments' names, stage, chip, deadline and counts. */
  async ledgerRows(query: BoardQuery): Promise<LedgerRow[]> {
    const tasks = await this.ledgerTasks(query);
    if (tasks.length === 0) return [];
    const ids = tasks.map((t) => t.id);
    const links: Array<{ task_id: string; department_id: string }> = await this.em.query(
      `SELECT task_id, department_id FROM task_cooperating_department WHERE task_id = ANY($1::uuid[]) ORDER BY task_id, position`,
      [ids],
    );
    const departmentIds = [...new Set([...tasks.map((t) => t.leadDepartmentId), ...links.map((l) => l.department_id)])];
    const names = new Map<string, string>(
      (await this.em.query(`SELECT id, name FROM department WHERE id = ANY($1::uuid[])`, [departmentIds])).map((d: { id: string; name: string }) => [d.id, d.name]),
    );
    const cooperating = new Map<string, string[]>();
    for (const link of links) {
      const list = cooperating.get(link.task_id) ?? [];
      list.push(names.get(link.department_id) ?? '');
      cooperating.set(link.task_id, list);
    }
    const facts = await loadTaskFacts(this.em, ids);
    return tasks.map((task) => ({
      code: task.code,
      title: task.title,
      leadDepartment: names.get(task.leadDepartmentId) ?? '',
      cooperatingDepartments: cooperating.get(task.id) ?? [],
      stage: task.stage as BoardStage,
      subState: subStateOf(task.snapshot.value),
      dueDate: task.dueDate,
      overdue: isOverdue(task.dueDate, task.stage, query.today),
      progressReportCount: facts.get(task.id)!.progressReports,
      openFindingCount: facts.get(task.id)!.unverifiedFindings,
      updatedAt: task.updatedAt,
    }));
  }

  /** A plan's indicators (or every indicator), in their order, with their allocations by department or district. */
  async indicatorRows(planId: string | null): Promise<IndicatorRow[]> {
    const indicators = await this.em.find(IndicatorEntity, { where: planId ? { planId } : {}, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' }, take: MAX_EXPORT_ROWS + 1 });
    if (indicators.length > MAX_EXPORT_ROWS) throw tooMany('indicators');
    if (indicators.length === 0) return [];
    const allocations: Array<{ indicator_id: string; year: number; value: string; department: string }> = await this.em.query(
      `SELECT a.indicator_id, a.year, a.value::text AS value, d.name AS department
         FROM indicator_allocation a JOIN department d ON d.id = a.department_id
        WHERE a.indicator_id = ANY($1::uuid[])`,
      [indicators.map((i) => i.id)],
    );
    if (allocations.length > MAX_EXPORT_ROWS) throw tooMany('allocations');
    return indicators.map((indicator) => ({
      name: indicator.name,
      unit: indicator.unit,
      baselineYear: indicator.baselineYear,
      baselineValue: indicator.baselineValue === null ? null : Number(indicator.baselineValue),
      targets: Object.fromEntries(
        Object.entries(indicator.targets ?? {})
          .map(([year, value]) => [year, Number(value)] as const)
          .filter(([, value]) => Number.isFinite(value)),
      ),
      summaryGoal: indicator.summaryGoal,
      allocations: allocations
        .filter((a) => a.indicator_id === indicator.id)
        .map((a) => ({ department: a.department, year: a.year, value: Number(a.value) })),
    }));
  }

  /**
   * The 问题清单. Filters as FindingService.list does (plan; openOnly = not yet 销号) but lists every
   * match, grouped by task in outline order, oldest finding first within a task.
   */
  async findingRows(planId: string | null, openOnly: boolean, viewer: TaskViewer | null, today: string = todayIn()): Promise<FindingRow[]> {
    const rows: Array<{
      code: string;
      title: string;
      lead: string;
      description: string;
      severity: FindingSeverityValue;
      deadline: string | null;
      status: FindingStatusValue;
      created_at: Date;
    }> = await this.em.query(
      `SELECT t.code, t.title, d.name AS lead, f.description, f.severity, f.rectification_deadline::text AS deadline, f.status, f.created_at
         FROM finding f
         JOIN task t ON t.id = f.task_id
         JOIN department d ON d.id = t.lead_department_id
        WHERE ($1::uuid IS NULL OR t.plan_id = $1::uuid)
          AND (NOT $2::boolean OR f.status <> 'VERIFIED')
          AND ($4::boolean OR t.lead_department_id = $5::uuid
               OR EXISTS (SELECT 1 FROM task_cooperating_department c WHERE c.task_id = t.id AND c.department_id = $5::uuid)
               OR COALESCE((SELECT p.task_visibility FROM plan p WHERE p.id = t.plan_id), 'FULL') = ANY($6::text[]))
        ORDER BY t.sort_key, t.id, f.created_at, f.id
        LIMIT $3`,
      [planId, openOnly, MAX_EXPORT_ROWS + 1, viewer === null, viewer?.departmentId ?? null, viewer?.visibilities ?? []],
    );
    if (rows.length > MAX_EXPORT_ROWS) throw tooMany('findings');
    return rows.map((r) => ({
      taskCode: r.code,
      taskTitle: r.title,
      leadDepartment: r.lead,
      description: r.description,
      severity: r.severity,
      rectificationDeadline: r.deadline,
      status: r.status,
      // The same rule as FindingService.toModels.
      overdue: r.deadline !== null && r.deadline < today && (r.status === 'OPEN' || r.status === 'RECTIFYING'),
      createdAt: r.created_at,
    }));
  }
}

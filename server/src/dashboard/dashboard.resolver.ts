import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { BOARD_STAGES, DEADLINE_STAGES, todayIn } from '@workplan/shared';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requireUuid } from '../common/validate';
import { IndicatorService } from '../indicator/indicator.service';
import { ProgressReportService } from '../report/progress-report.service';
import { BoardService } from '../task/board.service';
import { PlanDashboardModel } from './dashboard.model';

@Resolver(() => PlanDashboardModel)
export class DashboardResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly boards: BoardService,
    private readonly reports: ProgressReportService,
    private readonly indicators: IndicatorService,
  ) {}

  @Query(() => PlanDashboardModel, { description: 'One plan’s figures (or all plans’ when planId is omitted)' })
  async planDashboard(@Args('planId', { type: () => ID, nullable: true }) planId: string | null): Promise<PlanDashboardModel> {
    const id = planId ? requireUuid(planId, 'planId') : null;
    // Figures, not tasks: everyone who may open the dashboard sees the whole plan's counts.
    const query = this.boards.normalise({ planId: id }, null);
    const columns = await this.boards.columns(query);
    const departments = await this.boards.lanes(query);
    const today = todayIn();
    const [counts] = await this.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM task t WHERE ($1::uuid IS NULL OR t.plan_id = $1) AND t.due_date < $2 AND t.stage = ANY($3)) AS overdue_tasks,
         (SELECT count(*)::int FROM finding f JOIN task t ON t.id = f.task_id WHERE ($1::uuid IS NULL OR t.plan_id = $1) AND f.status <> 'VERIFIED') AS open_findings,
         (SELECT count(*)::int FROM finding f JOIN task t ON t.id = f.task_id WHERE ($1::uuid IS NULL OR t.plan_id = $1) AND f.status <> 'VERIFIED' AND f.severity = 'MAJOR') AS open_major,
         (SELECT count(*)::int FROM finding f JOIN task t ON t.id = f.task_id WHERE ($1::uuid IS NULL OR t.plan_id = $1) AND f.status IN ('OPEN','RECTIFYING') AND f.rectification_deadline < $2) AS overdue_findings`,
      [id, today, [...DEADLINE_STAGES]],
    );
    const reporting: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM task WHERE ($1::uuid IS NULL OR plan_id = $1) AND stage IN ('IMPLEMENTATION','INSPECTION')`,
      [id],
    );
    const schedule = await this.reports.schedule(reporting.map((r) => r.id), today);
    return {
      planId: id,
      taskCount: columns.reduce((n, c) => n + c.totalCount, 0),
      stages: BOARD_STAGES.map((stage) => ({ stage, totalCount: columns.find((c) => c.stage === stage)?.totalCount ?? 0 })),
      departments,
      overdueTasks: counts.overdue_tasks,
      lateReports: schedule.filter((r) => r.status === 'LATE').length,
      reportsDueSoon: schedule.filter((r) => r.status === 'DUE_SOON').length,
      openFindings: counts.open_findings,
      openMajorFindings: counts.open_major,
      overdueFindings: counts.overdue_findings,
      indicators: id ? await this.indicators.toModels(await this.indicators.list({ planId: id })) : [],
    };
  }
}

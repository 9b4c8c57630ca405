import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEDGER_GROUPS, bulletinIssue, bulletinTotals, laggingUnits, todayIn } from '@workplan/shared';
import { DataSource } from 'typeorm';
import type { TaskViewer } from '../access/access.service';
import { notFound } from '../common/errors';
import { requireUuid } from '../common/validate';
import type { SupervisionBulletinModel } from './bulletin.model';
import { SupervisionLedgerService, checkLedgerPeriod } from './supervision-ledger.service';

/** The supervision bulletin (督办通报): the ledger of a plan and period, summed up and its laggards named. */
@Injectable()
export class BulletinService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: SupervisionLedgerService,
  ) {}

  async bulletin(planId: string, period: string, viewer: TaskViewer | null, today: string = todayIn()): Promise<SupervisionBulletinModel> {
    const id = requireUuid(planId, 'planId');
    checkLedgerPeriod(period);
    const [plan]: Array<{ title: string }> = await this.dataSource.query(`SELECT title FROM plan WHERE id = $1`, [id]);
    if (!plan) throw notFound('Plan', id);
    const tasks = await this.ledger.ledger(
      { planId: id, departmentIds: [], includeCooperating: false, search: null, overdue: false, laneDepartmentId: null, today, viewer },
      period,
    );
    const ordered = LEDGER_GROUPS.flatMap((group) => tasks.filter((t) => t.group === group));
    const lagging = laggingUnits(
      tasks.flatMap((t) =>
        t.units.map((u) => ({
          taskId: t.id,
          taskCode: t.code,
          taskTitle: t.title,
          group: t.group,
          implementing: t.stage === 'IMPLEMENTATION',
          departmentId: u.departmentId,
          departmentName: u.departmentName,
          light: u.light,
          reported: u.latestReport !== null,
          returned: u.latestReport?.review === 'RETURNED',
        })),
      ),
    );
    return {
      planTitle: plan.title,
      period,
      ...bulletinIssue(period),
      issuedOn: today,
      ...bulletinTotals(tasks.map((t) => t.group)),
      laggingUnits: lagging,
      items: ordered.map((t) => ({
        taskId: t.id,
        code: t.code,
        title: t.title,
        group: t.group,
        stage: t.stage,
        assignedOn: t.assignedOn,
        dueDate: t.dueDate,
        finishedOn: t.finishedOn,
        overdue: t.overdue,
        daysToFinish: t.daysToFinish,
        extensions: t.extensions,
        units: t.units.map((u) => ({
          departmentId: u.departmentId,
          departmentName: u.departmentName,
          lead: u.lead,
          responsiblePerson: u.responsiblePerson,
          dueDate: u.dueDate,
          percentDone: u.latestReport?.percentDone ?? null,
          workDone: u.latestReport?.workDone ?? null,
          returned: u.latestReport?.review === 'RETURNED',
          returnCount: u.returnCount,
          light: u.light,
        })),
      })),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { isOverdue, stageOf, subStateOf, todayIn, type TaskFacts } from '@workplan/shared';
import { DataSource, In, type Repository } from 'typeorm';
import { DepartmentModel } from '../department/department.model';
import { UserEntity } from '../user/user.entity';
import type { TaskEntity } from './task.entity';
import type { TaskTransitionEntity } from './task-transition.entity';
import { TaskLightService, type TaskLight } from '../supervision/task-light.service';
import { REPORTING_STAGES, reportSchedule } from '../report/report-schedule';
import { loadScheduleFacts } from '../report/schedule-facts';
import { findingsOf } from './task-facts';
import { TaskModel, TaskTransitionModel } from './task.model';


/**
 * Gathers the loads callers start in the same tick and serves them with one call of `loadAll` (the
 * DataLoader idea, without a cache: every batch reads afresh). The six columns of a board resolve
 * their pages together (BoardService.page), so their cards are mapped in one batch: a board costs
 * the same number of queries for 10 cards or 300.
 */
export class TickBatch<K, V> {
  private pending: Array<{ keys: readonly K[]; resolve(values: V[]): void; reject(error: unknown): void }> = [];

  /** `loadAll` answers one value per key, in order; an Error in place of a value fails only the caller that asked for that key. */
  constructor(private readonly loadAll: (keys: K[]) => Promise<Array<V | Error>>) {}

  /** Resolves with one value per key, in order, once the batch it joined is loaded. */
  load(keys: readonly K[]): Promise<V[]> {
    return new Promise((resolve, reject) => {
      // After the promise jobs now queued have run (the other columns' resolvers), like DataLoader.
      if (this.pending.length === 0) void Promise.resolve().then(() => process.nextTick(() => void this.dispatch()));
      this.pending.push({ keys, resolve, reject });
    });
  }

  private async dispatch(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const values = await this.loadAll(batch.flatMap((b) => b.keys));
      let offset = 0;
      for (const b of batch) {
        const mine = values.slice(offset, offset + b.keys.length);
        offset += b.keys.length;
        const failed = mine.find((v): v is Error => v instanceof Error);
        if (failed) b.reject(failed);
        else b.resolve(mine as V[]);
      }
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  }
}

/**
 * Turns rows into API models. Departments, cooperating departments, the machine's facts and the
 * report schedule are loaded for a whole batch of cards at once (a fixed number of queries), never
 * per card, and calls made together (the columns of one board) share one batch.
 */
@Injectable()
export class TaskModelMapper {
  private readonly batch = new TickBatch<TaskEntity, TaskModel>((tasks) => this.mapAll(tasks));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly lights: TaskLightService,
  ) {}

  toModels(tasks: TaskEntity[]): Promise<TaskModel[]> {
    return tasks.length === 0 ? Promise.resolve([]) : this.batch.load(tasks);
  }

  private async mapAll(tasks: TaskEntity[]): Promise<Array<TaskModel | Error>> {
    const unique = [...new Map(tasks.map((t) => [t.id, t])).values()];
    const taskIds = unique.map((t) => t.id);
    const today = todayIn();
    // Every table the cards read, in one statement: the schedule's facts carry departments, plans'
    // light rules, the filed reports and the open findings.
    const loaded = await loadScheduleFacts(this.dataSource, unique);
    const { departments } = loaded;
    const linksOf = new Map<string, DepartmentModel[]>();
    for (const [taskId, ids] of loaded.cooperating) {
      linksOf.set(taskId, ids.map((id) => departments.get(id)).filter((d): d is DepartmentModel => d !== undefined));
    }
    const reportCount = new Map<string, number>();
    for (const report of loaded.filed) reportCount.set(report.taskId, (reportCount.get(report.taskId) ?? 0) + 1);
    const facts = new Map(taskIds.map((id) => [id, { progressReports: reportCount.get(id) ?? 0, ...findingsOf(loaded.openFindings, id) }]));
    const owedBy = new Map<string, { late: number; dueSoon: number }>();
    for (const r of reportSchedule(unique.filter((t) => REPORTING_STAGES.has(t.stage)), loaded, today)) {
      const owed = owedBy.get(r.taskId) ?? { late: 0, dueSoon: 0 };
      if (r.status === 'LATE') owed.late++;
      if (r.status === 'DUE_SOON') owed.dueSoon++;
      owedBy.set(r.taskId, owed);
    }
    const lateReports = new Map([...owedBy].map(([id, owed]) => [id, owed.late]));
    const lights = await this.lights.lights(unique, { ...loaded, lateReports }, today);
    return tasks.map((task) => {
      // One unreadable row fails the request that asked for it, not the others sharing the batch.
      try {
        return this.toModelWith(task, { departments, linksOf, facts, owedBy, lights, today });
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    });
  }

  private toModelWith(
    task: TaskEntity,
    loaded: {
      departments: Map<string, DepartmentModel>;
      linksOf: Map<string, DepartmentModel[]>;
      facts: Map<string, TaskFacts>;
      owedBy: Map<string, { late: number; dueSoon: number }>;
      lights: Map<string, TaskLight>;
      today: string;
    },
  ): TaskModel {
    const { departments, linksOf, facts, owedBy, lights, today } = loaded;
    const light = lights.get(task.id)!;
    const stage = stageOf(task.snapshot.value);
    return Object.assign(new TaskModel(), {
      id: task.id,
      code: task.code,
      title: task.title,
      description: task.description,
      stage,
      subState: subStateOf(task.snapshot.value),
      origin: task.origin,
      version: task.version,
      planId: task.planId,
      leadDepartment: departments.get(task.leadDepartmentId),
      cooperatingDepartments: linksOf.get(task.id) ?? [],
      dueDate: task.dueDate,
      overdue: isOverdue(task.dueDate, stage, today),
      returnCount: task.snapshot.context.returnCount ?? 0,
      rectificationCount: task.snapshot.context.rectificationCount ?? 0,
      outcome: task.snapshot.context.outcome ?? null,
      progressReportCount: facts.get(task.id)!.progressReports,
      openFindingCount: facts.get(task.id)!.unverifiedFindings,
      openMajorFindingCount: facts.get(task.id)!.unverifiedMajorFindings,
      lateReportCount: owedBy.get(task.id)?.late ?? 0,
      reportsDueSoonCount: owedBy.get(task.id)?.dueSoon ?? 0,
      light: light.light,
      lightReasons: light.reasons,
      pointsBehind: light.pointsBehind,
      percentDone: light.percentDone,
      urgent: task.urgent,
      keyTask: task.keyTask,
      originalDueDate: task.originalDueDate,
      createdAt: task.createdAt,
      updatedAt: task.updatedAt,
      snapshot: task.snapshot,
    });
  }

  async toModel(task: TaskEntity): Promise<TaskModel> {
    const [model] = await this.toModels([task]);
    return model;
  }

  async toTransitionModels(rows: TaskTransitionEntity[]): Promise<TaskTransitionModel[]> {
    const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
    const actors = new Map(
      actorIds.length ? (await this.users.findBy({ id: In(actorIds) })).map((u) => [u.id, { id: u.id, name: u.name }]) : [],
    );
    return rows.map((row) =>
      Object.assign(new TaskTransitionModel(), {
        id: row.id,
        event: row.event,
        fromStage: row.fromStage,
        toStage: row.toStage,
        toSubState: subStateOf(row.toState),
        actor: row.actorId ? (actors.get(row.actorId) ?? null) : null,
        role: row.actorRole,
        comment: row.comment,
        version: row.version,
        at: row.at,
      }),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isOverdue, stageOf, subStateOf, todayIn, type TaskFacts } from '@workplan/shared';
import { In, type Repository } from 'typeorm';
import { DepartmentEntity } from '../department/department.entity';
import { DepartmentModel } from '../department/department.model';
import { UserEntity } from '../user/user.entity';
import { TaskCooperatingDepartmentEntity, type TaskEntity } from './task.entity';
import type { TaskTransitionEntity } from './task-transition.entity';
import { TaskLightService, type TaskLight } from '../supervision/task-light.service';
import { ProgressReportService } from '../report/progress-report.service';
import { loadTaskFacts } from './task-facts';
import { TaskModel, TaskTransitionModel } from './task.model';

/** Progress reports are owed only while a task is in these stages (ProgressReportService.schedule skips the rest). */
const REPORTING_STAGES: ReadonlySet<string> = new Set(['IMPLEMENTATION', 'INSPECTION']);

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
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
    @InjectRepository(TaskCooperatingDepartmentEntity) private readonly cooperating: Repository<TaskCooperatingDepartmentEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly reports: ProgressReportService,
    private readonly lights: TaskLightService,
  ) {}

  toModels(tasks: TaskEntity[]): Promise<TaskModel[]> {
    return tasks.length === 0 ? Promise.resolve([]) : this.batch.load(tasks);
  }

  private async mapAll(tasks: TaskEntity[]): Promise<Array<TaskModel | Error>> {
    const taskIds = [...new Set(tasks.map((t) => t.id))];
    const links = await this.cooperating.find({ where: { taskId: In(taskIds) }, order: { position: 'ASC' } });
    const departmentIds = new Set([...tasks.map((t) => t.leadDepartmentId), ...links.map((l) => l.departmentId)]);
    const departments = new Map(
      (await this.departments.findBy({ id: In([...departmentIds]) })).map((d) => [d.id, DepartmentModel.from(d)]),
    );
    const linksOf = new Map<string, DepartmentModel[]>();
    for (const link of links) {
      const department = departments.get(link.departmentId);
      if (department) linksOf.set(link.taskId, [...(linksOf.get(link.taskId) ?? []), department]);
    }
    const today = todayIn();
    const facts = await loadTaskFacts(this.departments.manager, taskIds);
    const reporting = [...new Set(tasks.filter((t) => REPORTING_STAGES.has(t.stage)).map((t) => t.id))];
    const owedBy = new Map<string, { late: number; dueSoon: number }>();
    for (const r of reporting.length ? await this.reports.schedule(reporting, today) : []) {
      const owed = owedBy.get(r.taskId) ?? { late: 0, dueSoon: 0 };
      if (r.status === 'LATE') owed.late++;
      if (r.status === 'DUE_SOON') owed.dueSoon++;
      owedBy.set(r.taskId, owed);
    }
    const lights = await this.lights.lights(tasks, new Map([...owedBy].map(([id, owed]) => [id, owed.late])), today);
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

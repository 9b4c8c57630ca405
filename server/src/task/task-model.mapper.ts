import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isOverdue, stageOf, subStateOf, todayIn } from '@workplan/shared';
import { In, type Repository } from 'typeorm';
import { DepartmentEntity } from '../department/department.entity';
import { DepartmentModel } from '../department/department.model';
import { UserEntity } from '../user/user.entity';
import { TaskCooperatingDepartmentEntity, type TaskEntity } from './task.entity';
import type { TaskTransitionEntity } from './task-transition.entity';
import { ProgressReportService } from '../report/progress-report.service';
import { loadTaskFacts } from './task-facts';
import { TaskModel, TaskTransitionModel } from './task.model';

/** Turns rows into API models, loading departments and actors for a whole page in two queries, not one per card. */
@Injectable()
export class TaskModelMapper {
  constructor(
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
    @InjectRepository(TaskCooperatingDepartmentEntity) private readonly cooperating: Repository<TaskCooperatingDepartmentEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly reports: ProgressReportService,
  ) {}

  async toModels(tasks: TaskEntity[]): Promise<TaskModel[]> {
    if (tasks.length === 0) return [];
    const links = await this.cooperating.find({ where: { taskId: In(tasks.map((t) => t.id)) }, order: { position: 'ASC' } });
    const departmentIds = new Set([...tasks.map((t) => t.leadDepartmentId), ...links.map((l) => l.departmentId)]);
    const departments = new Map(
      (await this.departments.findBy({ id: In([...departmentIds]) })).map((d) => [d.id, DepartmentModel.from(d)]),
    );
    const today = todayIn();
    const facts = await loadTaskFacts(this.departments.manager, tasks.map((t) => t.id));
    const schedule = await this.reports.schedule(tasks.map((t) => t.id), today);
    const owed = (taskId: string, status: string) => schedule.filter((r) => r.taskId === taskId && r.status === status).length;
    return tasks.map((task) => {
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
        cooperatingDepartments: links
          .filter((l) => l.taskId === task.id)
          .map((l) => departments.get(l.departmentId))
          .filter((d): d is DepartmentModel => d !== undefined),
        dueDate: task.dueDate,
        overdue: isOverdue(task.dueDate, stage, today),
        returnCount: task.snapshot.context.returnCount ?? 0,
        rectificationCount: task.snapshot.context.rectificationCount ?? 0,
        outcome: task.snapshot.context.outcome ?? null,
        progressReportCount: facts.get(task.id)!.progressReports,
        openFindingCount: facts.get(task.id)!.unverifiedFindings,
        openMajorFindingCount: facts.get(task.id)!.unverifiedMajorFindings,
        lateReportCount: owed(task.id, 'LATE'),
        reportsDueSoonCount: owed(task.id, 'DUE_SOON'),
        createdAt: task.createdAt,
        updatedAt: task.updatedAt,
        snapshot: task.snapshot,
      });
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

import { AccessService, restrictToViewer, type TaskViewer } from '../access/access.service';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { availableFindingEvents, decideFindingTransition, isIsoDate, todayIn, type FindingStatus } from '@workplan/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { actorOf } from '../auth/current-user';
import { DomainError, badInput, forbidden, notFound } from '../common/errors';
import { requireText, requireUuid } from '../common/validate';
import { NotificationService } from '../notification/notification.service';
import { TaskEntity } from '../task/task.entity';
import { UserEntity } from '../user/user.entity';
import { EvidenceFileEntity, FindingEntity, FindingEventEntity } from './finding.entity';
import type { FindingModel, LogFindingInput, TransitionFindingInput } from './finding.model';

const FINDING_STAGES = ['IMPLEMENTATION', 'INSPECTION'];

/** Findings (发现问题): logged by inspectors, rectified by the lead department, verified (销号) by inspectors. */
@Injectable()
export class FindingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly access: AccessService,
  ) {}

  async logFinding(input: LogFindingInput, user: UserEntity): Promise<FindingEntity> {
    if (user.role !== 'INSPECTOR' && user.role !== 'COORDINATOR') throw forbidden('Only inspection teams and coordinators log findings');
    const taskId = requireUuid(input.taskId, 'taskId');
    const description = requireText(input.description, 'description', 5000, true);
    const deadline = input.rectificationDeadline?.trim() || null;
    if (deadline && !isIsoDate(deadline)) throw badInput('rectificationDeadline must be a date like 2026-05-10', 'rectificationDeadline');
    const inspectionId = input.inspectionId ? requireUuid(input.inspectionId, 'inspectionId') : null;
    return this.dataSource.transaction(async (em) => {
      const task = await em.findOneBy(TaskEntity, { id: taskId });
      if (!task) throw notFound('Task', taskId);
      if (!FINDING_STAGES.includes(task.stage)) {
        throw new DomainError('TRANSITION_NOT_ALLOWED', `Findings are logged during implementation or inspection, not in ${task.stage}`, { stage: task.stage });
      }
      if (inspectionId) {
        const [row] = await em.query(`SELECT task_id FROM inspection WHERE id = $1`, [inspectionId]);
        if (!row) throw notFound('Inspection', inspectionId);
        if (row.task_id !== taskId) throw badInput('that inspection is of another task', 'inspectionId');
      }
      const finding = await em.save(
        em.create(FindingEntity, { taskId, inspectionId, severity: input.severity, description, rectificationDeadline: deadline, status: 'OPEN', version: 1, createdBy: user.id }),
      );
      await em.insert(FindingEventEntity, { findingId: finding.id, event: 'LOG', fromStatus: null, toStatus: 'OPEN', actorId: user.id, actorRole: user.role, comment: null });
      await this.notifications.notifyDepartment(em, task.leadDepartmentId, {
        kind: 'FINDING_ASSIGNED',
        taskId,
        findingId: finding.id,
        params: { code: task.code, title: task.title, severity: input.severity },
      });
      return finding;
    });
  }

  async transitionFinding(input: TransitionFindingInput, user: UserEntity): Promise<FindingEntity> {
    const findingId = requireUuid(input.findingId, 'findingId');
    const comment = requireText(input.comment, 'comment', 5000);
    return this.dataSource.transaction(async (em) => {
      const finding = await em.findOneBy(FindingEntity, { id: findingId });
      if (!finding) throw notFound('Finding', findingId);
      if (finding.version !== input.expectedVersion) {
        throw new DomainError('VERSION_CONFLICT', `The finding changed since you loaded it (version ${input.expectedVersion}, now ${finding.version}); reload and try again`, {
          expectedVersion: input.expectedVersion,
          currentVersion: finding.version,
        });
      }
      await this.access.assertTask(user, 'transitionFinding', finding.taskId);
      const task = await em.findOneByOrFail(TaskEntity, { id: finding.taskId });
      const decision = decideFindingTransition(finding.status, { leadDepartmentId: task.leadDepartmentId, severity: finding.severity }, { type: input.event, actor: actorOf(user), comment });
      if (!decision.ok) {
        const code = decision.refusal === 'COMMENT_REQUIRED' ? 'BAD_USER_INPUT' : decision.refusal;
        throw new DomainError(code, decision.message, { status: finding.status });
      }
      const updated = await em
        .createQueryBuilder()
        .update(FindingEntity)
        .set({ status: decision.toStatus, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('id = :id AND version = :version', { id: findingId, version: input.expectedVersion })
        .execute();
      if (updated.affected !== 1) throw new DomainError('VERSION_CONFLICT', 'The finding changed since you loaded it; reload and try again');
      await em.insert(FindingEventEntity, { findingId, event: input.event, fromStatus: finding.status, toStatus: decision.toStatus, actorId: user.id, actorRole: user.role, comment });
      return em.findOneByOrFail(FindingEntity, { id: findingId });
    });
  }

  async findById(id: string): Promise<FindingEntity> {
    const finding = await this.dataSource.manager.findOneBy(FindingEntity, { id: requireUuid(id, 'id') });
    if (!finding) throw notFound('Finding', id);
    return finding;
  }

  forTask(taskId: string): Promise<FindingEntity[]> {
    return this.dataSource.manager.find(FindingEntity, { where: { taskId: requireUuid(taskId, 'taskId') }, order: { createdAt: 'ASC' } });
  }

  /** Findings across a plan (or all plans), optionally only the unverified ones. */
  async list(filter: { planId?: string | null; departmentId?: string | null; openOnly?: boolean }, viewer: TaskViewer | null): Promise<FindingEntity[]> {
    const qb = this.dataSource.manager.createQueryBuilder(FindingEntity, 'f').innerJoin(TaskEntity, 't', 't.id = f.task_id').orderBy('f.created_at', 'DESC').limit(1000);
    restrictToViewer(qb, viewer);
    if (filter.planId) qb.andWhere('t.plan_id = :planId', { planId: requireUuid(filter.planId, 'planId') });
    if (filter.departmentId) qb.andWhere('t.lead_department_id = :dept', { dept: requireUuid(filter.departmentId, 'departmentId') });
    if (filter.openOnly) qb.andWhere(`f.status <> 'VERIFIED'`);
    return qb.getMany();
  }

  async toModels(findings: FindingEntity[], user: UserEntity, em: EntityManager = this.dataSource.manager): Promise<FindingModel[]> {
    if (findings.length === 0) return [];
    const ids = findings.map((f) => f.id);
    const tasks = new Map((await em.findBy(TaskEntity, { id: In([...new Set(findings.map((f) => f.taskId))]) })).map((t) => [t.id, t]));
    const events = await em.find(FindingEventEntity, { where: { findingId: In(ids) }, order: { id: 'ASC' } });
    const actors = new Map((await em.findBy(UserEntity, { id: In([...new Set(events.map((e) => e.actorId))]) })).map((u) => [u.id, u.name]));
    const files = await em.find(EvidenceFileEntity, { where: { findingId: In(ids) }, order: { uploadedAt: 'ASC' } });
    const today = todayIn();
    return findings.map((f) => {
      const task = tasks.get(f.taskId)!;
      return {
        id: f.id,
        taskId: f.taskId,
        taskCode: task.code,
        taskTitle: task.title,
        inspectionId: f.inspectionId,
        severity: f.severity,
        description: f.description,
        rectificationDeadline: f.rectificationDeadline,
        overdue: f.rectificationDeadline !== null && f.rectificationDeadline < today && (f.status === 'OPEN' || f.status === 'RECTIFYING'),
        status: f.status as FindingStatus,
        version: f.version,
        createdAt: f.createdAt,
        availableEvents: availableFindingEvents(f.status, { leadDepartmentId: task.leadDepartmentId, severity: f.severity }, actorOf(user)),
        history: events
          .filter((e) => e.findingId === f.id)
          .map((e) => ({ event: e.event, fromStatus: e.fromStatus, toStatus: e.toStatus, actorName: actors.get(e.actorId) ?? '', role: e.actorRole, comment: e.comment, at: e.at })),
        evidence: files
          .filter((file) => file.findingId === f.id)
          .map((file) => ({ id: file.id, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes, url: `/files/evidence/${file.id}`, uploadedAt: file.uploadedAt })),
      };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../common/errors';
import { requireUuid } from '../common/validate';
import { NotificationEntity, type NotificationKind } from './notification.entity';

export interface NotifyInput {
  kind: NotificationKind;
  taskId?: string | null;
  findingId?: string | null;
  params?: Record<string, string | number>;
  /** Same key for the same user → written once (reminders that a sweep may try again). */
  dedupeKey?: string;
}

/** In-app notifications: written with the change that causes them, read and marked read per user. */
@Injectable()
export class NotificationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every active staff member of a department. */
  async notifyDepartment(em: EntityManager, departmentId: string, input: NotifyInput): Promise<number> {
    const users: Array<{ id: string }> = await em.query(`SELECT id FROM app_user WHERE department_id = $1 AND role = 'STAFF' AND active`, [departmentId]);
    return this.notifyUsers(em, users.map((u) => u.id), input);
  }

  /** Every active person of a role (coordinators hear of overdue work). */
  async notifyRole(em: EntityManager, role: 'COORDINATOR' | 'INSPECTOR', input: NotifyInput): Promise<number> {
    const users: Array<{ id: string }> = await em.query(`SELECT id FROM app_user WHERE role = $1 AND active`, [role]);
    return this.notifyUsers(em, users.map((u) => u.id), input);
  }

  /** Returns how many were new (a dedupe key already written adds nothing). */
  async notifyUsers(em: EntityManager, userIds: readonly string[], input: NotifyInput): Promise<number> {
    if (userIds.length === 0) return 0;
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(
        userIds.map((userId) => ({
          userId,
          kind: input.kind,
          taskId: input.taskId ?? null,
          findingId: input.findingId ?? null,
          params: input.params ?? {},
          dedupeKey: input.dedupeKey ?? null,
        })),
      )
      .orIgnore() // a dedupe key already written: nothing to add
      .returning('id')
      .execute();
    return Array.isArray(result.raw) ? result.raw.length : 0;
  }

  list(userId: string, unreadOnly: boolean, first: number): Promise<NotificationEntity[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where('n.user_id = :userId', { userId })
      .orderBy('n.created_at', 'DESC')
      .limit(Math.min(Math.max(first, 1), 100));
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return qb.getMany();
  }

  unreadCount(userId: string): Promise<number> {
    return this.dataSource.manager.createQueryBuilder(NotificationEntity, 'n').where('n.user_id = :userId AND n.read_at IS NULL', { userId }).getCount();
  }

  async markRead(userId: string, id: string | null): Promise<number> {
    if (id) {
      const result = await this.dataSource.manager.update(NotificationEntity, { id: requireUuid(id, 'id'), userId }, { readAt: () => 'now()' });
      if (!result.affected) throw notFound('Notification', id);
      return result.affected;
    }
    const result = await this.dataSource.manager
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: () => 'now()' })
      .where('user_id = :userId AND read_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }
}

import type { EntityManager } from 'typeorm';
import type { UserEntity } from '../user/user.entity';
import { SideRequestEntity } from './side-request.entity';

const DAY = 86_400_000;

/**
 * The demo's side requests and flags: an extension waiting on the unit's leader, an adjustment the
 * leader approved that waits on the coordinator, and an extension granted in part (the due date
 * moved, the first one kept); a few tasks marked 紧急 or 重点. Deterministic: the same every time.
 */
export async function seedSideRequests(
  em: EntityManager,
  ctx: { coordinator: UserEntity; staffOf: Map<string | null, UserEntity>; leaderOf: Map<string | null, UserEntity>; now: Date },
): Promise<void> {
  const day = (offset: number) => new Date(ctx.now.getTime() + offset * DAY).toISOString().slice(0, 10);
  const at = (offset: number) => new Date(ctx.now.getTime() + offset * DAY);
  // Tasks under way with time left, led by a unit with a staff account and a leader.
  const running: Array<{ id: string; lead: string; due: string }> = (
    await em.query(
      `SELECT t.id, t.lead_department_id AS lead, t.due_date::text AS due
         FROM task t JOIN plan p ON p.id = t.plan_id
        WHERE t.stage = 'IMPLEMENTATION' AND t.due_date > $1
        ORDER BY p.title, t.sort_key, t.code`,
      [day(20)],
    )
  ).filter((t: { lead: string }) => ctx.staffOf.has(t.lead) && ctx.leaderOf.has(t.lead));
  const [pending, approved, partly, ...rest] = running;
  const file = (task: { id: string; lead: string; due: string }, daysAgo: number) => ({
    taskId: task.id,
    departmentId: task.lead,
    stageAtFiling: 'IMPLEMENTATION' as const,
    dueDateAtFiling: task.due,
    filedBy: ctx.staffOf.get(task.lead)!.id,
    filedAt: at(-daysAgo),
  });
  const plusDays = (date: string, n: number) => new Date(new Date(`${date}T00:00:00Z`).getTime() + n * DAY).toISOString().slice(0, 10);

  if (pending) {
    await em.insert(SideRequestEntity, {
      ...file(pending, 1),
      kind: 'EXTENSION',
      reason: '项目涉及跨区域协调，审批环节较多，难以按原定时限完成。',
      requestedDueDate: plusDays(pending.due, 30),
      adjustment: null,
      status: 'PENDING_LEADER',
    });
  }
  if (approved) {
    const leader = ctx.leaderOf.get(approved.lead)!;
    await em.insert(SideRequestEntity, {
      ...file(approved, 4),
      kind: 'ADJUSTMENT',
      reason: '受市场环境变化影响，原定年度目标难以实现。',
      requestedDueDate: null,
      adjustment: '年度新增企业目标由10家调整为8家，其余任务不变。',
      status: 'PENDING_DECISION',
      leaderApproved: true,
      leaderDecidedBy: leader.id,
      leaderDecidedAt: at(-3),
      leaderComment: '情况属实，同意报协调办审定。',
    });
  }
  if (partly) {
    const leader = ctx.leaderOf.get(partly.lead)!;
    const granted = plusDays(partly.due, 15);
    await em.insert(SideRequestEntity, {
      ...file(partly, 12),
      kind: 'EXTENSION',
      reason: '受汛期影响，主体工程施工中断，申请延期一个月。',
      requestedDueDate: plusDays(partly.due, 30),
      adjustment: null,
      status: 'PARTLY_GRANTED',
      leaderApproved: true,
      leaderDecidedBy: leader.id,
      leaderDecidedAt: at(-11),
      leaderComment: '同意。',
      decidedBy: ctx.coordinator.id,
      decidedRole: 'COORDINATOR',
      decidedAt: at(-9),
      decisionComment: '准予延期15天，请倒排工期确保完成。',
      grantedDueDate: granted,
    });
    // As a granted extension does: the due date moves for the task and its units; the first one stays on record.
    await em.query(`UPDATE task SET original_due_date = due_date, due_date = $2 WHERE id = $1`, [partly.id, granted]);
    await em.query(`UPDATE task_assignment SET due_date = $2 WHERE task_id = $1 AND due_date = $3`, [partly.id, granted, partly.due]);
  }
  // 紧急 and 重点 on a few others (none with a request waiting on the coordinator, which a key task's would not).
  for (const [i, task] of rest.slice(0, 4).entries()) {
    await em.query(`UPDATE task SET urgent = $2, key_task = $3 WHERE id = $1`, [task.id, i % 2 === 0, i < 2]);
  }
}

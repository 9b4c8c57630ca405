import type { EntityManager } from 'typeorm';
import { TaskEntity } from '../task/task.entity';
import type { UserEntity } from '../user/user.entity';
import { LeaderInstructionEntity, TaskAnnotationEntity, TaskFollowEntity } from './instruction.entity';

/**
 * The demo's leader work: instructions on a few tasks under way (one answered, two awaiting the
 * lead unit), tasks the approver and the manager follow, and a remark — so the 批示 tab, the unit's
 * work list and 我关注的 have something to show.
 */
export async function seedLeaderInstructions(em: EntityManager, ctx: { approver: UserEntity; manager: UserEntity; staffOf: Map<string | null, UserEntity>; now: Date }): Promise<void> {
  const running = await em.find(TaskEntity, { where: { stage: 'IMPLEMENTATION' }, order: { sortKey: 'ASC' }, take: 6 });
  const day = (offset: number) => new Date(ctx.now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const drafts = [
    { content: '此项工作事关全局，请牵头单位倒排工期，确保按期完成，并将进展情况及时报告。', tone: 'DIRECTIVE' as const, leader: ctx.approver },
    { content: '前期工作扎实，成效明显，请总结经验做法，适时在全省推广。', tone: 'POSITIVE' as const, leader: ctx.manager },
    { content: '进度明显滞后，请认真查找原因，拿出整改措施，限期报告。', tone: 'CRITICAL' as const, leader: ctx.approver },
  ];
  for (const [i, task] of running.slice(0, drafts.length).entries()) {
    const draft = drafts[i];
    const staff = ctx.staffOf.get(task.leadDepartmentId) ?? null;
    const answered = i === 1 && staff !== null;
    await em.insert(LeaderInstructionEntity, {
      taskId: task.id,
      number: `省领导批示〔${ctx.now.getFullYear()}〕${i + 11}号`,
      issuedOn: day(-10 + i * 3),
      content: draft.content,
      tone: draft.tone,
      reopenedTask: false,
      createdBy: draft.leader.id,
      answer: answered ? '已召开专题会议研究部署，形成经验材料，拟于下月现场会交流。' : null,
      answeredBy: answered ? staff.id : null,
      answeredAt: answered ? new Date(ctx.now.getTime() - 2 * 86_400_000) : null,
    });
  }
  for (const task of running.slice(0, 4)) await em.insert(TaskFollowEntity, { userId: ctx.approver.id, taskId: task.id });
  for (const task of running.slice(2, 6)) await em.insert(TaskFollowEntity, { userId: ctx.manager.id, taskId: task.id });
  if (running[0]) await em.insert(TaskAnnotationEntity, { taskId: running[0].id, authorId: ctx.approver.id, content: '请督查室每周跟踪一次，遇到困难及时协调。' });
}

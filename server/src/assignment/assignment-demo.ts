import type { EntityManager } from 'typeorm';
import type { UserEntity } from '../user/user.entity';
import { AssignmentReportEntity, TaskAssignmentEntity } from './assignment.entity';

const DAY = 86_400_000;

/** What units wrote (percent done, work done, problems, support needed, next plan), by the share of work behind them. */
const REPORTS = [
  { percentDone: 30, workDone: '已完成前期调研和方案细化，明确责任分工和时间节点。', problems: '', supportNeeded: '', nextPlan: '启动首批项目实施。' },
  { percentDone: 45, workDone: '首批项目已开工，完成年度投资计划的四成以上。', problems: '个别项目用地审批进度偏慢。', supportNeeded: '请协调自然资源部门加快用地审批。', nextPlan: '推动第二批项目开工，月底前报送进展。' },
  { percentDone: 60, workDone: '主体工作过半，已形成阶段性成果并建立工作台账。', problems: '配套资金尚未全部到位。', supportNeeded: '', nextPlan: '加快资金拨付，开展中期自查。' },
];

/**
 * The demo's unit work on tasks under way, so the 承办单位 tab, the cards' roll-ups and the watch
 * list look lived-in: some units signed for their part (one late), some filed reports — one awaits
 * review, several were passed, one was returned once for rework — and the rest have not signed yet
 * (the coordinator's morning begins with those). Deterministic: the same database every time.
 */
export async function seedUnitWork(em: EntityManager, ctx: { coordinator: UserEntity; staffOf: Map<string | null, UserEntity>; now: Date }): Promise<void> {
  const units: Array<{ id: string; task_id: string; department_id: string; status: string; assigned_at: Date }> = await em.query(
    `SELECT a.id, a.task_id, a.department_id, a.status, a.assigned_at
       FROM task_assignment a
       JOIN task t ON t.id = a.task_id
       JOIN plan p ON p.id = t.plan_id
       JOIN department d ON d.id = a.department_id
      WHERE t.stage = 'IMPLEMENTATION' AND a.status IN ('ASSIGNED', 'SIGNED')
      ORDER BY p.title, t.sort_key, t.code, a.lead DESC, d.code`,
  );
  let returned = false;
  for (const [i, unit] of units.entries()) {
    const staff = ctx.staffOf.get(unit.department_id);
    // Every fourth unit has not signed yet (nor have units without a staff account, e.g. 各地级以上市人民政府).
    if (!staff || i % 4 === 0) continue;
    const late = i % 9 === 5;
    const signedAt = unit.status === 'SIGNED' ? null : new Date(unit.assigned_at.getTime() + (late ? 6 : 1) * DAY);
    const kind = i % 4; // 1: signed for only; 2: a report awaiting review; 3: a report reviewed
    let status = signedAt ? 'SIGNED' : unit.status;
    let returnCount = 0;
    if (kind >= 2) {
      const report = REPORTS[i % REPORTS.length];
      const submittedAt = new Date(ctx.now.getTime() - (3 + (i % 11)) * DAY);
      const review = kind === 3 ? (returned ? 'PASSED' : 'RETURNED') : null;
      await em.insert(AssignmentReportEntity, {
        assignmentId: unit.id,
        ...report,
        submittedBy: staff.id,
        submittedAt,
        review,
        reviewReason: review === 'RETURNED' ? '进展数据不完整，请补充量化指标完成情况和佐证材料后重新报送。' : null,
        reviewedBy: review ? ctx.coordinator.id : null,
        reviewedAt: review ? new Date(submittedAt.getTime() + DAY) : null,
      });
      status = review ?? 'REPORTED';
      if (review === 'RETURNED') {
        returned = true;
        returnCount = 1;
      }
    }
    await em.update(
      TaskAssignmentEntity,
      { id: unit.id },
      { status: status as TaskAssignmentEntity['status'], returnCount, ...(signedAt ? { signedAt, signedBy: staff.id } : {}) },
    );
  }
}

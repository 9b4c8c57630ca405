import { seedUnitWork } from '../assignment/assignment-demo';
import { openAssignments } from '../assignment/open-assignments';
import { QUIET_SETTING } from '../database/migrations/1764201600000-live-events';
import {
  DEPARTMENT_DIRECTORY,
  decideTransition,
  persistTaskSnapshot,
  parsePlan,
  resolveDepartment,
  stageOf,
  startTask,
  gradeOf,
  periodOf,
  taskSortKey,
  type Actor,
  type TaskFacts,
  type TaskEventType,
  type TaskOrigin,
  type TaskSnapshot,
} from '@workplan/shared';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { actorOf } from '../auth/current-user';
import { hashPassword } from '../auth/password';
import { DepartmentEntity } from '../department/department.entity';
import { PlanEntity } from '../plan/plan.entity';
import { TaskCooperatingDepartmentEntity, TaskEntity } from '../task/task.entity';
import { TaskTransitionEntity } from '../task/task-transition.entity';
import { UserEntity } from '../user/user.entity';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { seedLeaderInstructions } from '../instruction/instruction-demo';
import { seedSideRequests } from '../side-request/side-request-demo';
import { FindingEntity, FindingEventEntity } from '../finding/finding.entity';
import { IndicatorAllocationEntity, IndicatorEntity } from '../indicator/indicator.entity';
import { InspectionEntity, InspectionTeamEntity, InspectionTeamMemberEntity } from '../inspection/inspection.entity';
import { ProgressReportEntity } from '../report/progress-report.entity';

export const DEMO_PASSWORD = 'demo';
/** The coordinating office of the sample plans (省经济和信息化委) is where the coordinator sits. */
const COORDINATING_DEPARTMENT_CODE = 'jxw';

export interface DemoSeedResult {
  plans: number;
  tasks: number;
  users: number;
}

type Step = [TaskEventType, 'lead' | 'coordinator' | 'approver' | 'inspector', string?];

/** Paths that leave a task in each stage, with a few returns and rectifications so the history reads like life. */
const PROPOSED_PATHS: Step[][] = [
  [],
  [['SUBMIT', 'lead']],
  [['SUBMIT', 'lead'], ['ACCEPT', 'coordinator']],
  [['SUBMIT', 'lead'], ['ACCEPT', 'coordinator'], ['APPROVE', 'approver']],
  [['SUBMIT', 'lead'], ['RETURN', 'coordinator', '请补充量化指标和完成时限'], ['SUBMIT', 'lead'], ['ACCEPT', 'coordinator'], ['APPROVE', 'approver']],
  [['SUBMIT', 'lead'], ['ACCEPT', 'coordinator'], ['APPROVE', 'approver'], ['REQUEST_INSPECTION', 'lead']],
  [['SUBMIT', 'lead'], ['ACCEPT', 'coordinator'], ['APPROVE', 'approver'], ['REQUEST_INSPECTION', 'lead'], ['PASS', 'inspector']],
];
const ASSIGNED_PATHS: Step[][] = [
  [],
  [],
  [['REQUEST_INSPECTION', 'coordinator']],
  [['REQUEST_INSPECTION', 'coordinator'], ['REQUIRE_RECTIFICATION', 'inspector', '现场检查发现进度滞后，台账不完整，限期整改']],
  [['REQUEST_INSPECTION', 'coordinator'], ['PASS', 'inspector']],
  [['REQUEST_INSPECTION', 'coordinator'], ['PASS', 'inspector'], ['COMMEND', 'coordinator']],
];

function shiftToThisYear(date: string | null, thisYear: number): string | null {
  return date ? `${thisYear}${date.slice(4)}`.replace(/-02-29$/, '-02-28') : null;
}

/**
 * Fills an empty database with the sample plans in shared/fixtures/seeds: their departments, a
 * demo account for each role and each department, and their tasks spread over every stage, each
 * moved there by the real machine so the history is genuine. Does nothing if any user exists.
 */
export async function seedDemoData(dataSource: DataSource, options: { seedsDir: string; now?: Date }): Promise<DemoSeedResult | null> {
  return dataSource.transaction(async (em) => {
    // Nobody is looking at a board yet: the seed's history rows need not be announced one by one.
    await em.query(`SET LOCAL ${QUIET_SETTING} = 'on'`);
    // One seeder at a time, even if two replicas start together.
    await em.query('SELECT pg_advisory_xact_lock(20231121)');
    if ((await em.count(UserEntity)) > 0) return null;
    const now = options.now ?? new Date();

    const departments = new Map<string, DepartmentEntity>();
    for (const entry of DEPARTMENT_DIRECTORY) {
      const saved = await em.save(em.create(DepartmentEntity, { code: entry.code, name: entry.name, level: entry.level, parentId: null }));
      departments.set(entry.name, saved);
    }
    const byName = async (name: string): Promise<DepartmentEntity> => {
      const known = resolveDepartment(name);
      const key = known?.name ?? name;
      let department = departments.get(key);
      if (!department) {
        department = await em.save(em.create(DepartmentEntity, { code: `unit-${departments.size + 1}`, name: key, level: 'group', parentId: null }));
        departments.set(key, department);
      }
      return department;
    };

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const coordinatingDepartment = [...departments.values()].find((d) => d.code === COORDINATING_DEPARTMENT_CODE) ?? null;
    const roleUser = (email: string, name: string, role: UserEntity['role'], departmentId: string | null, departmentLeader = false) =>
      em.create(UserEntity, { email, name, role, departmentId, passwordHash, active: true, departmentLeader });
    const users = [
      roleUser('coordinator@demo.gov', '陈协调 (coordinator)', 'COORDINATOR', coordinatingDepartment?.id ?? null),
      roleUser('approver@demo.gov', '王审定 (approver)', 'APPROVER', null),
      roleUser('inspector@demo.gov', '李检查 (inspector)', 'INSPECTOR', null),
      roleUser('manager@demo.gov', '赵统筹 (manager)', 'MANAGER', null),
      roleUser('admin@demo.gov', '孙管理 (administrator)', 'ADMIN', null),
      ...[...departments.values()]
        .filter((d) => d.level !== 'group')
        .flatMap((d) => [
          roleUser(`${d.code}@demo.gov`, `${d.name} 工作人员`, 'STAFF', d.id),
          // Each unit's leader (单位负责人), who approves its requests first.
          roleUser(`${d.code}.leader@demo.gov`, `${d.name} 负责人`, 'STAFF', d.id, true),
        ]),
    ];
    await em.save(users);
    const staffOf = new Map(users.filter((u) => u.role === 'STAFF' && !u.departmentLeader).map((u) => [u.departmentId, u]));
    const leaderOf = new Map(users.filter((u) => u.role === 'STAFF' && u.departmentLeader).map((u) => [u.departmentId, u]));
    const [coordinator, approver, inspector, manager] = users;

    let taskCount = 0;
    const files = readdirSync(options.seedsDir).filter((f) => f.endsWith('.txt')).sort();
    for (const [fileIndex, file] of files.entries()) {
      const parsed = parsePlan(readFileSync(join(options.seedsDir, file), 'utf8'));
      if (parsed.tasks.length === 0) continue;
      const plan = await em.save(
        em.create(PlanEntity, {
          title: parsed.plan.title ?? file,
          issuer: parsed.plan.issuer,
          docNumber: parsed.plan.docNumber,
          issuedAt: parsed.plan.issuedAt,
        }),
      );
      // A division-of-labour plan (分工落实方案) hands out approved tasks; the others are proposals.
      const origin: TaskOrigin = /分工/.test(parsed.plan.title ?? '') || fileIndex === 0 ? 'ASSIGNED' : 'PROPOSED';
      for (const [index, item] of parsed.tasks.entries()) {
        const leadName = item.leadDepartments[0] ?? item.groups[0];
        if (!leadName) continue;
        const lead = await byName(leadName);
        const cooperatingNames = [...item.leadDepartments.slice(1), ...item.cooperatingDepartments, ...(item.leadDepartments[0] ? item.groups : item.groups.slice(1))];
        const cooperating: DepartmentEntity[] = [];
        for (const name of cooperatingNames) {
          const d = await byName(name);
          if (d.id !== lead.id && !cooperating.some((c) => c.id === d.id)) cooperating.push(d);
        }
        const dueDate = shiftToThisYear(item.deadline, now.getFullYear()) ?? offsetDate(now, ((index * 37) % 150) - 40);
        const paths = origin === 'ASSIGNED' ? ASSIGNED_PATHS : PROPOSED_PATHS;
        const path = paths[(index + fileIndex) % paths.length];
        const actors: Record<Step[1], Actor> = {
          lead: actorOf(staffOf.get(lead.id) ?? coordinator),
          coordinator: actorOf(coordinator),
          approver: actorOf(approver),
          inspector: actorOf(inspector),
        };
        await insertTask(em, {
          planId: plan.id,
          code: item.code,
          title: item.title,
          description: [item.text !== item.title ? item.text : null, item.section ? `所属部分：${item.section}` : null].filter(Boolean).join('\n\n'),
          lead,
          cooperating,
          dueDate,
          origin,
          creator: origin === 'ASSIGNED' ? coordinator : (staffOf.get(lead.id) ?? coordinator),
          path,
          actors,
          reporter: staffOf.get(lead.id) ?? null,
          startedAt: offsetDateTime(now, -60 + (index % 20)),
        });
        taskCount++;
      }
    }
    // Each responsible unit's own record, dated from its task's history.
    await openAssignments(em, 'ALL');
    await seedUnitWork(em, { coordinator, staffOf, now });
    await seedSideRequests(em, { coordinator, staffOf, leaderOf, now });
    await seedInspectionAndIndicators(em, { coordinator, inspector, departments: [...departments.values()], now });
    await seedLeaderInstructions(em, { approver, manager, staffOf, now });
    return { plans: files.length, tasks: taskCount, users: users.length };
  });
}

/**
 * The after-approval record of the demo: inspection teams (001/003 describe thematic groups),
 * scheduled visits for tasks awaiting inspection, assessments of graded tasks, and indicators with
 * yearly targets and a district split — one year of which does not add up, as real sheets often don't.
 */
async function seedInspectionAndIndicators(
  em: EntityManager,
  ctx: { coordinator: UserEntity; inspector: UserEntity; departments: DepartmentEntity[]; now: Date },
): Promise<void> {
  const byCode = (code: string) => ctx.departments.find((d) => d.code === code) ?? null;
  const plans = await em.find(PlanEntity, { order: { createdAt: 'ASC' } });
  const teamNames = ['产业转移专题检查组', '技术改造专题检查组', '节能减排专题检查组'];
  const teamLeads = ['jxw', 'kjt', 'fgw'];
  const teams: Array<{ id: string }> = [];
  for (const [i, name] of teamNames.entries()) {
    const team = await em.save(em.create(InspectionTeamEntity, { planId: plans[0]?.id ?? null, name, leadDepartmentId: byCode(teamLeads[i])?.id ?? null }));
    await em.insert(InspectionTeamMemberEntity, { teamId: team.id, userId: ctx.inspector.id });
    teams.push(team);
  }
  const awaiting = await em.find(TaskEntity, { where: { stage: 'INSPECTION' }, order: { sortKey: 'ASC' } });
  for (const [i, task] of awaiting.entries()) {
    const team = teams[i % teams.length];
    await em.query(`INSERT INTO inspection_team_coverage (team_id, task_id) VALUES ($1, $2)`, [team.id, task.id]);
    await em.insert(InspectionEntity, {
      taskId: task.id,
      teamId: team.id,
      scheduledOn: new Date(ctx.now.getTime() + ((i % 10) - 3) * 86_400_000).toISOString().slice(0, 10),
      visitedOn: null,
      conclusion: null,
      createdBy: ctx.coordinator.id,
    });
  }
  // Graded tasks get a score for last quarter, so the ranking has something to rank.
  const graded = await em.find(TaskEntity, { where: { stage: 'COMMENDATION' } });
  const period = periodOf(new Date(ctx.now.getTime() - 92 * 86_400_000).toISOString().slice(0, 10), 'QUARTER');
  for (const [i, task] of graded.entries()) {
    const outcome = task.snapshot.context.outcome;
    const score = outcome === 'COMMENDED' ? 93 - (i % 3) : outcome === 'WARNED' ? 58 + (i % 4) : 70 + ((i * 7) % 18);
    await em.insert(AssessmentEntity, { taskId: task.id, departmentId: task.leadDepartmentId, period, score: String(score), grade: gradeOf(score), comment: null, assessedBy: ctx.coordinator.id });
  }
  // Indicators of the three-year plan (004 附件1 style) with a split across towns (附件2 style).
  const threeYear = plans.find((p) => /三年行动计划/.test(p.title)) ?? plans.at(-1);
  if (!threeYear) return;
  const year = ctx.now.getFullYear();
  const towns = ctx.departments.filter((d) => d.level === 'town').slice(0, 5);
  const indicators = [
    { name: '规模以上工业增加值', unit: '亿元', baseline: 1150, targets: [1230, 1320, 1420], split: [0.3, 0.25, 0.2, 0.15, 0.1] },
    { name: '工业投资', unit: '亿元', baseline: 300, targets: [330, 360, 400], split: [0.3, 0.25, 0.2, 0.15, 0.05] },
    { name: '高新技术企业', unit: '家', baseline: 420, targets: [500, 600, 720], split: [0.3, 0.2, 0.2, 0.2, 0.1] },
  ];
  for (const [position, ind] of indicators.entries()) {
    const targets = Object.fromEntries(ind.targets.map((v, k) => [String(year - 1 + k), v]));
    const saved = await em.save(
      em.create(IndicatorEntity, { planId: threeYear.id, taskId: null, name: ind.name, unit: ind.unit, baselineYear: year - 2, baselineValue: String(ind.baseline), targets, summaryGoal: `${year + 1}年达到${ind.targets[2]}${ind.unit}`, position }),
    );
    const thisYearTarget = ind.targets[1];
    for (const [k, town] of towns.entries()) {
      await em.insert(IndicatorAllocationEntity, { indicatorId: saved.id, departmentId: town.id, year, value: String(Math.round(thisYearTarget * ind.split[k])) });
    }
  }
  await em.query(`UPDATE plan SET starts_on = $2, ends_on = $3 WHERE id = $1`, [threeYear.id, `${year - 1}-01-01`, `${year + 1}-12-31`]);
}

const offsetDate = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
const offsetDateTime = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000);

async function insertTask(
  em: EntityManager,
  t: {
    planId: string;
    code: string;
    title: string;
    description: string;
    lead: DepartmentEntity;
    cooperating: DepartmentEntity[];
    dueDate: string;
    origin: TaskOrigin;
    creator: UserEntity;
    path: Step[];
    actors: Record<Step[1], Actor>;
    /** Who files the lead department's progress report (its staff, if it has any). */
    reporter: UserEntity | null;
    startedAt: Date;
  },
): Promise<void> {
  let snapshot: TaskSnapshot = startTask({ leadDepartmentId: t.lead.id, cooperatingDepartmentIds: t.cooperating.map((c) => c.id), origin: t.origin });
  const history: Array<Partial<TaskTransitionEntity>> = [
    {
      event: t.origin === 'ASSIGNED' ? 'ASSIGN' : 'PROPOSE',
      fromStage: null,
      toStage: stageOf(snapshot.value),
      fromState: null,
      toState: snapshot.value,
      actorId: t.creator.id,
      actorRole: t.creator.role,
      comment: null,
      version: 1,
      at: t.startedAt,
    },
  ];
  // The record the machine's preconditions look at, written as the story goes.
  const facts: TaskFacts = { progressReports: 0, unverifiedFindings: 0, unverifiedMajorFindings: 0 };
  const records: Array<(taskId: string) => Promise<void>> = [];
  for (const [type, who, comment] of t.path) {
    const at = new Date(t.startedAt.getTime() + history.length * 3 * 86_400_000);
    if (type === 'REQUEST_INSPECTION' && facts.progressReports === 0 && t.reporter) {
      facts.progressReports++;
      const reporter = t.reporter;
      records.push((taskId) =>
        em.insert(ProgressReportEntity, {
          taskId,
          departmentId: t.lead.id,
          period: periodOf(at.toISOString().slice(0, 10), 'QUARTER'),
          narrative: '按方案要求推进，已完成阶段性目标，相关项目有序实施。',
          problems: '部分项目用地指标紧张，需协调解决。',
          status: 'ON_TRACK',
          submittedBy: reporter.id,
          submittedAt: at,
        }).then(() => undefined),
      );
    }
    if (type === 'REQUIRE_RECTIFICATION') {
      facts.unverifiedFindings++;
      facts.unverifiedMajorFindings++;
      const inspector = t.actors.inspector;
      records.push(async (taskId) => {
        const finding = await em.save(
          em.create(FindingEntity, {
            taskId,
            inspectionId: null,
            severity: 'MAJOR',
            description: '现场检查发现项目推进滞后于序时进度，工作台账不完整。',
            rectificationDeadline: new Date(at.getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
            status: 'OPEN',
            version: 1,
            createdBy: inspector.userId,
          }),
        );
        await em.insert(FindingEventEntity, { findingId: finding.id, event: 'LOG', fromStatus: null, toStatus: 'OPEN', actorId: inspector.userId, actorRole: 'INSPECTOR', comment: null, at });
      });
    }
    const decision = decideTransition(snapshot, { type, actor: t.actors[who], comment: comment ?? null, facts });
    if (!decision.ok) break; // e.g. a task led by a catch-all group has no staff to submit it
    history.push({
      event: type,
      fromStage: decision.fromStage,
      toStage: decision.toStage,
      fromState: snapshot.value,
      toState: decision.next.value,
      actorId: t.actors[who].userId,
      actorRole: t.actors[who].role,
      comment: comment ?? null,
      version: history.length + 1,
      at,
    });
    snapshot = decision.next;
  }
  const task = await em.save(
    em.create(TaskEntity, {
      planId: t.planId,
      code: t.code,
      sortKey: taskSortKey(t.code),
      title: t.title,
      description: t.description,
      leadDepartmentId: t.lead.id,
      dueDate: t.dueDate,
      origin: t.origin,
      stage: stageOf(snapshot.value),
      snapshot: persistTaskSnapshot(snapshot),
      version: history.length,
      createdBy: t.creator.id,
    }),
  );
  if (t.cooperating.length) {
    await em.insert(TaskCooperatingDepartmentEntity, t.cooperating.map((d, position) => ({ taskId: task.id, departmentId: d.id, position })));
  }
  await em.insert(TaskTransitionEntity, history.map((h) => ({ ...h, taskId: task.id, idempotencyKey: null })));
  for (const record of records) await record(task.id);
}

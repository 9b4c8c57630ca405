import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isIsoDate } from '@workplan/shared';
import { DataSource, In } from 'typeorm';
import { badInput, forbidden, notFound } from '../common/errors';
import { requireText, requireUuid } from '../common/validate';
import { DepartmentEntity } from '../department/department.entity';
import { DepartmentModel } from '../department/department.model';
import { TaskEntity } from '../task/task.entity';
import { UserEntity } from '../user/user.entity';
import { InspectionEntity, InspectionTeamEntity, InspectionTeamMemberEntity } from './inspection.entity';
import type { CreateInspectionTeamInput, InspectionModel, InspectionTeamModel, RecordInspectionVisitInput, ScheduleInspectionInput } from './inspection.model';

const requireDate = (value: string, field: string) => {
  if (!isIsoDate(value)) throw badInput(`${field} must be a date like 2026-05-10`, field);
  return value;
};

/** Inspection teams and their visits. Coordinators organise; inspectors schedule and record their own visits. */
@Injectable()
export class InspectionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async createTeam(input: CreateInspectionTeamInput, user: UserEntity): Promise<InspectionTeamModel> {
    if (user.role !== 'COORDINATOR') throw forbidden('Coordinators organise inspection teams');
    const name = requireText(input.name, 'name', 200, true);
    const memberIds = input.memberIds.map((id) => requireUuid(id, 'memberIds'));
    const taskIds = input.taskIds.map((id) => requireUuid(id, 'taskIds'));
    const regionIds = input.regionIds.map((id) => requireUuid(id, 'regionIds'));
    const team = await this.dataSource.transaction(async (em) => {
      const members = await em.findBy(UserEntity, { id: In(memberIds) });
      if (members.length !== new Set(memberIds).size) throw badInput('a member does not exist', 'memberIds');
      if (members.some((m) => m.role !== 'INSPECTOR' && m.role !== 'COORDINATOR')) throw badInput('team members must be inspectors or coordinators', 'memberIds');
      const saved = await em.save(
        em.create(InspectionTeamEntity, {
          planId: input.planId ? requireUuid(input.planId, 'planId') : null,
          name,
          leadDepartmentId: input.leadDepartmentId ? requireUuid(input.leadDepartmentId, 'leadDepartmentId') : null,
        }),
      );
      if (memberIds.length) await em.insert(InspectionTeamMemberEntity, [...new Set(memberIds)].map((userId) => ({ teamId: saved.id, userId })));
      for (const taskId of new Set(taskIds)) await em.query(`INSERT INTO inspection_team_coverage (team_id, task_id) VALUES ($1, $2)`, [saved.id, taskId]);
      for (const regionId of new Set(regionIds)) await em.query(`INSERT INTO inspection_team_coverage (team_id, region_id) VALUES ($1, $2)`, [saved.id, regionId]);
      return saved;
    });
    return (await this.teamModels([team]))[0];
  }

  async teams(planId: string | null): Promise<InspectionTeamModel[]> {
    const teams = await this.dataSource.manager.find(InspectionTeamEntity, { where: planId ? { planId: requireUuid(planId, 'planId') } : {}, order: { createdAt: 'ASC' } });
    return this.teamModels(teams);
  }

  async schedule(input: ScheduleInspectionInput, user: UserEntity): Promise<InspectionModel> {
    if (user.role !== 'COORDINATOR' && user.role !== 'INSPECTOR') throw forbidden('Coordinators and inspectors schedule inspections');
    const taskId = requireUuid(input.taskId, 'taskId');
    const teamId = input.teamId ? requireUuid(input.teamId, 'teamId') : null;
    const scheduledOn = requireDate(input.scheduledOn, 'scheduledOn');
    const task = await this.dataSource.manager.findOneBy(TaskEntity, { id: taskId });
    if (!task) throw notFound('Task', taskId);
    if (teamId && !(await this.dataSource.manager.existsBy(InspectionTeamEntity, { id: teamId }))) throw notFound('Inspection team', teamId);
    const saved = await this.dataSource.manager.save(this.dataSource.manager.create(InspectionEntity, { taskId, teamId, scheduledOn, visitedOn: null, conclusion: null, createdBy: user.id }));
    return (await this.inspectionModels([saved]))[0];
  }

  async recordVisit(input: RecordInspectionVisitInput, user: UserEntity): Promise<InspectionModel> {
    if (user.role !== 'INSPECTOR' && user.role !== 'COORDINATOR') throw forbidden('Inspectors record their visits');
    const id = requireUuid(input.inspectionId, 'inspectionId');
    const inspection = await this.dataSource.manager.findOneBy(InspectionEntity, { id });
    if (!inspection) throw notFound('Inspection', id);
    inspection.visitedOn = requireDate(input.visitedOn, 'visitedOn');
    inspection.conclusion = requireText(input.conclusion, 'conclusion', 10000);
    await this.dataSource.manager.update(InspectionEntity, { id }, { visitedOn: inspection.visitedOn, conclusion: inspection.conclusion });
    return (await this.inspectionModels([inspection]))[0];
  }

  async forTask(taskId: string): Promise<InspectionModel[]> {
    return this.inspectionModels(await this.dataSource.manager.find(InspectionEntity, { where: { taskId: requireUuid(taskId, 'taskId') }, order: { scheduledOn: 'ASC' } }));
  }

  /**
   * An inspector's work list: visits of the teams they belong to, plus every task waiting in
   * INSPECTION that has no visit yet (so nothing waits unseen).
   */
  async mine(user: UserEntity): Promise<InspectionModel[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT i.id FROM inspection i
        LEFT JOIN inspection_team_member m ON m.team_id = i.team_id AND m.user_id = $1
        WHERE m.user_id IS NOT NULL OR i.created_by = $1 OR i.team_id IS NULL
        ORDER BY i.visited_on NULLS FIRST, i.scheduled_on`,
      [user.id],
    );
    const inspections = rows.length ? await this.dataSource.manager.findBy(InspectionEntity, { id: In(rows.map((r) => r.id)) }) : [];
    const order = new Map(rows.map((r, i) => [r.id, i]));
    inspections.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return this.inspectionModels(inspections);
  }

  private async inspectionModels(inspections: InspectionEntity[]): Promise<InspectionModel[]> {
    if (!inspections.length) return [];
    const tasks = new Map((await this.dataSource.manager.findBy(TaskEntity, { id: In([...new Set(inspections.map((i) => i.taskId))]) })).map((t) => [t.id, t]));
    const teamIds = [...new Set(inspections.map((i) => i.teamId).filter((id): id is string => id !== null))];
    const teams = new Map(teamIds.length ? (await this.dataSource.manager.findBy(InspectionTeamEntity, { id: In(teamIds) })).map((t) => [t.id, t.name]) : []);
    return inspections.map((i) => {
      const task = tasks.get(i.taskId)!;
      return {
        id: i.id,
        taskId: i.taskId,
        taskCode: task.code,
        taskTitle: task.title,
        taskStage: task.stage,
        teamId: i.teamId,
        teamName: i.teamId ? (teams.get(i.teamId) ?? null) : null,
        scheduledOn: i.scheduledOn,
        visitedOn: i.visitedOn,
        conclusion: i.conclusion,
      };
    });
  }

  private async teamModels(teams: InspectionTeamEntity[]): Promise<InspectionTeamModel[]> {
    if (!teams.length) return [];
    const ids = teams.map((t) => t.id);
    const members: Array<{ team_id: string; id: string; name: string }> = await this.dataSource.query(
      `SELECT m.team_id, u.id, u.name FROM inspection_team_member m JOIN app_user u ON u.id = m.user_id WHERE m.team_id = ANY($1::uuid[]) ORDER BY u.name`,
      [ids],
    );
    const coverage: Array<{ team_id: string; task_id: string | null; region_id: string | null }> = await this.dataSource.query(
      `SELECT team_id, task_id, region_id FROM inspection_team_coverage WHERE team_id = ANY($1::uuid[])`,
      [ids],
    );
    const departmentIds = [...new Set([...teams.map((t) => t.leadDepartmentId), ...coverage.map((c) => c.region_id)].filter((id): id is string => id !== null))];
    const departments = new Map(departmentIds.length ? (await this.dataSource.manager.findBy(DepartmentEntity, { id: In(departmentIds) })).map((d) => [d.id, DepartmentModel.from(d)]) : []);
    return teams.map((t) => ({
      id: t.id,
      planId: t.planId,
      name: t.name,
      leadDepartment: t.leadDepartmentId ? (departments.get(t.leadDepartmentId) ?? null) : null,
      members: members.filter((m) => m.team_id === t.id).map((m) => ({ id: m.id, name: m.name })),
      taskIds: coverage.filter((c) => c.team_id === t.id && c.task_id).map((c) => c.task_id!),
      regions: coverage.filter((c) => c.team_id === t.id && c.region_id).map((c) => departments.get(c.region_id!)!),
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isIsoDate,
  parsePlan,
  persistTaskSnapshot,
  resolveDepartment,
  stageOf,
  startTask,
  taskSortKey,
  type ParsedPlan,
} from '@workplan/shared';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { openAssignments } from '../assignment/open-assignments';
import { badInput, forbidden, notFound } from '../common/errors';
import { DepartmentEntity, type DepartmentLevel } from '../department/department.entity';
import { IndicatorAllocationEntity, IndicatorEntity } from '../indicator/indicator.entity';
import { PlanEntity } from '../plan/plan.entity';
import { TaskCooperatingDepartmentEntity, TaskEntity } from '../task/task.entity';
import { TaskTransitionEntity } from '../task/task-transition.entity';
import type { UserEntity } from '../user/user.entity';
import { matchDepartments, type DepartmentMatch } from './department-match';

export interface ImportOutcome {
  parsed: ParsedPlan;
  departments: Array<DepartmentMatch & { group: boolean }>;
  planId: string | null;
  alreadyImported: boolean;
}

/** Catch-alls (各镇区, 各地级以上市人民政府) are groups, not units that act. */
const isGroupName = (name: string) => resolveDepartment(name)?.level === 'group' || /^各/.test(name) || name === UNASSIGNED;

/** Who answers for a task the document names no unit for. */
export const UNASSIGNED = '待明确责任单位';

/**
 * The unit that leads a task: the first listed, else the first group; a task naming nobody goes to
 * the issuing office (it drafted the plan and must assign it), or to a placeholder group if the
 * document has no issuer. Never dropped: the coordinator sees it on the board and can reassign it.
 */
export function leadOf(task: ParsedPlan['tasks'][number], parsed: ParsedPlan): string {
  return task.leadDepartments[0] ?? task.groups[0] ?? parsed.plan.issuer ?? UNASSIGNED;
}

/** Every department name the parsed document mentions (and the fallback leads), in first-seen order. */
export function namesIn(parsed: ParsedPlan): string[] {
  const names: string[] = [];
  for (const t of parsed.tasks) names.push(leadOf(t, parsed), ...t.leadDepartments, ...t.cooperatingDepartments, ...t.groups);
  for (const i of parsed.indicators) names.push(...i.allocations.map((a) => a.department));
  return [...new Set(names)];
}

export const documentSha256 = (text: string) => createHash('sha256').update(text.replace(/\r\n?/g, '\n').trim()).digest('hex');

/**
 * From a plan document to a populated board: preview what the parser found (and which departments
 * are new), then create the plan, its departments, tasks and indicators in one transaction.
 * The same document twice finds the first plan instead of duplicating it.
 */
@Injectable()
export class PlanImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async preview(text: string): Promise<ImportOutcome> {
    const parsed = this.parse(text);
    const existing = await this.dataSource.query(`SELECT id FROM plan WHERE source_sha256 = $1`, [documentSha256(text)]);
    return { parsed, departments: await this.match(this.dataSource.manager, parsed), planId: existing[0]?.id ?? null, alreadyImported: existing.length > 0 };
  }

  /** `actor` null is the command line, which imports as the system. */
  async commit(text: string, fileName: string, choices: ReadonlyArray<{ name: string; departmentId?: string | null }>, actor: UserEntity | null): Promise<ImportOutcome> {
    if (actor && actor.role !== 'COORDINATOR') throw forbidden('Coordinators import plans');
    const parsed = this.parse(text);
    const sha = documentSha256(text);
    return this.dataSource.transaction(async (em) => {
      // Two coordinators importing the same file at once: the second waits, then finds the first's plan.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [sha]);
      const departments = await this.match(em, parsed);
      const [found] = await em.query(`SELECT id FROM plan WHERE source_sha256 = $1`, [sha]);
      if (found) return { parsed, departments, planId: found.id, alreadyImported: true };

      const idByName = await this.resolveDepartments(em, departments, choices);
      const plan = await em.save(
        em.create(PlanEntity, {
          title: parsed.plan.title ?? fileName.replace(/\.[^.]+$/, ''),
          issuer: parsed.plan.issuer,
          docNumber: parsed.plan.docNumber,
          issuedAt: parsed.plan.issuedAt && isIsoDate(parsed.plan.issuedAt) ? parsed.plan.issuedAt : null,
          sourceSha256: sha,
          sourceFileName: fileName.slice(0, 255),
        }),
      );
      await this.createTasks(em, plan.id, parsed, idByName, actor);
      await this.createIndicators(em, plan.id, parsed, idByName);
      return { parsed, departments, planId: plan.id, alreadyImported: false };
    });
  }

  private parse(text: string): ParsedPlan {
    if (!text.trim()) throw badInput('The document is empty', 'text');
    if (text.length > 2_000_000) throw badInput('The document is longer than 2,000,000 characters', 'text');
    const parsed = parsePlan(text);
    if (parsed.tasks.length === 0) throw badInput('No numbered tasks with responsible departments were found in this document', 'text');
    return parsed;
  }

  private async match(em: EntityManager, parsed: ParsedPlan) {
    const known: Array<{ id: string; code: string; name: string }> = await em.query(`SELECT id, code, name FROM department`);
    return matchDepartments(namesIn(parsed), known).map((m) => ({ ...m, group: isGroupName(m.name) }));
  }

  /** Every name to an id: the coordinator's choice, else the match found, else a new department. */
  private async resolveDepartments(em: EntityManager, matches: DepartmentMatch[], choices: ReadonlyArray<{ name: string; departmentId?: string | null }>): Promise<Map<string, string>> {
    const chosen = new Map(choices.map((c) => [c.name, c.departmentId ?? null]));
    const ids = new Map<string, string>();
    for (const match of matches) {
      const choice = chosen.get(match.name);
      if (choice) {
        const [exists] = await em.query(`SELECT id FROM department WHERE id = $1`, [choice]);
        if (!exists) throw notFound('Department', choice);
        ids.set(match.name, choice);
        continue;
      }
      if (match.existing && !chosen.has(match.name)) {
        ids.set(match.name, match.existing.id);
        continue;
      }
      const entry = resolveDepartment(match.name);
      const level: DepartmentLevel = isGroupName(match.name) ? 'group' : (entry?.level ?? (match.name.startsWith('市') ? 'city' : 'province'));
      const codeTaken = async (code: string) => (await em.query(`SELECT 1 FROM department WHERE code = $1`, [code])).length > 0;
      let code = entry && entry.name === match.name && !(await codeTaken(entry.code)) ? entry.code : `imp-${createHash('sha1').update(match.name).digest('hex').slice(0, 10)}`;
      if (await codeTaken(code)) code = `${code}-${ids.size}`;
      const created = await em.save(em.create(DepartmentEntity, { code, name: match.name.slice(0, 200), level, parentId: null }));
      ids.set(match.name, created.id);
    }
    return ids;
  }

  private async createTasks(em: EntityManager, planId: string, parsed: ParsedPlan, idByName: Map<string, string>, actor: UserEntity | null): Promise<void> {
    const seen = new Set<string>();
    const created: string[] = [];
    for (const item of parsed.tasks) {
      const leadId = idByName.get(leadOf(item, parsed))!;
      const cooperatingIds = [...new Set([...item.leadDepartments.slice(1), ...item.cooperatingDepartments, ...item.groups].map((n) => idByName.get(n)!))].filter((id) => id !== leadId);
      const origin = item.startStage === 'IMPLEMENTATION' ? 'ASSIGNED' : 'PROPOSED';
      const snapshot = startTask({ leadDepartmentId: leadId, cooperatingDepartmentIds: cooperatingIds, origin });
      const code = seen.has(item.code) ? `${item.code}-${seen.size}` : item.code;
      seen.add(code);
      const task = await em.save(
        em.create(TaskEntity, {
          planId,
          code,
          sortKey: taskSortKey(code),
          title: item.title.slice(0, 500),
          description: [item.text !== item.title ? item.text : null, item.section ? `所属部分：${item.section}` : null].filter(Boolean).join('\n\n'),
          leadDepartmentId: leadId,
          dueDate: item.deadline && isIsoDate(item.deadline) ? item.deadline : null,
          origin,
          stage: stageOf(snapshot.value),
          snapshot: persistTaskSnapshot(snapshot),
          version: 1,
          createdBy: actor?.id ?? null,
        }),
      );
      if (cooperatingIds.length) {
        await em.insert(TaskCooperatingDepartmentEntity, cooperatingIds.map((departmentId, position) => ({ taskId: task.id, departmentId, position })));
      }
      await em.insert(TaskTransitionEntity, {
        taskId: task.id,
        event: origin === 'ASSIGNED' ? 'ASSIGN' : 'PROPOSE',
        fromStage: null,
        toStage: task.stage,
        fromState: null,
        toState: snapshot.value,
        actorId: actor?.id ?? null,
        actorRole: actor?.role ?? null,
        comment: '由方案文件导入',
        version: 1,
        idempotencyKey: null,
      });
      created.push(task.id);
    }
    // Each responsible unit's own record (an import makes new tasks only: their units never change after).
    await openAssignments(em, created);
  }

  private async createIndicators(em: EntityManager, planId: string, parsed: ParsedPlan, idByName: Map<string, string>): Promise<void> {
    for (const [position, indicator] of parsed.indicators.entries()) {
      const saved = await em.save(
        em.create(IndicatorEntity, {
          planId,
          taskId: null,
          name: indicator.name.slice(0, 300),
          unit: indicator.unit.slice(0, 40),
          baselineYear: indicator.baseline?.year ?? null,
          baselineValue: indicator.baseline ? String(indicator.baseline.value) : null,
          targets: indicator.targets,
          summaryGoal: indicator.summaryGoal,
          position,
        }),
      );
      const rows = indicator.allocations.filter((a) => idByName.has(a.department));
      const unique = new Map(rows.map((a) => [`${idByName.get(a.department)}:${a.year}`, a]));
      if (unique.size) {
        await em.insert(IndicatorAllocationEntity, [...unique.values()].map((a) => ({ indicatorId: saved.id, departmentId: idByName.get(a.department)!, year: a.year, value: String(a.value) })));
      }
    }
  }
}

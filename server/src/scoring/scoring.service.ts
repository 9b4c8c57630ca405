import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkScoringRules,
  DEFAULT_SCORING_RULES,
  PLAN_TIME_ZONE,
  periodRange,
  rankDepartments,
  scoreDepartments,
  todayIn,
  type ScoreEvent,
  type ScoringRules,
} from '@workplan/shared';
import { DataSource } from 'typeorm';
import { checkPeriod } from '../assessment/assessment.service';
import { badInput, notFound } from '../common/errors';
import { requireUuid } from '../common/validate';
import { DepartmentModel } from '../department/department.model';
import type { DepartmentScoreCardModel } from './scoring.model';

interface PlanRow {
  id: string;
  commend_count: number;
  warn_count: number;
  scoring_rules: ScoringRules | null;
}

/**
 * Supervision scores per plan and period: what happened to each department's work (returns,
 * reminders, work finished on time, leaders' praise) scored by the plan's rules and ranked, the
 * top commended and the bottom warned. Everything is read from the records the work left.
 */
@Injectable()
export class ScoringService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rules(planId: string): Promise<ScoringRules> {
    return (await this.plan(planId)).scoring_rules ?? DEFAULT_SCORING_RULES;
  }

  async setRules(planId: string, rules: ScoringRules): Promise<ScoringRules> {
    const plan = await this.plan(planId);
    const refused = checkScoringRules(rules);
    if (refused) throw badInput(refused.message, `rules.${refused.field}`);
    const clean: ScoringRules = {
      base: rules.base,
      returnPenalties: [...rules.returnPenalties],
      yellowCard: rules.yellowCard,
      redCard: rules.redCard,
      finishedOnTime: rules.finishedOnTime,
      positiveInstruction: rules.positiveInstruction,
    };
    await this.dataSource.query(`UPDATE plan SET scoring_rules = $2 WHERE id = $1`, [plan.id, JSON.stringify(clean)]);
    return clean;
  }

  async scoreCards(planId: string, period: string): Promise<DepartmentScoreCardModel[]> {
    const plan = await this.plan(planId);
    const { start, end } = periodRange(checkPeriod(period));
    const rules = plan.scoring_rules ?? DEFAULT_SCORING_RULES;
    const departments: Array<{ id: string; code: string; name: string; level: DepartmentModel['level']; parent_id: string | null }> = await this.dataSource.query(
      `SELECT d.id, d.code, d.name, d.level, d.parent_id FROM department d
        WHERE d.level <> 'group'
          AND (d.id IN (SELECT lead_department_id FROM task WHERE plan_id = $1)
           OR d.id IN (SELECT c.department_id FROM task_cooperating_department c JOIN task t ON t.id = c.task_id WHERE t.plan_id = $1))
        ORDER BY d.code`,
      [plan.id],
    );
    const events = (await Promise.all([this.returns(plan.id, start, end), this.finishedOnTime(plan.id, start, end)])).flat();
    const cards = scoreDepartments(departments.map((d) => d.id), events, rules);
    const ranked = new Map(
      rankDepartments({ scores: cards.map(({ departmentId, score }) => ({ departmentId, score })), commendCount: plan.commend_count, warnCount: plan.warn_count }).map((r) => [r.departmentId, r]),
    );
    const byId = new Map(departments.map((d) => [d.id, Object.assign(new DepartmentModel(), { id: d.id, code: d.code, name: d.name, level: d.level, parentId: d.parent_id })]));
    return cards
      .map((card) => {
        const r = ranked.get(card.departmentId)!;
        return {
          department: byId.get(card.departmentId)!,
          score: card.score,
          deductions: card.deductions,
          additions: card.additions,
          rank: r.rank,
          grade: r.grade,
          commended: r.commended,
          warned: r.warned,
          items: card.items.map((i) => ({ kind: i.kind, points: i.points, taskId: i.taskId, taskCode: i.taskCode, on: i.on, nth: i.nth ?? null })),
        };
      })
      .sort((a, b) => a.rank - b.rank || a.department.code.localeCompare(b.department.code));
  }

  /** Returns (RETURN) in the period, each counted among all of its task's returns so far; charged to the lead department. */
  private async returns(planId: string, start: string, end: string): Promise<ScoreEvent[]> {
    const rows: Array<{ task_id: string; code: string; lead: string; at: Date; nth: number }> = await this.dataSource.query(
      `SELECT h.task_id, t.code, t.lead_department_id AS lead, h.at, h.nth
         FROM (SELECT task_id, at, event, row_number() OVER (PARTITION BY task_id ORDER BY at, id)::int AS nth
                 FROM task_transition WHERE event = 'RETURN' AND task_id IN (SELECT id FROM task WHERE plan_id = $1)) h
         JOIN task t ON t.id = h.task_id
        WHERE h.at >= ($2::date)::timestamp AT TIME ZONE $4 AND h.at < ($3::date + 1)::timestamp AT TIME ZONE $4`,
      [planId, start, end, PLAN_TIME_ZONE],
    );
    return rows.map((r) => ({ departmentId: r.lead, kind: 'RETURN', taskId: r.task_id, taskCode: r.code, on: todayIn(undefined, new Date(r.at)), nth: r.nth }));
  }

  /**
   * Tasks whose implementation ended (they went to inspection) in the period by their deadline:
   * +1 for each responsible unit, the lead and every cooperating one.
   */
  private async finishedOnTime(planId: string, start: string, end: string): Promise<ScoreEvent[]> {
    const rows: Array<{ id: string; code: string; due: string | null; finished: Date; units: string[] }> = await this.dataSource.query(
      `SELECT t.id, t.code, t.due_date::text AS due, f.finished,
              ARRAY[t.lead_department_id::text] || ARRAY(SELECT c.department_id::text FROM task_cooperating_department c WHERE c.task_id = t.id ORDER BY c.position) AS units
         FROM task t
         JOIN (SELECT task_id, min(at) AS finished FROM task_transition WHERE to_stage = 'INSPECTION' GROUP BY task_id) f ON f.task_id = t.id
        WHERE t.plan_id = $1
          AND f.finished >= ($2::date)::timestamp AT TIME ZONE $4 AND f.finished < ($3::date + 1)::timestamp AT TIME ZONE $4`,
      [planId, start, end, PLAN_TIME_ZONE],
    );
    return rows.flatMap((r) => {
      const on = todayIn(undefined, new Date(r.finished));
      if (r.due !== null && on > r.due) return [];
      return r.units.map((departmentId): ScoreEvent => ({ departmentId, kind: 'FINISHED_ON_TIME', taskId: r.id, taskCode: r.code, on }));
    });
  }

  private async plan(planId: string): Promise<PlanRow> {
    const id = requireUuid(planId, 'planId');
    const [plan] = (await this.dataSource.query(`SELECT id, commend_count, warn_count, scoring_rules FROM plan WHERE id = $1`, [id])) as PlanRow[];
    if (!plan) throw notFound('Plan', planId);
    return plan;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkScoringRules,
  DEFAULT_SCORING_RULES,
  PLAN_TIME_ZONE,
  periodOf,
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
import type { OutcomeSuggestionModel } from './outcome-suggestion';

/** How long a plan's current scores are reused for suggestions (a board's commendation column asks per card). */
const SUGGESTION_TTL_MS = 30_000;

/** A timestamp column within the period's days in the plan's time zone ($2 first day, $3 last day, $4 the zone). */
const IN_PERIOD = (column: string) => `${column} >= ($2::date)::timestamp AT TIME ZONE $4 AND ${column} < ($3::date + 1)::timestamp AT TIME ZONE $4`;

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
  private readonly current = new Map<string, { until: number; cards: Promise<DepartmentScoreCardModel[]>; period: string }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Feeds the commendation stage: COMMEND when the task's lead unit ranks among the plan's
   * commended this period, WARN among its warned. The plan's scores are worked out once per 30 s
   * and shared by every card that asks.
   */
  async suggestOutcome(planId: string, leadDepartmentId: string): Promise<OutcomeSuggestionModel | null> {
    let entry = this.current.get(planId);
    if (!entry || entry.until < Date.now()) {
      const [plan] = (await this.dataSource.query(`SELECT report_cadence FROM plan WHERE id = $1`, [planId])) as Array<{ report_cadence: 'QUARTER' | 'HALF_YEAR' | 'YEAR' }>;
      if (!plan) return null;
      const period = periodOf(todayIn(), plan.report_cadence);
      entry = { until: Date.now() + SUGGESTION_TTL_MS, cards: this.scoreCards(planId, period), period };
      entry.cards.catch(() => this.current.delete(planId));
      this.current.set(planId, entry);
    }
    const cards = await entry.cards;
    const mine = cards.find((c) => c.department.id === leadDepartmentId);
    if (!mine) return null;
    return { period: entry.period, rank: mine.rank, unitCount: cards.length, score: mine.score, event: mine.commended ? 'COMMEND' : mine.warned ? 'WARN' : null };
  }

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
    const range = [plan.id, start, end, PLAN_TIME_ZONE];
    const events = (
      await Promise.all([this.returns(range), this.unitReturns(range), this.cards(range), this.positiveInstructions(range), this.finishedOnTime(range)])
    ).flat();
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

  /** Returns (RETURN) of a task in the period, each counted among all of the task's returns so far; charged to the lead department. */
  private async returns(range: unknown[]): Promise<ScoreEvent[]> {
    const rows: Array<{ task_id: string; code: string; lead: string; at: Date; nth: number }> = await this.dataSource.query(
      `SELECT h.task_id, t.code, t.lead_department_id AS lead, h.at, h.nth
         FROM (SELECT task_id, at, event, row_number() OVER (PARTITION BY task_id ORDER BY at, id)::int AS nth
                 FROM task_transition WHERE event = 'RETURN' AND task_id IN (SELECT id FROM task WHERE plan_id = $1)) h
         JOIN task t ON t.id = h.task_id
        WHERE ${IN_PERIOD('h.at')}`,
      range,
    );
    return rows.map((r) => ({ departmentId: r.lead, kind: 'RETURN', taskId: r.task_id, taskCode: r.code, on: todayIn(undefined, new Date(r.at)), nth: r.nth }));
  }

  /** A unit's report returned for rework (退回) in the period, counted among that unit's returns on the task; charged to the unit. */
  private async unitReturns(range: unknown[]): Promise<ScoreEvent[]> {
    const rows: Array<{ task_id: string; code: string; department_id: string; at: Date; nth: number }> = await this.dataSource.query(
      `SELECT r.task_id, t.code, r.department_id, r.at, r.nth
         FROM (SELECT a.task_id, a.department_id, x.reviewed_at AS at,
                      row_number() OVER (PARTITION BY x.assignment_id ORDER BY x.reviewed_at, x.id)::int AS nth
                 FROM assignment_report x JOIN task_assignment a ON a.id = x.assignment_id
                WHERE x.review = 'RETURNED' AND a.task_id IN (SELECT id FROM task WHERE plan_id = $1)) r
         JOIN task t ON t.id = r.task_id
        WHERE ${IN_PERIOD('r.at')}`,
      range,
    );
    return rows.map((r) => ({ departmentId: r.department_id, kind: 'RETURN', taskId: r.task_id, taskCode: r.code, on: todayIn(undefined, new Date(r.at)), nth: r.nth }));
  }

  /** Reminders issued in the period: a first reminder (催办) is a yellow card, a supervision notice (督办通知单) a red one. */
  private async cards(range: unknown[]): Promise<ScoreEvent[]> {
    const rows: Array<{ task_id: string; code: string; department_id: string; level: 'REMINDER' | 'NOTICE'; on: string }> = await this.dataSource.query(
      `SELECT m.task_id, t.code, m.department_id, m.level, m.issued_on::text AS on
         FROM reminder m JOIN task t ON t.id = m.task_id
        WHERE t.plan_id = $1 AND m.issued_on BETWEEN $2::date AND $3::date`,
      range.slice(0, 3),
    );
    return rows.map((r) => ({ departmentId: r.department_id, kind: r.level === 'NOTICE' ? 'RED_CARD' : 'YELLOW_CARD', taskId: r.task_id, taskCode: r.code, on: r.on }));
  }

  /** Leaders' positive instructions (表扬性批示) issued in the period, to the lead department's credit. */
  private async positiveInstructions(range: unknown[]): Promise<ScoreEvent[]> {
    const rows: Array<{ task_id: string; code: string; lead: string; on: string }> = await this.dataSource.query(
      `SELECT i.task_id, t.code, t.lead_department_id AS lead, i.issued_on::text AS on
         FROM leader_instruction i JOIN task t ON t.id = i.task_id
        WHERE t.plan_id = $1 AND i.tone = 'POSITIVE' AND i.issued_on BETWEEN $2::date AND $3::date`,
      range.slice(0, 3),
    );
    return rows.map((r) => ({ departmentId: r.lead, kind: 'POSITIVE_INSTRUCTION', taskId: r.task_id, taskCode: r.code, on: r.on }));
  }

  /**
   * Units that finished their part in the period by the deadline they were first given (an
   * extension does not move it: task.original_due_date): +1 each. A unit has finished when its
   * report was passed, or when the whole task went on to inspection, whichever came first; a
   * unit that sent the task back took no part.
   */
  private async finishedOnTime(range: unknown[]): Promise<ScoreEvent[]> {
    const rows: Array<{ task_id: string; code: string; department_id: string; due: string | null; finished: Date }> = await this.dataSource.query(
      `SELECT * FROM (
         SELECT t.id AS task_id, t.code, a.department_id, coalesce(t.original_due_date, a.due_date, t.due_date)::text AS due,
                least((SELECT min(r.reviewed_at) FROM assignment_report r WHERE r.assignment_id = a.id AND r.review = 'PASSED'),
                      (SELECT min(h.at) FROM task_transition h WHERE h.task_id = t.id AND h.to_stage = 'INSPECTION')) AS finished
           FROM task_assignment a JOIN task t ON t.id = a.task_id
          WHERE t.plan_id = $1 AND a.status <> 'SENT_BACK') u
        WHERE ${IN_PERIOD('u.finished')}`,
      range,
    );
    return rows.flatMap((r) => {
      const on = todayIn(undefined, new Date(r.finished));
      return r.due !== null && on > r.due ? [] : [{ departmentId: r.department_id, kind: 'FINISHED_ON_TIME' as const, taskId: r.task_id, taskCode: r.code, on }];
    });
  }

  private async plan(planId: string): Promise<PlanRow> {
    const id = requireUuid(planId, 'planId');
    const [plan] = (await this.dataSource.query(`SELECT id, commend_count, warn_count, scoring_rules FROM plan WHERE id = $1`, [id])) as PlanRow[];
    if (!plan) throw notFound('Plan', planId);
    return plan;
  }
}

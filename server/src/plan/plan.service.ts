import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { badInput, notFound } from '../common/errors';
import { requireUuid } from '../common/validate';
import { PlanEntity } from './plan.entity';
import type { UpdatePlanSettingsInput } from './plan.model';

@Injectable()
export class PlanService {
  constructor(@InjectRepository(PlanEntity) private readonly plans: Repository<PlanEntity>) {}

  list(): Promise<PlanEntity[]> {
    return this.plans.find({ order: { issuedAt: 'DESC', title: 'ASC' } });
  }

  findById(id: string): Promise<PlanEntity | null> {
    return this.plans.findOneBy({ id });
  }

  /** The plan's rules as numbers (003): reporting cadence and due day, how many are commended and warned. */
  async updateSettings(input: UpdatePlanSettingsInput): Promise<PlanEntity> {
    const plan = await this.plans.findOneBy({ id: requireUuid(input.planId, 'planId') });
    if (!plan) throw notFound('Plan', input.planId);
    const count = (value: number | null | undefined, field: string, max: number) => {
      if (value === null || value === undefined) return undefined;
      if (!Number.isInteger(value) || value < 0 || value > max) throw badInput(`${field} must be a whole number from 0 to ${max}`, field);
      return value;
    };
    const changes = {
      reportCadence: input.reportCadence ?? undefined,
      taskVisibility: input.taskVisibility ?? undefined,
      reportDueOffsetDays: count(input.reportDueOffsetDays, 'reportDueOffsetDays', 90),
      commendCount: count(input.commendCount, 'commendCount', 100),
      warnCount: count(input.warnCount, 'warnCount', 100),
      lightDueSoonDays: count(input.lightRules?.dueSoonDays, 'lightRules.dueSoonDays', 60),
      lightWorkingDays: input.lightRules?.workingDays ?? undefined,
      lightPaceYellowPoints: count(input.lightRules?.paceYellowPoints, 'lightRules.paceYellowPoints', 100),
      lightPaceRedPoints: count(input.lightRules?.paceRedPoints, 'lightRules.paceRedPoints', 100),
      lightStaleDays: count(input.lightRules?.staleDays, 'lightRules.staleDays', 365),
      reminderAfterDays: count(input.escalationRules?.reminderAfterDays, 'escalationRules.reminderAfterDays', 60),
      noticeAfterDays: count(input.escalationRules?.noticeAfterDays, 'escalationRules.noticeAfterDays', 60),
    };
    if (changes.reminderAfterDays === 0) throw badInput('The first reminder comes at least one working day after the deadline', 'escalationRules.reminderAfterDays');
    if (changes.noticeAfterDays === 0) throw badInput('The notice comes at least one working day after the first reminder', 'escalationRules.noticeAfterDays');
    Object.assign(plan, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
    if (plan.lightPaceRedPoints < plan.lightPaceYellowPoints) throw badInput('The red margin cannot be smaller than the yellow one', 'lightRules.paceRedPoints');
    return this.plans.save(plan);
  }
}

import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { TaskVisibility } from '@workplan/shared';
import { ReportCadenceEnum, TaskVisibilityEnum } from '../common/graphql-enums';
import { EscalationRulesInput, EscalationRulesModel } from '../reminder/reminder.model';
import { LightRulesInput, LightRulesModel } from '../supervision/supervision.model';
import type { PlanEntity } from './plan.entity';

@ObjectType('Plan')
export class PlanModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) issuer: string | null;
  @Field(() => String, { nullable: true, description: '文号, e.g. 粤经信技改〔2011〕333号' }) docNumber: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) issuedAt: string | null;
  @Field(() => ReportCadenceEnum, { description: 'How often progress reports are due' }) reportCadence: string;
  @Field(() => Int, { description: 'Days after a period ends that its report is due' }) reportDueOffsetDays: number;
  @Field(() => Int, { description: 'How many departments the ranking proposes for commendation' }) commendCount: number;
  @Field(() => Int, { description: 'How many departments at the bottom get a yellow card' }) warnCount: number;
  @Field(() => TaskVisibilityEnum, { description: 'What department staff see of other departments’ tasks' }) taskVisibility: TaskVisibility;
  @Field(() => LightRulesModel) lightRules: LightRulesModel;
  @Field(() => EscalationRulesModel) escalationRules: EscalationRulesModel;

  static from(entity: PlanEntity): PlanModel {
    return Object.assign(new PlanModel(), {
      id: entity.id,
      title: entity.title,
      issuer: entity.issuer,
      docNumber: entity.docNumber,
      issuedAt: entity.issuedAt,
      reportCadence: entity.reportCadence,
      reportDueOffsetDays: entity.reportDueOffsetDays,
      commendCount: entity.commendCount,
      warnCount: entity.warnCount,
      taskVisibility: entity.taskVisibility,
      lightRules: {
        dueSoonDays: entity.lightDueSoonDays,
        workingDays: entity.lightWorkingDays,
        paceYellowPoints: entity.lightPaceYellowPoints,
        paceRedPoints: entity.lightPaceRedPoints,
        staleDays: entity.lightStaleDays,
      },
      escalationRules: { reminderAfterDays: entity.reminderAfterDays, noticeAfterDays: entity.noticeAfterDays },
    });
  }
}

@InputType()
export class UpdatePlanSettingsInput {
  @Field(() => ID) planId: string;
  @Field(() => ReportCadenceEnum, { nullable: true }) reportCadence?: 'QUARTER' | 'HALF_YEAR' | 'YEAR' | null;
  @Field(() => Int, { nullable: true }) reportDueOffsetDays?: number | null;
  @Field(() => Int, { nullable: true }) commendCount?: number | null;
  @Field(() => Int, { nullable: true }) warnCount?: number | null;
  @Field(() => TaskVisibilityEnum, { nullable: true }) taskVisibility?: TaskVisibility | null;
  @Field(() => LightRulesInput, { nullable: true }) lightRules?: LightRulesInput | null;
  @Field(() => EscalationRulesInput, { nullable: true }) escalationRules?: EscalationRulesInput | null;
}

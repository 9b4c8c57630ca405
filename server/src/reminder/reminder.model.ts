import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { REMINDER_LEVELS, REMINDER_ORIGINS, type ReminderLevel, type ReminderOrigin } from '@workplan/shared';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const ReminderLevelEnum = asEnum(REMINDER_LEVELS);
export const ReminderOriginEnum = asEnum(REMINDER_ORIGINS);
registerEnumType(ReminderLevelEnum, { name: 'ReminderLevel', description: 'REMINDER 催办 (first reminder), then NOTICE 督办通知单 (supervision notice)' });
registerEnumType(ReminderOriginEnum, { name: 'ReminderOrigin', description: 'AUTO by the plan’s escalation rules, MANUAL by a coordinator' });

/** A reminder slip as the drawer, the inbox and the printable slip show it. */
@ObjectType('Reminder', { description: 'A reminder (催办) or supervision notice (督办通知单) to a responsible unit: a logged event, signed for by the unit' })
export class ReminderModel {
  @Field(() => ID) id: string;
  @Field({ description: '单号, e.g. 督办〔2026〕第12号' }) number: string;
  @Field(() => ReminderLevelEnum) level: ReminderLevel;
  @Field(() => ID) taskId: string;
  @Field({ description: '工作事项: the task’s code' }) taskCode: string;
  @Field({ description: '工作事项: the task’s title' }) taskTitle: string;
  @Field(() => ID, { description: '责任单位' }) departmentId: string;
  @Field() departmentName: string;
  @Field(() => String, { nullable: true, description: '责任人: the unit’s leader(s) (单位负责人), null when the unit has none on record' }) responsiblePerson: string | null;
  @Field({ description: '工作要求' }) requirement: string;
  @Field({ description: '时限要求, YYYY-MM-DD' }) deadline: string;
  @Field(() => String, { nullable: true, description: 'The task’s deadline when the slip went out' }) taskDueDate: string | null;
  @Field(() => ReminderOriginEnum) origin: ReminderOrigin;
  @Field(() => String, { nullable: true, description: 'Who sent it by hand (null: the rules)' }) issuedByName: string | null;
  @Field({ description: 'The day it was issued, YYYY-MM-DD' }) issuedOn: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) signedAt: Date | null;
  @Field(() => String, { nullable: true }) signedByName: string | null;
}

@InputType()
export class RemindTaskInput {
  @Field(() => ID) taskId: string;
  @Field(() => ID, { description: 'The lead or a cooperating unit of the task' }) departmentId: string;
  @Field(() => ReminderLevelEnum) level: ReminderLevel;
  @Field({ description: '工作要求' }) requirement: string;
  @Field({ description: '时限要求, YYYY-MM-DD, today or later' }) deadline: string;
}

@ObjectType('EscalationRules', { description: 'When a plan’s reminders escalate by themselves, in working days' })
export class EscalationRulesModel {
  @Field(() => Int, { description: 'First reminder (催办) this many working days after the deadline (1: the working day after it)' }) reminderAfterDays: number;
  @Field(() => Int, { description: 'Supervision notice (督办通知单) this many working days after the first reminder' }) noticeAfterDays: number;
}

@InputType()
export class EscalationRulesInput {
  @Field(() => Int, { nullable: true }) reminderAfterDays?: number | null;
  @Field(() => Int, { nullable: true }) noticeAfterDays?: number | null;
}

import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LIGHTS, type CalendarDayKind, type Light, type LightReason } from '@workplan/shared';
import { TaskModel } from '../task/task.model';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const LightEnum = asEnum(LIGHTS);
export const LightReasonEnum = asEnum(['OVERDUE', 'DUE_SOON', 'BEHIND_PACE', 'FAR_BEHIND_PACE', 'REPORT_MISSED', 'STALE'] as const satisfies readonly LightReason[]);
export const CalendarDayKindEnum = asEnum(['HOLIDAY', 'WORKDAY'] as const satisfies readonly CalendarDayKind[]);
registerEnumType(LightEnum, { name: 'Light', description: 'A derived warning light: GREEN on course, YELLOW watch it, RED act' });
registerEnumType(LightReasonEnum, { name: 'LightReason' });
registerEnumType(CalendarDayKindEnum, { name: 'CalendarDayKind', description: 'HOLIDAY: a weekday off; WORKDAY: a weekend day worked (调休)' });

export type { Light };

@ObjectType('CalendarDay')
export class CalendarDayModel {
  @Field({ description: 'YYYY-MM-DD' }) date: string;
  @Field(() => CalendarDayKindEnum) kind: CalendarDayKind;
  @Field(() => String, { nullable: true }) name: string | null;
}

@InputType()
export class SetCalendarDayInput {
  @Field({ description: 'YYYY-MM-DD' }) date: string;
  @Field(() => CalendarDayKindEnum) kind: CalendarDayKind;
  @Field(() => String, { nullable: true }) name?: string | null;
}

@ObjectType('LightRules', { description: 'A plan’s rules for the warning lights' })
export class LightRulesModel {
  @Field(() => Int, { description: 'Yellow when the deadline is this close (0: off)' }) dueSoonDays: number;
  @Field({ description: 'Count days as working days (else calendar days)' }) workingDays: boolean;
  @Field(() => Int, { description: 'Yellow when this many points behind the expected pace' }) paceYellowPoints: number;
  @Field(() => Int, { description: 'Red beyond this many points behind' }) paceRedPoints: number;
  @Field(() => Int, { description: 'Urgent tasks with no update for this many days turn yellow (0: off)' }) staleDays: number;
}

@InputType()
export class LightRulesInput {
  @Field(() => Int, { nullable: true }) dueSoonDays?: number | null;
  @Field(() => Boolean, { nullable: true }) workingDays?: boolean | null;
  @Field(() => Int, { nullable: true }) paceYellowPoints?: number | null;
  @Field(() => Int, { nullable: true }) paceRedPoints?: number | null;
  @Field(() => Int, { nullable: true }) staleDays?: number | null;
}

@ObjectType('WatchList', { description: 'Tasks whose light is not green, by reason (a task may be in several groups): the coordinator’s morning list' })
export class WatchListModel {
  @Field(() => [TaskModel]) overdue: TaskModel[];
  @Field(() => [TaskModel]) dueSoon: TaskModel[];
  @Field(() => [TaskModel]) behindPace: TaskModel[];
  @Field(() => [TaskModel]) reportsMissed: TaskModel[];
  @Field(() => [TaskModel]) stale: TaskModel[];
  @Field(() => [TaskModel], { description: 'Open tasks where a unit’s progress report was returned for rework and awaits it' }) reportsReturned: TaskModel[];
  @Field(() => [TaskModel], { description: 'Open tasks where a unit signed for its part late, or has not and its sign-for deadline has passed' }) signedLate: TaskModel[];
}

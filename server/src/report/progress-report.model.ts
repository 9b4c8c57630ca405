import { Field, Int, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { ReportStatus } from './progress-report.entity';
import { ProgressStatusEnum } from '../common/graphql-enums';

@ObjectType('IndicatorValue')
export class IndicatorValueModel {
  @Field(() => ID) indicatorId: string;
  @Field() indicatorName: string;
  @Field(() => Float) value: number;
}

@ObjectType('ProgressReport')
export class ProgressReportModel {
  @Field(() => ID) id: string;
  @Field(() => ID) taskId: string;
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field({ description: '2026-Q3, 2026-H1 or 2026' }) period: string;
  @Field() narrative: string;
  @Field() problems: string;
  @Field(() => Int, { nullable: true, description: 'Percent done, 0–100' }) percentDone: number | null;
  @Field(() => ProgressStatusEnum) status: ReportStatus;
  @Field() submittedByName: string;
  @Field() submittedAt: Date;
  @Field({ description: 'Filed after its due day' }) late: boolean;
  @Field(() => [IndicatorValueModel]) values: IndicatorValueModel[];
}

@ObjectType('ReportDue', { description: 'One report a department owes (or has filed) for a period' })
export class ReportDueModel {
  @Field(() => ID) taskId: string;
  @Field() taskCode: string;
  @Field() taskTitle: string;
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field() lead: boolean;
  @Field() period: string;
  @Field({ description: 'YYYY-MM-DD' }) dueDate: string;
  @Field({ description: 'SUBMITTED, SUBMITTED_LATE, DUE, DUE_SOON (within 3 days) or LATE' }) status: string;
}

@InputType()
export class IndicatorValueInput {
  @Field(() => ID) indicatorId: string;
  @Field(() => Float) value: number;
}

@InputType()
export class FileProgressReportInput {
  @Field(() => ID) taskId: string;
  @Field(() => String, { nullable: true, description: 'Defaults to the current period of the plan’s cadence' }) period?: string | null;
  @Field() narrative: string;
  @Field(() => String, { nullable: true }) problems?: string | null;
  @Field(() => Int, { nullable: true, description: 'Percent done, 0–100' }) percentDone?: number | null;
  @Field(() => ProgressStatusEnum) status: ReportStatus;
  @Field(() => [IndicatorValueInput], { defaultValue: [] }) values: IndicatorValueInput[];
}

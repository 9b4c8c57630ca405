import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DepartmentModel } from '../department/department.model';

@ObjectType('YearValue')
export class YearValueModel {
  @Field(() => Int) year: number;
  @Field(() => Float) value: number;
}

@ObjectType('IndicatorAllocation')
export class IndicatorAllocationModel {
  @Field(() => DepartmentModel) department: DepartmentModel;
  @Field(() => Int) year: number;
  @Field(() => Float) value: number;
}

@ObjectType('AllocationCheck', { description: 'Do a year’s allocations add up to the indicator’s target for that year? (附件2)' })
export class AllocationCheckModel {
  @Field(() => Int) year: number;
  @Field(() => Float) total: number;
  @Field(() => Float) sum: number;
  @Field(() => Float) difference: number;
  @Field() ok: boolean;
  @Field() message: string;
}

@ObjectType('Indicator')
export class IndicatorModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) planId: string | null;
  @Field(() => ID, { nullable: true }) taskId: string | null;
  @Field() name: string;
  @Field() unit: string;
  @Field(() => Int, { nullable: true }) baselineYear: number | null;
  @Field(() => Float, { nullable: true }) baselineValue: number | null;
  @Field(() => [YearValueModel]) targets: YearValueModel[];
  @Field(() => String, { nullable: true }) summaryGoal: string | null;
  @Field(() => [IndicatorAllocationModel]) allocations: IndicatorAllocationModel[];
  @Field(() => [AllocationCheckModel]) allocationChecks: AllocationCheckModel[];
  @Field(() => [YearValueModel], { description: 'Latest reported value per year' }) actuals: YearValueModel[];
  @Field(() => Float, { nullable: true, description: 'Share of the way from baseline to this year’s target reached' }) progress: number | null;
  @Field(() => Float, { description: 'Share of this year elapsed (序时进度)' }) expectedPace: number;
  @Field(() => String, { nullable: true, description: 'AHEAD, ON_PACE, BEHIND or FAR_BEHIND' }) paceStatus: string | null;
}

@InputType()
export class YearValueInput {
  @Field(() => Int) year: number;
  @Field(() => Float) value: number;
}

@InputType()
export class CreateIndicatorInput {
  @Field(() => ID, { nullable: true }) planId?: string | null;
  @Field(() => ID, { nullable: true }) taskId?: string | null;
  @Field() name: string;
  @Field({ defaultValue: '' }) unit: string;
  @Field(() => Int, { nullable: true }) baselineYear?: number | null;
  @Field(() => Float, { nullable: true }) baselineValue?: number | null;
  @Field(() => [YearValueInput], { defaultValue: [] }) targets: YearValueInput[];
  @Field(() => String, { nullable: true }) summaryGoal?: string | null;
}

@InputType()
export class AllocationInput {
  @Field(() => ID) departmentId: string;
  @Field(() => Float) value: number;
}

@InputType()
export class SetIndicatorAllocationsInput {
  @Field(() => ID) indicatorId: string;
  @Field(() => Int) year: number;
  @Field(() => [AllocationInput], { description: 'Replaces that year’s allocations' }) allocations: AllocationInput[];
}

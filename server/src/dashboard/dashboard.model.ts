import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { BoardLaneModel, StageCountModel } from '../task/board.model';
import { IndicatorModel } from '../indicator/indicator.model';

@ObjectType('PlanDashboard', { description: 'What a manager looks at: where the plan stands, what is late, what is open' })
export class PlanDashboardModel {
  @Field(() => ID, { nullable: true }) planId: string | null;
  @Field(() => Int) taskCount: number;
  @Field(() => [StageCountModel]) stages: StageCountModel[];
  @Field(() => [BoardLaneModel], { description: 'Per lead department, per stage' }) departments: BoardLaneModel[];
  @Field(() => Int, { description: 'Tasks past their due day before inspection' }) overdueTasks: number;
  @Field(() => Int, { description: 'Reports past their due day and not filed' }) lateReports: number;
  @Field(() => Int, { description: 'Reports due within three days' }) reportsDueSoon: number;
  @Field(() => Int) openFindings: number;
  @Field(() => Int) openMajorFindings: number;
  @Field(() => Int, { description: 'Open findings past their rectification deadline' }) overdueFindings: number;
  @Field(() => [IndicatorModel]) indicators: IndicatorModel[];
}

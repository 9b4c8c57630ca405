import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { BoardStage } from '@workplan/shared';
import { TaskStageEnum } from '../common/graphql-enums';
import type { BoardQuery } from './board.service';
import { DepartmentModel } from '../department/department.model';
import { TaskModel } from './task.model';

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field(() => String, { nullable: true }) endCursor: string | null;
  @Field() hasNextPage: boolean;
}

@ObjectType('TaskConnection')
export class TaskConnectionModel {
  @Field(() => [TaskModel]) nodes: TaskModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}

@ObjectType('BoardColumn')
export class BoardColumnModel {
  @Field(() => TaskStageEnum) stage: BoardStage;
  @Field(() => Int, { description: 'Tasks in this column matching the filter' }) totalCount: number;
  /** The filter the board was asked with; the column's `tasks` field pages through it. */
  query: BoardQuery;
}

@ObjectType('StageCount')
export class StageCountModel {
  @Field(() => TaskStageEnum) stage: BoardStage;
  @Field(() => Int) totalCount: number;
}

@ObjectType('BoardLane', { description: 'A swimlane: the tasks one department leads' })
export class BoardLaneModel {
  @Field(() => DepartmentModel) department: DepartmentModel;
  @Field(() => Int) totalCount: number;
  @Field(() => [StageCountModel], { description: 'One per stage, in process order' }) columns: StageCountModel[];
}

@ObjectType('Board')
export class BoardModel {
  @Field(() => [BoardColumnModel], { description: 'One per stage, in process order' }) columns: BoardColumnModel[];
  @Field(() => Int) totalCount: number;
  /** The checked filter, for the lanes field. */
  query: BoardQuery;
}

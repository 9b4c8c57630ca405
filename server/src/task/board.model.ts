import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { BoardStage } from '@workplan/shared';
import { TaskStageEnum } from '../common/graphql-enums';
import type { BoardQuery } from './board.service';
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

@ObjectType('Board')
export class BoardModel {
  @Field(() => [BoardColumnModel], { description: 'One per stage, in process order' }) columns: BoardColumnModel[];
  @Field(() => Int) totalCount: number;
}

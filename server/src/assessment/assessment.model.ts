import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { GradeEnum } from '../common/graphql-enums';
import { DepartmentModel } from '../department/department.model';
import type { GradeValue } from './assessment.entity';

@ObjectType('Assessment')
export class AssessmentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) taskId: string;
  @Field() period: string;
  @Field(() => Float) score: number;
  @Field(() => GradeEnum) grade: GradeValue;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field() assessedByName: string;
  @Field() assessedAt: Date;
}

@ObjectType('DepartmentRanking', { description: 'A department’s place in a plan’s assessment for a period (003: commend the best, yellow-card the bottom)' })
export class DepartmentRankingModel {
  @Field(() => DepartmentModel) department: DepartmentModel;
  @Field(() => Float, { description: 'Average score of the tasks it leads' }) score: number;
  @Field(() => Int) rank: number;
  @Field(() => Int) taskCount: number;
  @Field(() => GradeEnum) grade: GradeValue;
  @Field({ description: 'Proposed for commendation (表彰)' }) commended: boolean;
  @Field({ description: 'Yellow card (黄牌警告)' }) warned: boolean;
  @Field({ description: 'Flagged for demotion (降格): bottom twice in a row, or failing' }) demotion: boolean;
  @Field(() => [String], { description: 'TOP_N, COMMEND_WITHHELD, BOTTOM_N, BOTTOM_TWICE, FAILED' }) reasons: string[];
}

@InputType()
export class AssessTaskInput {
  @Field(() => ID) taskId: string;
  @Field({ description: '2026-Q3, 2026-H1 or 2026' }) period: string;
  @Field(() => Float, { description: '0–100' }) score: number;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

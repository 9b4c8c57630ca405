import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SCORE_ITEM_KINDS, type ScoreItemKind } from '@workplan/shared';
import { GradeEnum } from '../common/graphql-enums';
import { DepartmentModel } from '../department/department.model';

export const ScoreItemKindEnum = Object.fromEntries(SCORE_ITEM_KINDS.map((k) => [k, k])) as { [K in ScoreItemKind]: K };
registerEnumType(ScoreItemKindEnum, { name: 'ScoreItemKind', description: 'RETURN (退回), YELLOW_CARD (催办), RED_CARD (督办通知单), FINISHED_ON_TIME, POSITIVE_INSTRUCTION (表扬性批示)' });

@ObjectType('ScoringRules')
export class ScoringRulesModel {
  @Field(() => Float) base: number;
  @Field(() => [Float], { description: 'Points taken for the 1st, 2nd, 3rd… return of one task; past the list, its last value' }) returnPenalties: number[];
  @Field(() => Float) yellowCard: number;
  @Field(() => Float) redCard: number;
  @Field(() => Float) finishedOnTime: number;
  @Field(() => Float) positiveInstruction: number;
}

@InputType()
export class ScoringRulesInput {
  @Field(() => Float) base: number;
  @Field(() => [Float]) returnPenalties: number[];
  @Field(() => Float) yellowCard: number;
  @Field(() => Float) redCard: number;
  @Field(() => Float) finishedOnTime: number;
  @Field(() => Float) positiveInstruction: number;
}

@ObjectType('ScoreItem')
export class ScoreItemModel {
  @Field(() => ScoreItemKindEnum) kind: ScoreItemKind;
  @Field(() => Float, { description: 'Signed: negative for a deduction' }) points: number;
  @Field(() => ID) taskId: string;
  @Field() taskCode: string;
  @Field({ description: 'YYYY-MM-DD' }) on: string;
  @Field(() => Int, { nullable: true, description: 'For RETURN: which return of the task it was' }) nth: number | null;
}

@ObjectType('DepartmentScoreCard')
export class DepartmentScoreCardModel {
  @Field(() => DepartmentModel) department: DepartmentModel;
  @Field(() => Float, { description: 'Base plus additions minus deductions, never below 0' }) score: number;
  @Field(() => Float) deductions: number;
  @Field(() => Float) additions: number;
  @Field(() => Int, { description: '1 = best; ties share a rank' }) rank: number;
  @Field(() => GradeEnum) grade: string;
  @Field({ description: 'Proposed for commendation (表彰): feeds COMMEND in the commendation stage' }) commended: boolean;
  @Field({ description: 'Among the bottom N (黄牌警告): feeds WARN in the commendation stage' }) warned: boolean;
  @Field(() => [ScoreItemModel], { description: 'Every addition and deduction with its reason, oldest first' }) items: ScoreItemModel[];
}

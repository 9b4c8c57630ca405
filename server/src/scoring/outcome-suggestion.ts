import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

/** What the plan's supervision scores propose for a task in the commendation stage. */
@ObjectType('OutcomeSuggestion')
export class OutcomeSuggestionModel {
  @Field({ description: 'The scoring period: the one today falls in, by the plan’s report cadence' }) period: string;
  @Field(() => Int, { description: 'The lead unit’s rank among the plan’s units (1 = best)' }) rank: number;
  @Field(() => Int) unitCount: number;
  @Field(() => Float) score: number;
  @Field(() => String, { nullable: true, description: 'COMMEND when the lead unit is among the commended, WARN among the warned (the bottom N), else null' })
  event: 'COMMEND' | 'WARN' | null;
}

import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { TaskEventType } from '@workplan/shared';
import { TaskEventEnum } from '../../common/graphql-enums';

@InputType()
export class TransitionTaskInput {
  @Field(() => ID) taskId: string;
  @Field(() => TaskEventEnum) event: TaskEventType;
  @Field(() => Int, { description: 'The version the user saw; a different current version is a VERSION_CONFLICT' }) expectedVersion: number;
  @Field(() => String, { nullable: true, description: 'Required for RETURN, REJECT and REQUIRE_RECTIFICATION' }) comment?: string | null;
  @Field(() => String, { nullable: true, description: 'A retried request with the same key returns the first result' })
  idempotencyKey?: string | null;
}

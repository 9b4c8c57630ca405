import { Field, ID, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../common/json.scalar';

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field({ description: 'REPORT_DUE_SOON, FINDING_ASSIGNED, TASK_RETURNED, TASK_APPROVED, TASK_REJECTED, RECTIFICATION_REQUIRED, TASK_OVERDUE, FINDING_OVERDUE, REMINDER_ISSUED' }) kind: string;
  @Field(() => ID, { nullable: true }) taskId: string | null;
  @Field(() => ID, { nullable: true }) findingId: string | null;
  @Field(() => JSONScalar, { description: 'Values for the message (task code and title, period, …)' }) params: Record<string, string | number>;
  @Field() read: boolean;
  @Field() createdAt: Date;
}

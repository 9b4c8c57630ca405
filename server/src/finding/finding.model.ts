import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { FindingEventType, FindingSeverity, FindingStatus, Role } from '@workplan/shared';
import { FindingEventEnum, FindingSeverityEnum, FindingStatusEnum, RoleEnum } from '../common/graphql-enums';

@ObjectType('EvidenceFile')
export class EvidenceFileModel {
  @Field(() => ID) id: string;
  @Field() fileName: string;
  @Field() contentType: string;
  @Field(() => Int) sizeBytes: number;
  @Field({ description: 'GET it with the bearer token' }) url: string;
  @Field() uploadedAt: Date;
}

@ObjectType('FindingStep')
export class FindingStepModel {
  @Field() event: string;
  @Field(() => FindingStatusEnum, { nullable: true }) fromStatus: FindingStatus | null;
  @Field(() => FindingStatusEnum) toStatus: FindingStatus;
  @Field() actorName: string;
  @Field(() => RoleEnum) role: Role;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field() at: Date;
}

@ObjectType('Finding')
export class FindingModel {
  @Field(() => ID) id: string;
  @Field(() => ID) taskId: string;
  @Field() taskCode: string;
  @Field() taskTitle: string;
  @Field(() => ID, { nullable: true }) inspectionId: string | null;
  @Field(() => FindingSeverityEnum) severity: FindingSeverity;
  @Field() description: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) rectificationDeadline: string | null;
  @Field({ description: 'Deadline passed and not yet rectified' }) overdue: boolean;
  @Field(() => FindingStatusEnum) status: FindingStatus;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field(() => [FindingEventEnum], { description: 'Steps the signed-in user may take now' }) availableEvents: FindingEventType[];
  @Field(() => [FindingStepModel]) history: FindingStepModel[];
  @Field(() => [EvidenceFileModel]) evidence: EvidenceFileModel[];
}

@InputType()
export class LogFindingInput {
  @Field(() => ID) taskId: string;
  @Field(() => ID, { nullable: true }) inspectionId?: string | null;
  @Field(() => FindingSeverityEnum) severity: FindingSeverity;
  @Field() description: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) rectificationDeadline?: string | null;
}

@InputType()
export class TransitionFindingInput {
  @Field(() => ID) findingId: string;
  @Field(() => FindingEventEnum) event: FindingEventType;
  @Field(() => Int) expectedVersion: number;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SIDE_REQUEST_GRANTS, SIDE_REQUEST_KINDS, SIDE_REQUEST_STATUSES, type Role, type SideRequestGrant, type SideRequestKind, type SideRequestStatus, type TaskStage } from '@workplan/shared';
import { RoleEnum, TaskStageEnum } from '../common/graphql-enums';
import { DepartmentModel } from '../department/department.model';
import { TaskActorModel } from '../task/task.model';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const SideRequestKindEnum = asEnum(SIDE_REQUEST_KINDS);
export const SideRequestStatusEnum = asEnum(SIDE_REQUEST_STATUSES);
export const SideRequestGrantEnum = asEnum(SIDE_REQUEST_GRANTS);
export const SideRequestLevelEnum = asEnum(['LEADER', 'FINAL'] as const);
export type SideRequestLevel = keyof typeof SideRequestLevelEnum;

registerEnumType(SideRequestKindEnum, { name: 'SideRequestKind', description: 'EXTENSION 延期, ADJUSTMENT 调整, SUSPENSION 中止, CANCELLATION 撤销' });
registerEnumType(SideRequestStatusEnum, {
  name: 'SideRequestStatus',
  description: 'PENDING_LEADER → PENDING_DECISION → GRANTED / PARTLY_GRANTED / REJECTED; WITHDRAWN by the filer while pending',
});
registerEnumType(SideRequestGrantEnum, { name: 'SideRequestGrant', description: 'GRANT as asked, PARTLY (an extension to an earlier date), or REJECT' });
registerEnumType(SideRequestLevelEnum, { name: 'SideRequestLevel', description: 'LEADER: the filing unit’s leader; FINAL: a coordinator, or the approver for key tasks' });

@ObjectType('SideRequestDecision')
export class SideRequestDecisionModel {
  @Field() approved: boolean;
  @Field(() => TaskActorModel, { nullable: true }) by: TaskActorModel | null;
  @Field(() => RoleEnum, { nullable: true }) role: Role | null;
  @Field() at: Date;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field(() => String, { nullable: true, description: 'An extension’s new due date (final decision only)' }) grantedDueDate: string | null;
}

@ObjectType('SideRequest', { description: 'A request beside the stage (申请): extension, adjustment, suspension or cancellation' })
export class SideRequestModel {
  @Field(() => ID) id: string;
  @Field(() => ID) taskId: string;
  @Field() taskCode: string;
  @Field() taskTitle: string;
  @Field({ description: 'Whether the approver (not a coordinator) decides the second level' }) keyTask: boolean;
  @Field(() => SideRequestKindEnum) kind: SideRequestKind;
  @Field(() => SideRequestStatusEnum) status: SideRequestStatus;
  @Field(() => DepartmentModel, { description: 'The filing unit' }) department: DepartmentModel;
  @Field() reason: string;
  @Field(() => String, { nullable: true, description: 'Extension: the due date asked for' }) requestedDueDate: string | null;
  @Field(() => String, { nullable: true, description: 'Adjustment: what should change' }) adjustment: string | null;
  @Field(() => TaskStageEnum, { description: 'The stage the task was in when filed' }) stageAtFiling: TaskStage;
  @Field(() => String, { nullable: true, description: 'The due date when filed' }) dueDateAtFiling: string | null;
  @Field(() => TaskActorModel, { nullable: true }) filedBy: TaskActorModel | null;
  @Field() filedAt: Date;
  @Field(() => SideRequestDecisionModel, { nullable: true }) leaderDecision: SideRequestDecisionModel | null;
  @Field(() => SideRequestDecisionModel, { nullable: true }) finalDecision: SideRequestDecisionModel | null;
  @Field(() => Date, { nullable: true }) withdrawnAt: Date | null;
  @Field(() => SideRequestLevelEnum, { nullable: true, description: 'The decision the signed-in person may make now, if any' }) awaitingMyDecision: SideRequestLevel | null;
  @Field({ description: 'Whether the signed-in person may withdraw it now' }) canWithdraw: boolean;
}

@InputType()
export class FileSideRequestInput {
  @Field(() => ID) taskId: string;
  @Field(() => SideRequestKindEnum) kind: SideRequestKind;
  @Field() reason: string;
  @Field(() => String, { nullable: true, description: 'Extension only: the due date asked for (YYYY-MM-DD)' }) requestedDueDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Adjustment only: what should change (targets, content, measures)' }) adjustment?: string | null;
}

export type { SideRequestGrant };

import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ASSIGNMENT_ACTIONS, ASSIGNMENT_STATUSES, REVIEW_VERDICTS, type AssignmentAction, type AssignmentStatus, type LightReason, type ReviewVerdict } from '@workplan/shared';
import { DepartmentModel } from '../department/department.model';
import { EvidenceFileModel } from '../finding/finding.model';
import { LightEnum, LightReasonEnum, type Light } from '../supervision/supervision.model';
import type { ReportReview } from './assignment.entity';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const AssignmentStatusEnum = asEnum(ASSIGNMENT_STATUSES);
export const AssignmentActionEnum = asEnum(ASSIGNMENT_ACTIONS);
export const ReviewVerdictEnum = asEnum(REVIEW_VERDICTS);
export const ReportReviewEnum = asEnum(['PASSED', 'RETURNED'] as const satisfies readonly ReportReview[]);
registerEnumType(AssignmentStatusEnum, { name: 'AssignmentStatus', description: 'ASSIGNED → SIGNED (签收) → REPORTED → PASSED or RETURNED (rework, then REPORTED again); SENT_BACK (退回交办) ends it' });
registerEnumType(AssignmentActionEnum, { name: 'AssignmentAction', description: 'SIGN, REPORT, SEND_BACK by the unit’s staff; REVIEW by the coordinating office' });
registerEnumType(ReviewVerdictEnum, { name: 'ReviewVerdict', description: 'PASS the report, or RETURN it for rework (with a reason)' });
registerEnumType(ReportReviewEnum, { name: 'ReportReview' });

@ObjectType('AssignmentReport', { description: 'A unit’s progress report on its assignment, and the coordinator’s review' })
export class AssignmentReportModel {
  @Field(() => ID) id: string;
  @Field(() => ID) assignmentId: string;
  @Field(() => Int, { description: '0–100' }) percentDone: number;
  @Field({ description: 'Work done (工作进展)' }) workDone: string;
  @Field({ description: 'Problems met (存在问题)' }) problems: string;
  @Field({ description: 'Support needed (需协调事项)' }) supportNeeded: string;
  @Field({ description: 'Next plan (下步计划)' }) nextPlan: string;
  @Field() submittedByName: string;
  @Field() submittedAt: Date;
  @Field(() => ReportReviewEnum, { nullable: true, description: 'Null while it awaits review' }) review: ReportReview | null;
  @Field(() => String, { nullable: true }) reviewReason: string | null;
  @Field(() => String, { nullable: true }) reviewedByName: string | null;
  @Field(() => Date, { nullable: true }) reviewedAt: Date | null;
  @Field(() => [EvidenceFileModel], { description: 'Files attached to it (附件), oldest first; POST /files/assignment-reports/:id/attachments while it awaits review' })
  attachments: EvidenceFileModel[];
  @Field({ description: 'Whether the signed-in person may attach files to it now (its unit’s staff, while it awaits review)' }) canAttach: boolean;
}

@ObjectType('Assignment', { description: 'One responsible unit’s own record of a task (承办单位办理记录)' })
export class AssignmentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) taskId: string;
  @Field({ description: 'The task’s code, for lists that name it (the unit’s work list)' }) taskCode: string;
  @Field() taskTitle: string;
  @Field(() => DepartmentModel) department: DepartmentModel;
  @Field({ description: 'The lead unit (牵头单位); else a cooperating one (配合单位)' }) lead: boolean;
  @Field(() => AssignmentStatusEnum) status: AssignmentStatus;
  @Field(() => String, { nullable: true, description: 'The unit’s own deadline, YYYY-MM-DD' }) dueDate: string | null;
  @Field() assignedAt: Date;
  @Field(() => Int, { description: 'Working days allowed to sign for it (签收时限)' }) signWithinDays: number;
  @Field({ description: 'The last day to sign for it, YYYY-MM-DD (working days on the calendar)' }) signDueOn: string;
  @Field(() => Date, { nullable: true }) signedAt: Date | null;
  @Field(() => String, { nullable: true }) signedByName: string | null;
  @Field({ description: 'Signed for after its deadline, or still unsigned past it' }) signedLate: boolean;
  @Field(() => Int, { description: 'Times a report was returned for rework (退回 N 次)' }) returnCount: number;
  @Field(() => String, { nullable: true }) sentBackReason: string | null;
  @Field(() => Date, { nullable: true }) sentBackAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'The latest report’s percent done' }) percentDone: number | null;
  @Field(() => LightEnum, { description: 'The unit’s own warning light: its deadline against its latest percent' }) light: Light;
  @Field(() => [LightReasonEnum]) lightReasons: LightReason[];
  @Field(() => [AssignmentReportModel], { description: 'Newest first' }) reports: AssignmentReportModel[];
  @Field(() => [AssignmentActionEnum], { description: 'What the signed-in person may do to it now' }) availableActions: AssignmentAction[];
}

@ObjectType('AssignmentRollup', { description: 'A card’s summary of its units (e.g. 3/4 已报 · 1 退回)' })
export class AssignmentRollupModel {
  @Field(() => Int, { description: 'Units holding the task (not those that sent it back)' }) units: number;
  @Field(() => Int) signed: number;
  @Field(() => Int, { description: 'Units whose latest report stands (awaiting review or passed)' }) reported: number;
  @Field(() => Int) passed: number;
  @Field(() => Int, { description: 'Units whose latest report was returned for rework' }) returned: number;
  @Field(() => Int) sentBack: number;
}

@InputType()
export class FileAssignmentReportInput {
  @Field(() => ID) assignmentId: string;
  @Field(() => Int, { description: '0–100' }) percentDone: number;
  @Field() workDone: string;
  @Field(() => String, { nullable: true }) problems?: string | null;
  @Field(() => String, { nullable: true }) supportNeeded?: string | null;
  @Field(() => String, { nullable: true }) nextPlan?: string | null;
}

export type { ReviewVerdict };

import type { LightReason } from '@workplan/shared';
import { LightEnum, LightReasonEnum, type Light } from '../supervision/supervision.model';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { PersistedTaskSnapshot, Role, TaskEventType, TaskOrigin, TaskStage } from '@workplan/shared';
import { RoleEnum, TaskEventEnum, TaskOriginEnum, TaskStageEnum } from '../common/graphql-enums';
import { DepartmentModel } from '../department/department.model';
import { JSONScalar } from '../common/json.scalar';

@ObjectType('TaskActor')
export class TaskActorModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType('TaskTransition', { description: 'One entry of a task’s history. Creation is the first (event PROPOSE or ASSIGN).' })
export class TaskTransitionModel {
  @Field(() => ID) id: string;
  @Field({ description: 'A TaskEvent, or PROPOSE / ASSIGN for the creation' }) event: string;
  @Field(() => TaskStageEnum, { nullable: true }) fromStage: TaskStage | null;
  @Field(() => TaskStageEnum) toStage: TaskStage;
  @Field(() => String, { nullable: true, description: 'Sub-state after the change, e.g. RECTIFYING' }) toSubState: string | null;
  @Field(() => TaskActorModel, { nullable: true }) actor: TaskActorModel | null;
  @Field(() => RoleEnum, { nullable: true }) role: Role | null;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field(() => Int, { description: 'The task’s version after this change' }) version: number;
  @Field() at: Date;
}

@ObjectType('AvailableMove', { description: 'An event the signed-in user may send now and the stage it leads to' })
export class AvailableMoveModel {
  @Field(() => TaskEventEnum) event: TaskEventType;
  @Field(() => TaskStageEnum) toStage: TaskStage;
  @Field() needsComment: boolean;
}

@ObjectType('Task')
export class TaskModel {
  @Field(() => ID) id: string;
  @Field({ description: 'Path in the plan outline, e.g. 1.3.2' }) code: string;
  @Field() title: string;
  @Field() description: string;
  @Field(() => TaskStageEnum) stage: TaskStage;
  @Field(() => String, { nullable: true, description: 'IN_PROGRESS / RECTIFYING, AWAITING_GRADE / COMMENDED / WARNED' }) subState: string | null;
  @Field(() => TaskOriginEnum) origin: TaskOrigin;
  @Field(() => Int, { description: 'Send it back as expectedVersion' }) version: number;
  @Field(() => ID, { nullable: true }) planId: string | null;
  @Field(() => DepartmentModel) leadDepartment: DepartmentModel;
  @Field(() => [DepartmentModel], { description: 'In the order the plan lists them' }) cooperatingDepartments: DepartmentModel[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dueDate: string | null;
  @Field({ description: 'Due day passed while still before inspection (China time)' }) overdue: boolean;
  @Field(() => Int) returnCount: number;
  @Field(() => Int) rectificationCount: number;
  @Field(() => String, { nullable: true, description: 'COMMENDED or WARNED once graded' }) outcome: string | null;
  @Field(() => Int, { description: 'Progress reports filed (REQUEST_INSPECTION needs one)' }) progressReportCount: number;
  @Field(() => Int, { description: 'Findings not yet verified' }) openFindingCount: number;
  @Field(() => Int, { description: 'Major findings not yet verified (PASS needs none)' }) openMajorFindingCount: number;
  @Field(() => Int, { description: 'Reports past their due day and not filed, across the responsible departments' }) lateReportCount: number;
  @Field(() => Int, { description: 'Reports due within three days' }) reportsDueSoonCount: number;
  @Field(() => LightEnum, { description: 'Derived warning light (红黄绿灯) from the plan’s rules, the working-day calendar and the reports' }) light: Light;
  @Field(() => [LightReasonEnum]) lightReasons: LightReason[];
  @Field(() => Int, { nullable: true, description: 'Points behind the expected pace (negative: ahead); null when no percent was reported' }) pointsBehind: number | null;
  @Field(() => Int, { nullable: true, description: 'The latest reported percent done' }) percentDone: number | null;
  @Field({ description: 'Urgent work turns yellow when nobody has reported on it for a while' }) urgent: boolean;
  @Field({ description: 'A key task (重点任务): the approver decides its side requests' }) keyTask: boolean;
  @Field(() => String, { nullable: true, description: 'The deadline before a granted extension moved dueDate (YYYY-MM-DD); null while never extended' })
  originalDueDate: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  @Field(() => JSONScalar, {
    description: 'The persisted machine snapshot { machineId, machineVersion, value, context }: clients run the shared machine on it to show possible moves',
  })
  snapshot: PersistedTaskSnapshot;
}

@ObjectType('TransitionResult')
export class TransitionResultModel {
  @Field(() => TaskModel) task: TaskModel;
  @Field(() => TaskTransitionModel) transition: TaskTransitionModel;
  @Field({ description: 'True when this idempotencyKey was seen before: nothing new was written' }) replayed: boolean;
}

@ObjectType('TaskChange', { description: 'A task was created or moved; sent to every open board' })
export class TaskChangeModel {
  @Field(() => TaskModel) task: TaskModel;
  @Field(() => TaskTransitionModel, { nullable: true, description: 'The move, or the creation' }) transition: TaskTransitionModel | null;
}

@ObjectType('TaskChangePage')
export class TaskChangePageModel {
  @Field(() => [TaskChangeModel], { description: 'Oldest first; may repeat a change already seen (keep the higher task version)' }) changes: TaskChangeModel[];
  @Field({ description: 'Pass as after next time' }) cursor: string;
  @Field({ description: 'False when more changed than one answer holds: reload the board instead' }) complete: boolean;
}

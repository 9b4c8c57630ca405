import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { DepartmentModel } from '../department/department.model';

@ObjectType('InspectionTeamMember')
export class InspectionTeamMemberModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType('InspectionTeam', { description: '专题检查组: a lead department, members, and the tasks or regions it covers' })
export class InspectionTeamModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) planId: string | null;
  @Field() name: string;
  @Field(() => DepartmentModel, { nullable: true }) leadDepartment: DepartmentModel | null;
  @Field(() => [InspectionTeamMemberModel]) members: InspectionTeamMemberModel[];
  @Field(() => [ID]) taskIds: string[];
  @Field(() => [DepartmentModel]) regions: DepartmentModel[];
}

@ObjectType('Inspection')
export class InspectionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) taskId: string;
  @Field() taskCode: string;
  @Field() taskTitle: string;
  @Field() taskStage: string;
  @Field(() => ID, { nullable: true }) teamId: string | null;
  @Field(() => String, { nullable: true }) teamName: string | null;
  @Field({ description: 'YYYY-MM-DD' }) scheduledOn: string;
  @Field(() => String, { nullable: true }) visitedOn: string | null;
  @Field(() => String, { nullable: true }) conclusion: string | null;
}

@InputType()
export class CreateInspectionTeamInput {
  @Field(() => ID, { nullable: true }) planId?: string | null;
  @Field() name: string;
  @Field(() => ID, { nullable: true }) leadDepartmentId?: string | null;
  @Field(() => [ID], { defaultValue: [] }) memberIds: string[];
  @Field(() => [ID], { defaultValue: [] }) taskIds: string[];
  @Field(() => [ID], { defaultValue: [], description: 'Cities, districts or towns the team covers' }) regionIds: string[];
}

@InputType()
export class ScheduleInspectionInput {
  @Field(() => ID) taskId: string;
  @Field(() => ID, { nullable: true }) teamId?: string | null;
  @Field({ description: 'YYYY-MM-DD' }) scheduledOn: string;
}

@InputType()
export class RecordInspectionVisitInput {
  @Field(() => ID) inspectionId: string;
  @Field({ description: 'YYYY-MM-DD' }) visitedOn: string;
  @Field(() => String, { nullable: true }) conclusion?: string | null;
}

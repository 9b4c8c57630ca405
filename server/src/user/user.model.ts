import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { Role } from '@workplan/shared';
import { RoleEnum } from '../common/graphql-enums';
import { DepartmentModel } from '../department/department.model';

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() name: string;
  @Field(() => RoleEnum) role: Role;
  @Field(() => DepartmentModel, { nullable: true }) department: DepartmentModel | null;
  @Field({ description: 'A deactivated account cannot sign in; its tokens stopped when it was deactivated' }) active: boolean;
  @Field({ description: 'The unit leader (单位负责人) of their department: approves its side requests first, receives its reminders' }) departmentLeader: boolean;
}

@InputType()
export class CreateUserInput {
  @Field() email: string;
  @Field() name: string;
  @Field(() => RoleEnum) role: Role;
  @Field(() => ID, { nullable: true, description: 'Required for department staff' }) departmentId?: string | null;
  @Field({ description: 'At least 10 characters; the person should change it' }) password: string;
  @Field(() => Boolean, { nullable: true, description: 'Department staff only: the unit leader (单位负责人)' }) departmentLeader?: boolean | null;
}

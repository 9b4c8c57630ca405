import { Field, ID, ObjectType } from '@nestjs/graphql';
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
}

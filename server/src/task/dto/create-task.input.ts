import { Field, ID, InputType } from '@nestjs/graphql';
import type { TaskOrigin } from '@workplan/shared';
import { TaskOriginEnum } from '../../common/graphql-enums';

@InputType()
export class CreateTaskInput {
  @Field() title: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID, { nullable: true }) planId?: string | null;
  @Field(() => String, { nullable: true, description: 'Outline path; generated when omitted' }) code?: string | null;
  @Field(() => ID, { nullable: true, description: 'Staff propose for their own department; coordinators name one' })
  leadDepartmentId?: string | null;
  @Field(() => [ID], { nullable: true }) cooperatingDepartmentIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dueDate?: string | null;
  @Field(() => TaskOriginEnum, { nullable: true, description: 'ASSIGNED (top-down, starts in IMPLEMENTATION) is for coordinators' })
  origin?: TaskOrigin | null;
}

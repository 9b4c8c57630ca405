import { Field, ID, InputType } from '@nestjs/graphql';
import type { Light } from '@workplan/shared';
import { LightEnum } from '../../supervision/supervision.model';

@InputType()
export class BoardFilter {
  @Field(() => ID, { nullable: true }) planId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Lead departments to show (all when empty)' }) departmentIds?: string[] | null;
  @Field({ nullable: true, defaultValue: false, description: 'Also match tasks where these departments cooperate' })
  includeCooperating?: boolean;
  @Field(() => String, { nullable: true, description: 'Matches code or title' }) search?: string | null;
  @Field({ nullable: true, defaultValue: false, description: 'Only tasks past their due day' }) overdue?: boolean;
  @Field(() => ID, { nullable: true, description: 'Only tasks led by this department (one swimlane)' }) laneDepartmentId?: string | null;
  @Field(() => [LightEnum], { nullable: true, description: 'Only tasks whose warning light is one of these (finished tasks are green)' }) lights?: Light[] | null;
}

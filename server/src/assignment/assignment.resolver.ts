import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { ReviewVerdict } from '@workplan/shared';
import { CurrentUser } from '../auth/current-user';
import { TaskModel } from '../task/task.model';
import type { UserEntity } from '../user/user.entity';
import { AssignmentModel, AssignmentRollupModel, FileAssignmentReportInput, ReviewVerdictEnum } from './assignment.model';
import { AssignmentService } from './assignment.service';

@Resolver(() => AssignmentModel)
export class AssignmentResolver {
  constructor(private readonly service: AssignmentService) {}

  @Query(() => [AssignmentModel], { description: 'A task’s responsible units, each with its own record: lead first' })
  assignments(@Args('taskId', { type: () => ID }) taskId: string, @CurrentUser() user: UserEntity): Promise<AssignmentModel[]> {
    return this.service.forTask(taskId, user);
  }

  @Query(() => [AssignmentModel], { description: 'What waits on the signed-in unit: assignments to sign for and reports returned for rework, earliest deadline first' })
  myAssignments(@CurrentUser() user: UserEntity): Promise<AssignmentModel[]> {
    return this.service.mine(user);
  }

  @Mutation(() => AssignmentModel, { description: 'The unit signs for its assignment (签收)' })
  signForAssignment(@Args('assignmentId', { type: () => ID }) assignmentId: string, @CurrentUser() user: UserEntity): Promise<AssignmentModel> {
    return this.service.sign(assignmentId, user);
  }

  @Mutation(() => AssignmentModel, { description: 'The unit reports progress on its assignment; after sign-for, during implementation' })
  fileAssignmentReport(@Args('input') input: FileAssignmentReportInput, @CurrentUser() user: UserEntity): Promise<AssignmentModel> {
    return this.service.fileReport(input, user);
  }

  @Mutation(() => AssignmentModel, { description: 'The coordinating office passes a unit’s report, or returns it for rework with a reason' })
  reviewAssignmentReport(
    @Args('reportId', { type: () => ID }) reportId: string,
    @Args('verdict', { type: () => ReviewVerdictEnum }) verdict: ReviewVerdict,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
    @CurrentUser() user: UserEntity,
  ): Promise<AssignmentModel> {
    return this.service.review(reportId, verdict, reason, user);
  }

  @Mutation(() => AssignmentModel, { description: 'The unit sends back a task given to it by mistake (退回交办), before reporting on it' })
  sendBackAssignment(
    @Args('assignmentId', { type: () => ID }) assignmentId: string,
    @Args('reason') reason: string,
    @CurrentUser() user: UserEntity,
  ): Promise<AssignmentModel> {
    return this.service.sendBack(assignmentId, reason, user);
  }
}

/** The card's roll-up of its units, on the Task type; a board's cards are read together (one query). */
@Resolver(() => TaskModel)
export class TaskAssignmentRollupResolver {
  constructor(private readonly assignments: AssignmentService) {}

  @ResolveField(() => AssignmentRollupModel, { description: 'Its units at a glance: signed, reported, passed, returned, sent back' })
  assignmentRollup(@Parent() task: TaskModel): Promise<AssignmentRollupModel> {
    return this.assignments.rollup(task.id);
  }
}

import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessService } from '../access/access.service';
import { CurrentUser } from '../auth/current-user';
import { TaskEvents } from '../task/task-events';
import { TaskModelMapper } from '../task/task-model.mapper';
import { TaskModel } from '../task/task.model';
import type { UserEntity } from '../user/user.entity';
import { AnnotationService } from './annotation.service';
import { FollowService } from './follow.service';
import { IssueInstructionInput, LeaderInstructionModel, TaskAnnotationModel } from './instruction.model';
import { InstructionService } from './instruction.service';

@Resolver(() => LeaderInstructionModel)
export class InstructionResolver {
  constructor(
    private readonly service: InstructionService,
    private readonly access: AccessService,
    private readonly events: TaskEvents,
  ) {}

  @Query(() => [LeaderInstructionModel], { description: 'A task’s leader instructions (领导批示), oldest first, with their answers' })
  async instructions(@Args('taskId', { type: () => ID }) taskId: string, @CurrentUser() user: UserEntity): Promise<LeaderInstructionModel[]> {
    await this.access.assertTask(user, 'instructions', taskId);
    return this.service.toModels(await this.service.forTask(taskId), user);
  }

  @Query(() => [LeaderInstructionModel], { description: 'Instructions still awaiting an answer: one’s unit’s (staff), the ones one issued (leaders), all (coordinators)' })
  async unansweredInstructions(@CurrentUser() user: UserEntity): Promise<LeaderInstructionModel[]> {
    return this.service.toModels(await this.service.unanswered(user), user);
  }

  @Mutation(() => LeaderInstructionModel, { description: 'An approver or manager attaches an instruction; on finished work (commendation stage) it reopens the task' })
  async issueInstruction(@Args('input') input: IssueInstructionInput, @CurrentUser() user: UserEntity): Promise<LeaderInstructionModel> {
    const { instruction, reopenTransitionId } = await this.service.issue(input, user);
    if (reopenTransitionId) await this.events.announce({ taskId: instruction.taskId, transitionId: reopenTransitionId });
    return (await this.service.toModels([instruction], user))[0];
  }

  @Mutation(() => LeaderInstructionModel, { description: 'The lead unit answers an instruction, once' })
  async answerInstruction(
    @Args('instructionId', { type: () => ID }) instructionId: string,
    @Args('content') content: string,
    @CurrentUser() user: UserEntity,
  ): Promise<LeaderInstructionModel> {
    return (await this.service.toModels([await this.service.answer(instructionId, content, user)], user))[0];
  }
}

@Resolver(() => TaskModel)
export class TaskFollowResolver {
  constructor(
    private readonly follows: FollowService,
    private readonly mapper: TaskModelMapper,
  ) {}

  @ResolveField(() => Boolean, { description: 'Whether the signed-in user follows (关注) this task' })
  followedByMe(@Parent() task: TaskModel, @CurrentUser() user: UserEntity): Promise<boolean> {
    return this.follows.isFollowing(user.id, task.id);
  }

  @Mutation(() => TaskModel, { description: 'Follow a task: hear when it changes stage' })
  async followTask(@Args('taskId', { type: () => ID }) taskId: string, @CurrentUser() user: UserEntity): Promise<TaskModel> {
    return this.mapper.toModel(await this.follows.follow(taskId, user));
  }

  @Mutation(() => TaskModel)
  async unfollowTask(@Args('taskId', { type: () => ID }) taskId: string, @CurrentUser() user: UserEntity): Promise<TaskModel> {
    return this.mapper.toModel(await this.follows.unfollow(taskId, user));
  }

  @Query(() => [TaskModel], { description: 'The tasks the signed-in user follows, most recently followed first' })
  async followedTasks(@CurrentUser() user: UserEntity): Promise<TaskModel[]> {
    return this.mapper.toModels(await this.follows.followedTasks(user));
  }
}

@Resolver(() => TaskAnnotationModel)
export class AnnotationResolver {
  constructor(private readonly service: AnnotationService) {}

  @Query(() => [TaskAnnotationModel], { description: 'Leaders’ remarks (批注) on a task, oldest first' })
  annotations(@Args('taskId', { type: () => ID }) taskId: string, @CurrentUser() user: UserEntity): Promise<TaskAnnotationModel[]> {
    return this.service.forTask(taskId, user);
  }

  @Mutation(() => TaskAnnotationModel, { description: 'An approver or manager remarks on a task (批注)' })
  annotateTask(@Args('taskId', { type: () => ID }) taskId: string, @Args('content') content: string, @CurrentUser() user: UserEntity): Promise<TaskAnnotationModel> {
    return this.service.annotate(taskId, content, user);
  }
}

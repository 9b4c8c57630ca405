import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user';
import { TaskEvents } from '../task/task-events';
import { TaskModelMapper } from '../task/task-model.mapper';
import { TaskModel } from '../task/task.model';
import type { UserEntity } from '../user/user.entity';
import { FileSideRequestInput, SideRequestGrantEnum, SideRequestModel, type SideRequestGrant } from './side-request.model';
import { SideRequestService } from './side-request.service';

@Resolver(() => SideRequestModel)
export class SideRequestResolver {
  constructor(
    private readonly requests: SideRequestService,
    private readonly mapper: TaskModelMapper,
    private readonly events: TaskEvents,
  ) {}

  @Query(() => [SideRequestModel], { description: 'A task’s side requests (申请), newest first' })
  async sideRequests(@Args('taskId', { type: () => ID }) taskId: string, @CurrentUser() user: UserEntity): Promise<SideRequestModel[]> {
    return this.requests.toModels(await this.requests.list(user, taskId), user);
  }

  @Query(() => [SideRequestModel], { description: 'Side requests waiting on the signed-in person’s decision, oldest first' })
  async pendingSideRequests(@CurrentUser() user: UserEntity): Promise<SideRequestModel[]> {
    return this.requests.toModels(await this.requests.pending(user), user);
  }

  @Query(() => [SideRequestModel], {
    description: 'Decided requests, latest first (first ≤ 100); endedOnly: the granted suspensions and cancellations — the tasks that left the board',
  })
  async decidedSideRequests(
    @Args('endedOnly', { type: () => Boolean, defaultValue: false }) endedOnly: boolean,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @CurrentUser() user: UserEntity,
  ): Promise<SideRequestModel[]> {
    return this.requests.toModels(await this.requests.decided(user, endedOnly, first), user);
  }

  @Mutation(() => SideRequestModel, { description: 'A responsible unit asks, before the deadline, to extend, adjust, suspend or cancel its task' })
  async fileSideRequest(@Args('input') input: FileSideRequestInput, @CurrentUser() user: UserEntity): Promise<SideRequestModel> {
    return this.one(await this.requests.file(input, user), user);
  }

  @Mutation(() => SideRequestModel, { description: 'The filer takes back a request nobody has decided for good' })
  async withdrawSideRequest(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: UserEntity): Promise<SideRequestModel> {
    return this.one(await this.requests.withdraw(id, user), user);
  }

  @Mutation(() => SideRequestModel, { description: 'The first level: the filing unit’s leader (单位负责人) approves or rejects (with a comment)' })
  async decideSideRequestAsLeader(
    @Args('id', { type: () => ID }) id: string,
    @Args('approve') approve: boolean,
    @Args('comment', { type: () => String, nullable: true }) comment: string | null,
    @CurrentUser() user: UserEntity,
  ): Promise<SideRequestModel> {
    return this.one(await this.requests.decideAsLeader(id, approve, comment, user), user);
  }

  @Mutation(() => SideRequestModel, {
    description: 'The second level: a coordinator, or the approver for key tasks. PARTLY grants an extension to grantedDueDate (after the current due date, up to the one asked for)',
  })
  async decideSideRequest(
    @Args('id', { type: () => ID }) id: string,
    @Args('grant', { type: () => SideRequestGrantEnum }) grant: SideRequestGrant,
    @Args('grantedDueDate', { type: () => String, nullable: true }) grantedDueDate: string | null,
    @Args('comment', { type: () => String, nullable: true }) comment: string | null,
    @CurrentUser() user: UserEntity,
  ): Promise<SideRequestModel> {
    const { request, transition } = await this.requests.decide(id, grant, grantedDueDate, comment, user);
    // A suspension or cancellation moved the task: open boards drop its card.
    if (transition) await this.events.announce({ taskId: request.taskId, transitionId: String(transition.id) });
    return this.one(request, user);
  }

  @Mutation(() => TaskModel, { description: 'A coordinator marks a task urgent (紧急) or key (重点任务); a flag left out stays as it is' })
  async setTaskFlags(
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('urgent', { type: () => Boolean, nullable: true }) urgent: boolean | null,
    @Args('keyTask', { type: () => Boolean, nullable: true }) keyTask: boolean | null,
    @CurrentUser() user: UserEntity,
  ): Promise<TaskModel> {
    return this.mapper.toModel(await this.requests.setTaskFlags(taskId, urgent, keyTask, user));
  }

  private async one(request: Parameters<SideRequestService['toModels']>[0][number], user: UserEntity): Promise<SideRequestModel> {
    const [model] = await this.requests.toModels([request], user);
    return model;
  }
}

import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { availableEvents, availableMoves, BOARD_STAGES, type BoardStage, taskFactsOf, type TaskEventType } from '@workplan/shared';
import { AccessService } from '../access/access.service';
import { AuthService } from '../auth/auth.service';
import { actorOf, CurrentUser, type GraphQLContext } from '../auth/current-user';
import { TaskEventEnum, TaskStageEnum } from '../common/graphql-enums';
import { badInput } from '../common/errors';
import { PlanModel } from '../plan/plan.model';
import { PlanService } from '../plan/plan.service';
import type { UserEntity } from '../user/user.entity';
import { BoardColumnModel, BoardLaneModel, BoardModel, TaskConnectionModel } from './board.model';
import { BoardService } from './board.service';
import { BoardLightFilter } from './board-lights';
import { BoardFilter } from './dto/board-filter.input';
import { CreateTaskInput } from './dto/create-task.input';
import { TransitionTaskInput } from './dto/transition-task.input';
import { TaskModelMapper } from './task-model.mapper';
import { TaskChangeFeed } from './task-change-feed';
import { TaskEvents, type TaskChangedPayload } from './task-events';
import { AvailableMoveModel, TaskChangeModel, TaskChangePageModel, TaskModel, TaskTransitionModel, TransitionResultModel } from './task.model';
import { TaskService } from './task.service';

@Resolver(() => TaskModel)
export class TaskResolver {
  constructor(
    private readonly tasks: TaskService,
    private readonly mapper: TaskModelMapper,
    private readonly plans: PlanService,
    private readonly events: TaskEvents,
    private readonly access: AccessService,
    private readonly feed: TaskChangeFeed,
    private readonly auth: AuthService,
  ) {}

  @Query(() => TaskModel)
  async task(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: UserEntity): Promise<TaskModel> {
    await this.access.assertTask(user, 'task', id);
    return this.mapper.toModel(await this.tasks.findById(id));
  }

  @Mutation(() => TaskModel, { description: 'A department proposes a task, or a coordinator assigns one' })
  async createTask(@Args('input') input: CreateTaskInput, @CurrentUser() user: UserEntity): Promise<TaskModel> {
    const { task, transition } = await this.tasks.createTask(input, user);
    await this.events.announce({ taskId: task.id, transitionId: String(transition.id) });
    return this.mapper.toModel(task);
  }

  @Mutation(() => TransitionResultModel)
  async transitionTask(@Args('input') input: TransitionTaskInput, @CurrentUser() user: UserEntity): Promise<TransitionResultModel> {
    const { task, transition, replayed } = await this.tasks.transitionTask(input, user);
    const [transitionModel] = await this.mapper.toTransitionModels([transition]);
    if (!replayed) await this.events.announce({ taskId: task.id, transitionId: String(transition.id) });
    return { task: await this.mapper.toModel(task), transition: transitionModel, replayed };
  }

  @Subscription(() => TaskChangeModel, {
    description: 'Every task created or moved, after it is committed (optionally only one plan’s)',
    filter(this: TaskResolver, payload: TaskChangedPayload, variables: { planId?: string | null }, context: GraphQLContext) {
      const { task } = payload.taskChanged;
      if (variables.planId && task.planId !== variables.planId) return false;
      return this.mayWatch(context.req.user, context.req.sessionId, task);
    },
  })
  taskChanged(@Args('planId', { type: () => ID, nullable: true }) _planId: string | null): AsyncIterableIterator<TaskChangedPayload> {
    return this.events.subscribe();
  }

  /** Live updates reach a person only for tasks the board would show them. */
  private async mayWatch(user: UserEntity | undefined, sessionId: string | undefined, task: TaskModel): Promise<boolean> {
    // A socket opened before a sign-out or a deactivation hears nothing more.
    if (!user || !sessionId || !(await this.auth.isSessionLive(sessionId))) return false;
    const viewer = this.access.viewer(user, 'taskChanged');
    const departments = { leadDepartmentId: task.leadDepartment.id, cooperatingDepartmentIds: task.cooperatingDepartments.map((d) => d.id) };
    return AccessService.reaches(viewer, departments, viewer ? await this.access.planVisibility(task.planId) : 'FULL');
  }

  @Query(() => TaskChangePageModel, {
    description: 'Changes committed since a cursor (from this query or Board.changesCursor), for a client that was away; without after, just the cursor',
  })
  async taskChanges(
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('planId', { type: () => ID, nullable: true }) planId: string | null,
    @CurrentUser() user: UserEntity,
  ): Promise<TaskChangePageModel> {
    const since = await this.feed.since(after, this.access.viewer(user, 'taskChanges'), planId);
    const tasks = new Map((await this.mapper.toModels(await this.tasks.findByIds([...new Set(since.transitions.map((t) => t.taskId))]))).map((t) => [t.id, t]));
    const transitions = await this.mapper.toTransitionModels(since.transitions);
    return {
      changes: since.transitions.map((row, i) => ({ task: tasks.get(row.taskId)!, transition: transitions[i] })).filter((c) => c.task),
      cursor: since.cursor,
      complete: since.complete,
    };
  }

  @ResolveField(() => [TaskEventEnum], { description: 'Events the signed-in user may send now' })
  availableEvents(@Parent() task: TaskModel, @CurrentUser() user: UserEntity): TaskEventType[] {
    return availableEvents(task.snapshot, actorOf(user), taskFactsOf(task));
  }

  @ResolveField(() => [AvailableMoveModel], { description: 'availableEvents with the stage each leads to (drop targets)' })
  availableMoves(@Parent() task: TaskModel, @CurrentUser() user: UserEntity): AvailableMoveModel[] {
    return availableMoves(task.snapshot, actorOf(user), taskFactsOf(task));
  }

  @ResolveField(() => [TaskTransitionModel], { description: 'Every change, oldest first' })
  async history(@Parent() task: TaskModel): Promise<TaskTransitionModel[]> {
    return this.mapper.toTransitionModels(await this.tasks.history(task.id));
  }

  @ResolveField(() => PlanModel, { nullable: true })
  async plan(@Parent() task: TaskModel): Promise<PlanModel | null> {
    const plan = task.planId ? await this.plans.findById(task.planId) : null;
    return plan ? PlanModel.from(plan) : null;
  }
}

@Resolver(() => BoardModel)
export class BoardResolver {
  constructor(
    private readonly boards: BoardService,
    private readonly access: AccessService,
    private readonly feed: TaskChangeFeed,
    private readonly lightFilter: BoardLightFilter,
  ) {}

  @ResolveField(() => String, { description: 'Pass to taskChanges(after:) after a dropped connection: changes since this board was read' })
  async changesCursor(@Parent() board: BoardModel & { cursor?: Promise<string> }): Promise<string> {
    return (await board.cursor) ?? (await this.feed.since(null, null, null)).cursor;
  }

  @Query(() => BoardModel)
  async board(@Args('filter', { type: () => BoardFilter, nullable: true }) filter: BoardFilter | null, @CurrentUser() user: UserEntity): Promise<BoardModel> {
    const query = await this.lightFilter.narrow(this.boards.normalise(filter, this.access.viewer(user, 'board')), filter?.lights);
    // Taken before the columns are read: a change racing the read is replayed, never lost.
    const cursor = this.feed.since(null, null, null).then((c) => c.cursor);
    cursor.catch(() => undefined);
    const columns = await this.boards.columns(query);
    return Object.assign(new BoardModel(), {
      columns: columns.map((c) => Object.assign(new BoardColumnModel(), { ...c, query })),
      totalCount: columns.reduce((sum, c) => sum + c.totalCount, 0),
      query,
      cursor,
    });
  }

  @ResolveField(() => BoardColumnModel, { description: 'One column on its own (what a column asks for as it scrolls)' })
  async column(@Parent() board: BoardModel, @Args('stage', { type: () => TaskStageEnum }) stage: BoardStage): Promise<BoardColumnModel> {
    const found = board.columns.find((c) => c.stage === stage);
    if (!found) throw badInput(`${stage} is not a board column`, 'stage');
    return found;
  }

  @ResolveField(() => [BoardLaneModel], { description: 'Swimlanes by lead department, busiest first, with per-stage counts' })
  lanes(@Parent() board: BoardModel): Promise<BoardLaneModel[]> {
    return this.boards.lanes(board.query);
  }
}

@Resolver(() => BoardColumnModel)
export class BoardColumnResolver {
  constructor(
    private readonly board: BoardService,
    private readonly mapper: TaskModelMapper,
  ) {}

  @ResolveField(() => TaskConnectionModel, { description: 'The column’s tasks in outline order, a page at a time (first ≤ 100)' })
  async tasks(
    @Parent() column: BoardColumnModel,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<TaskConnectionModel> {
    const page = await this.board.page(column.stage, column.query, first, after);
    return { nodes: await this.mapper.toModels(page.tasks), pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
  }
}

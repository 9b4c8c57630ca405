import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user';
import { TaskModel } from '../task/task.model';
import type { UserEntity } from '../user/user.entity';
import { ReminderModel, RemindTaskInput } from './reminder.model';
import { ReminderService } from './reminder.service';

@Resolver(() => ReminderModel)
export class ReminderResolver {
  constructor(private readonly service: ReminderService) {}

  @Query(() => [ReminderModel], { description: 'A task’s reminders and supervision notices, newest first' })
  reminders(@Args('taskId', { type: () => ID }) taskId: string, @CurrentUser() user: UserEntity): Promise<ReminderModel[]> {
    return this.service.forTask(taskId, user);
  }

  @Query(() => ReminderModel, { description: 'One slip, as printed' })
  reminder(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: UserEntity): Promise<ReminderModel> {
    return this.service.one(id, user);
  }

  @Query(() => [ReminderModel], { description: 'Slips the signed-in unit has not signed for yet, newest first' })
  myReminders(@CurrentUser() user: UserEntity): Promise<ReminderModel[]> {
    return this.service.mine(user);
  }

  @Mutation(() => ReminderModel, { description: 'A coordinator reminds a responsible unit by hand (催办), or sends it a supervision notice (督办通知单)' })
  remindTask(@Args('input') input: RemindTaskInput, @CurrentUser() user: UserEntity): Promise<ReminderModel> {
    return this.service.remind(input, user);
  }

  @Mutation(() => ReminderModel, { description: 'The unit’s staff sign for a slip (签收); signing again changes nothing' })
  signForReminder(@Args('reminderId', { type: () => ID }) reminderId: string, @CurrentUser() user: UserEntity): Promise<ReminderModel> {
    return this.service.signFor(reminderId, user);
  }
}

/** The card's count of slips not yet signed for, on the Task type; a board's cards are read together (one query). */
@Resolver(() => TaskModel)
export class TaskReminderCountResolver {
  constructor(private readonly reminders: ReminderService) {}

  @ResolveField(() => Int, { description: 'Reminders and supervision notices its units have not signed for yet' })
  unsignedReminderCount(@Parent() task: TaskModel): Promise<number> {
    return this.reminders.unsignedCount(task.id);
  }
}

import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user';
import type { UserEntity } from '../user/user.entity';
import { NotificationModel } from './notification.model';
import { NotificationService } from './notification.service';

@Resolver(() => NotificationModel)
export class NotificationResolver {
  constructor(private readonly service: NotificationService) {}

  @Query(() => [NotificationModel], { description: 'The signed-in user’s notifications, newest first' })
  async notifications(
    @CurrentUser() user: UserEntity,
    @Args('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Args('first', { type: () => Int, defaultValue: 30 }) first: number,
  ): Promise<NotificationModel[]> {
    return (await this.service.list(user.id, unreadOnly, first)).map((n) => ({ id: n.id, kind: n.kind, taskId: n.taskId, findingId: n.findingId, params: n.params, read: n.readAt !== null, createdAt: n.createdAt }));
  }

  @Query(() => Int)
  unreadNotificationCount(@CurrentUser() user: UserEntity): Promise<number> {
    return this.service.unreadCount(user.id);
  }

  @Mutation(() => Int, { description: 'Marks one notification read, or all of them when id is omitted; returns how many changed' })
  markNotificationsRead(@CurrentUser() user: UserEntity, @Args('id', { type: () => ID, nullable: true }) id: string | null): Promise<number> {
    return this.service.markRead(user.id, id);
  }
}

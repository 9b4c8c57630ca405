import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { AccessService } from '../access/access.service';
import { CurrentUser } from '../auth/current-user';
import type { UserEntity } from '../user/user.entity';
import { SupervisionBulletinModel } from './bulletin.model';
import { BulletinService } from './bulletin.service';

@Resolver()
export class BulletinResolver {
  constructor(
    private readonly bulletins: BulletinService,
    private readonly access: AccessService,
  ) {}

  @Query(() => SupervisionBulletinModel, { description: 'The supervision bulletin (督办通报) of a plan for a period, figures as of today' })
  supervisionBulletin(
    @CurrentUser() user: UserEntity,
    @Args('planId', { type: () => ID }) planId: string,
    @Args('period', { description: '2026-Q4, 2026-H1 or 2026' }) period: string,
  ): Promise<SupervisionBulletinModel> {
    return this.bulletins.bulletin(planId, period, this.access.viewer(user, 'supervisionBulletin'));
  }
}

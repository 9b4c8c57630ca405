import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AccessService } from '../access/access.service';
import { CurrentUser } from '../auth/current-user';
import type { UserEntity } from '../user/user.entity';
import { CalendarDayModel, SetCalendarDayInput, WatchListModel } from './supervision.model';
import { WatchListService } from './watch-list.service';
import { WorkCalendarService } from './work-calendar.service';
import type { WorkCalendarDayEntity } from './work-calendar-day.entity';

const dayModel = (row: WorkCalendarDayEntity): CalendarDayModel => Object.assign(new CalendarDayModel(), { date: row.day, kind: row.kind, name: row.name });

@Resolver()
export class SupervisionResolver {
  constructor(
    private readonly calendar: WorkCalendarService,
    private readonly watch: WatchListService,
    private readonly access: AccessService,
  ) {}

  @Query(() => [CalendarDayModel], { description: 'A year’s holidays and make-up workdays (the rest follows the weekday)' })
  async calendarDays(@Args('year', { type: () => Int }) year: number): Promise<CalendarDayModel[]> {
    return (await this.calendar.list(year)).map(dayModel);
  }

  @Mutation(() => CalendarDayModel, { description: 'An administrator marks a weekday a holiday, or a weekend day a working day (调休)' })
  async setCalendarDay(@Args('input') input: SetCalendarDayInput): Promise<CalendarDayModel> {
    return dayModel(await this.calendar.set(input.date, input.kind, input.name));
  }

  @Mutation(() => Boolean, { description: 'Back to the weekday rule; false when the day was no exception' })
  removeCalendarDay(@Args('date') date: string): Promise<boolean> {
    return this.calendar.remove(date);
  }

  @Query(() => WatchListModel, { description: 'Open tasks whose light is not green, by reason' })
  watchList(
    @CurrentUser() user: UserEntity,
    @Args('planId', { type: () => ID, nullable: true }) planId: string | null,
    @Args('departmentId', { type: () => ID, nullable: true }) departmentId: string | null,
  ): Promise<WatchListModel> {
    return this.watch.watchList({ planId, departmentId }, this.access.viewer(user, 'watchList'));
  }
}

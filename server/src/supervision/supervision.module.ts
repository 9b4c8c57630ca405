import { Module } from '@nestjs/common';
import { TaskModule } from '../task/task.module';
import { SupervisionResolver } from './supervision.resolver';
import { WatchListService } from './watch-list.service';
import { WorkCalendarModule } from './work-calendar.module';

/** Supervision (督办): the working-day calendar and the watch list. */
@Module({ imports: [TaskModule, WorkCalendarModule], providers: [WatchListService, SupervisionResolver] })
export class SupervisionModule {}

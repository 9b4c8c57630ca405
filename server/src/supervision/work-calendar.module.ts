import { Module } from '@nestjs/common';
import { TaskLightService } from './task-light.service';
import { WorkCalendarService } from './work-calendar.service';

/** The calendar and the lights computed with it: what a task card needs, without the rest of supervision. */
@Module({ providers: [WorkCalendarService, TaskLightService], exports: [WorkCalendarService, TaskLightService] })
export class WorkCalendarModule {}

import { Module } from '@nestjs/common';
import { NotificationModule } from '../notification/notification.module';
import { WorkCalendarModule } from '../supervision/work-calendar.module';
import { ReminderEscalation } from './reminder-escalation';
import { ReminderResolver, TaskReminderCountResolver } from './reminder.resolver';
import { ReminderService } from './reminder.service';

/** Reminders (催办) with escalation: slips by hand and by the plan's rules, signed for by the unit. */
@Module({ imports: [NotificationModule, WorkCalendarModule], providers: [ReminderService, ReminderResolver, TaskReminderCountResolver, ReminderEscalation], exports: [ReminderService, ReminderEscalation] })
export class ReminderModule {}

import { Module } from '@nestjs/common';
import { NotificationModule } from '../notification/notification.module';
import { WorkCalendarModule } from '../supervision/work-calendar.module';
import { AssignmentResolver, TaskAssignmentRollupResolver } from './assignment.resolver';
import { AssignmentService } from './assignment.service';
import { ReportAttachmentController } from './report-attachment.controller';

/** Each responsible unit's own record of a task (承办单位): sign-for, reports and their attachments, review, send back. */
@Module({ imports: [NotificationModule, WorkCalendarModule], controllers: [ReportAttachmentController], providers: [AssignmentService, AssignmentResolver, TaskAssignmentRollupResolver] })
export class AssignmentModule {}

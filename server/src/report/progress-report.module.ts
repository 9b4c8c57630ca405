import { Module } from '@nestjs/common';
import { NotificationModule } from '../notification/notification.module';
import { ProgressReportResolver } from './progress-report.resolver';
import { ProgressReportService } from './progress-report.service';
import { ReportReminders } from './report-reminders';

@Module({ imports: [NotificationModule], providers: [ProgressReportService, ProgressReportResolver, ReportReminders], exports: [ProgressReportService, ReportReminders] })
export class ProgressReportModule {}

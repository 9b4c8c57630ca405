import { Module } from '@nestjs/common';
import { ProgressReportResolver } from './progress-report.resolver';
import { ProgressReportService } from './progress-report.service';

@Module({ providers: [ProgressReportService, ProgressReportResolver], exports: [ProgressReportService] })
export class ProgressReportModule {}

import { Module } from '@nestjs/common';
import { IndicatorModule } from '../indicator/indicator.module';
import { ProgressReportModule } from '../report/progress-report.module';
import { TaskModule } from '../task/task.module';
import { DashboardResolver } from './dashboard.resolver';

@Module({ imports: [TaskModule, ProgressReportModule, IndicatorModule], providers: [DashboardResolver] })
export class DashboardModule {}

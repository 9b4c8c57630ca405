import { Module, type DynamicModule } from '@nestjs/common';
import { NotificationModule } from '../notification/notification.module';
import { ReminderModule } from '../reminder/reminder.module';
import { ProgressReportModule } from '../report/progress-report.module';
import { DeadlineSweeps } from './deadline-sweeps';
import { TIMER_OPTIONS, TimerService, type TimerOptions } from './timer.service';

@Module({})
export class TimerModule {
  static forRoot(options: TimerOptions): DynamicModule {
    return {
      module: TimerModule,
      imports: [NotificationModule, ProgressReportModule, ReminderModule],
      providers: [{ provide: TIMER_OPTIONS, useValue: options }, DeadlineSweeps, TimerService],
      exports: [TimerService, DeadlineSweeps],
    };
  }
}

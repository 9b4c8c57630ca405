import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentEntity } from '../department/department.entity';
import { DepartmentModule } from '../department/department.module';
import { NotificationModule } from '../notification/notification.module';
import { PlanModule } from '../plan/plan.module';
import { WorkCalendarModule } from '../supervision/work-calendar.module';
import { ProgressReportModule } from '../report/progress-report.module';
import { UserEntity } from '../user/user.entity';
import { BoardLightFilter } from './board-lights';
import { BoardService } from './board.service';
import { TaskModelMapper } from './task-model.mapper';
import { TaskCooperatingDepartmentEntity, TaskEntity } from './task.entity';
import { BoardColumnResolver, BoardResolver, TaskResolver } from './task.resolver';
import { TaskChangeFeed } from './task-change-feed';
import { TaskEvents } from './task-events';
import { TaskService } from './task.service';
import { TaskTransitionEntity } from './task-transition.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([TaskEntity, TaskCooperatingDepartmentEntity, TaskTransitionEntity, DepartmentEntity, UserEntity]),
    PlanModule,
    DepartmentModule,
    NotificationModule,
    ProgressReportModule,
    WorkCalendarModule,
  ],
  providers: [TaskService, TaskEvents, TaskChangeFeed, BoardService, BoardLightFilter, TaskModelMapper, TaskResolver, BoardResolver, BoardColumnResolver],
  exports: [TaskService, BoardService, TaskEvents, TaskModelMapper],
})
export class TaskModule {}

import { Module } from '@nestjs/common';
import { NotificationModule } from '../notification/notification.module';
import { TaskModule } from '../task/task.module';
import { SideRequestResolver } from './side-request.resolver';
import { SideRequestService } from './side-request.service';

/** Side requests (申请: 延期 调整 中止 撤销) and the task flags that decide who rules on them. */
@Module({ imports: [TaskModule, NotificationModule], providers: [SideRequestService, SideRequestResolver] })
export class SideRequestModule {}

import { Module } from '@nestjs/common';
import { NotificationModule } from '../notification/notification.module';
import { TaskModule } from '../task/task.module';
import { AnnotationService } from './annotation.service';
import { FollowService } from './follow.service';
import { AnnotationResolver, InstructionResolver, TaskFollowResolver } from './instruction.resolver';
import { InstructionService } from './instruction.service';

/** What leaders do on tasks: instructions (批示) the lead unit answers, following (关注), remarks (批注). */
@Module({
  imports: [TaskModule, NotificationModule],
  providers: [InstructionService, FollowService, AnnotationService, InstructionResolver, TaskFollowResolver, AnnotationResolver],
})
export class InstructionModule {}

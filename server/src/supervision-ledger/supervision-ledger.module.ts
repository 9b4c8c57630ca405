import { Module } from '@nestjs/common';
import { WorkCalendarModule } from '../supervision/work-calendar.module';
import { TaskModule } from '../task/task.module';
import { BulletinResolver } from './bulletin.resolver';
import { BulletinService } from './bulletin.service';
import { SupervisionLedgerService } from './supervision-ledger.service';

/** The office's outputs: the supervision ledger (督办台账, downloaded through ExportModule) and the bulletin (督办通报). */
@Module({
  imports: [TaskModule, WorkCalendarModule], // BoardService: the ledger takes the board's filter
  providers: [SupervisionLedgerService, BulletinService, BulletinResolver],
  exports: [SupervisionLedgerService],
})
export class SupervisionLedgerModule {}

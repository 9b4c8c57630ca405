import { Module } from '@nestjs/common';
import { SupervisionLedgerModule } from '../supervision-ledger/supervision-ledger.module';
import { TaskModule } from '../task/task.module';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';

/** Excel exports (工作台账, 主要指标/指标分解, 问题清单). AuthService comes from the global AuthModule; the DataSource from TypeORM's root. */
@Module({
  imports: [TaskModule, SupervisionLedgerModule], // BoardService: the ledger is the board's own query
  controllers: [ExportController],
  providers: [ExportService],
})
export class ExportModule {}

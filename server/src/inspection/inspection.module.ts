import { Module } from '@nestjs/common';
import { EvidenceController } from '../finding/evidence.controller';
import { FindingResolver } from '../finding/finding.resolver';
import { FindingService } from '../finding/finding.service';
import { NotificationModule } from '../notification/notification.module';
import { InspectionResolver } from './inspection.resolver';
import { InspectionService } from './inspection.service';

/** Inspection teams, visits, findings and their evidence. */
@Module({
  imports: [NotificationModule], // AuthService comes from the global AuthModule
  controllers: [EvidenceController],
  providers: [InspectionService, InspectionResolver, FindingService, FindingResolver],
  exports: [FindingService],
})
export class InspectionModule {}

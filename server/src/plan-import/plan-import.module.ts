import { Module } from '@nestjs/common';
import { PlanImportResolver } from './plan-import.resolver';
import { PlanImportService } from './plan-import.service';

@Module({ providers: [PlanImportService, PlanImportResolver], exports: [PlanImportService] })
export class PlanImportModule {}

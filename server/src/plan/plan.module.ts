import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlanEntity } from './plan.entity';
import { PlanResolver } from './plan.resolver';
import { PlanService } from './plan.service';

@Module({
  imports: [TypeOrmModule.forFeature([PlanEntity])],
  providers: [PlanService, PlanResolver],
  exports: [PlanService],
})
export class PlanModule {}

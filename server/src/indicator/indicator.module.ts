import { Module } from '@nestjs/common';
import { IndicatorResolver } from './indicator.resolver';
import { IndicatorService } from './indicator.service';

@Module({ providers: [IndicatorService, IndicatorResolver], exports: [IndicatorService] })
export class IndicatorModule {}

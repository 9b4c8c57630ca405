import { Module } from '@nestjs/common';
import { ScoringResolver } from './scoring.resolver';
import { ScoringService } from './scoring.service';

@Module({ providers: [ScoringService, ScoringResolver], exports: [ScoringService] })
export class ScoringModule {}

import { Module } from '@nestjs/common';
import { ScoringResolver } from './scoring.resolver';
import { TaskOutcomeSuggestionResolver } from './outcome-suggestion.resolver';
import { ScoringService } from './scoring.service';

@Module({ providers: [ScoringService, ScoringResolver, TaskOutcomeSuggestionResolver], exports: [ScoringService] })
export class ScoringModule {}

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DepartmentScoreCardModel, ScoringRulesInput, ScoringRulesModel } from './scoring.model';
import { ScoringService } from './scoring.service';

@Resolver()
export class ScoringResolver {
  constructor(private readonly scoring: ScoringService) {}

  @Query(() => [DepartmentScoreCardModel], { description: 'Departments of a plan scored for a period by its supervision rules, best first, with every deduction and addition' })
  scoreCards(@Args('planId', { type: () => ID }) planId: string, @Args('period', { description: '2026-Q3, 2026-H1 or 2026' }) period: string): Promise<DepartmentScoreCardModel[]> {
    return this.scoring.scoreCards(planId, period);
  }

  @Query(() => ScoringRulesModel, { description: 'The plan’s scoring rules (the defaults until a coordinator sets them)' })
  scoringRules(@Args('planId', { type: () => ID }) planId: string): Promise<ScoringRulesModel> {
    return this.scoring.rules(planId);
  }

  @Mutation(() => ScoringRulesModel, { description: 'A coordinator sets the plan’s scoring rules' })
  setScoringRules(@Args('planId', { type: () => ID }) planId: string, @Args('rules') rules: ScoringRulesInput): Promise<ScoringRulesModel> {
    return this.scoring.setRules(planId, rules);
  }
}

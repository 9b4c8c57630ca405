import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { TaskModel } from '../task/task.model';
import { OutcomeSuggestionModel } from './outcome-suggestion';
import { ScoringService } from './scoring.service';

@Resolver(() => TaskModel)
export class TaskOutcomeSuggestionResolver {
  constructor(private readonly scoring: ScoringService) {}

  @ResolveField(() => OutcomeSuggestionModel, {
    nullable: true,
    description: 'In the commendation stage: what the plan’s supervision scores propose (COMMEND, WARN or neither) for the lead unit; null elsewhere',
  })
  outcomeSuggestion(@Parent() task: TaskModel): Promise<OutcomeSuggestionModel | null> | null {
    if (task.stage !== 'COMMENDATION' || !task.planId || !task.leadDepartment) return null;
    return this.scoring.suggestOutcome(task.planId, task.leadDepartment.id);
  }
}

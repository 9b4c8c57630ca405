import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { toImportJson } from '@workplan/shared';
import { CurrentUser } from '../auth/current-user';
import { badInput, forbidden } from '../common/errors';
import type { UserEntity } from '../user/user.entity';
import { documentText } from './document-text';
import { ImportPlanInput, PlanImportResultModel } from './plan-import.model';
import { PlanImportService, type ImportOutcome } from './plan-import.service';

@Resolver()
export class PlanImportResolver {
  constructor(private readonly service: PlanImportService) {}

  @Mutation(() => PlanImportResultModel, { description: 'Reads a plan document: a preview (dryRun, the default), or the plan created on the board' })
  async importPlan(@Args('input') input: ImportPlanInput, @CurrentUser() user: UserEntity): Promise<PlanImportResultModel> {
    if (user.role !== 'COORDINATOR') throw forbidden('Coordinators import plans');
    const text = input.text?.trim() ? input.text : input.fileBase64 ? await documentText(input.fileName, Buffer.from(input.fileBase64, 'base64')) : '';
    if (!text.trim()) throw badInput('Send the document as text or as a file', 'text');
    const outcome = input.dryRun ? await this.service.preview(text) : await this.service.commit(text, input.fileName, input.departmentChoices ?? [], user);
    return toResult(outcome, input.dryRun);
  }
}

function toResult(outcome: ImportOutcome, dryRun: boolean): PlanImportResultModel {
  const { parsed } = outcome;
  return {
    dryRun,
    alreadyImported: outcome.alreadyImported,
    planId: outcome.planId,
    preview: toImportJson(parsed),
    departments: outcome.departments.map((d) => ({
      name: d.name,
      existing: d.existing ? { id: d.existing.id, name: d.existing.name } : null,
      suggestions: d.suggestions.map((s) => ({ id: s.id, name: s.name })),
      group: d.group,
    })),
    allocationChecks: parsed.allocationChecks,
    taskCount: parsed.tasks.length,
    indicatorCount: parsed.indicators.length,
    unplacedLines: parsed.unplacedLines,
  };
}

import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../common/json.scalar';

@InputType()
export class DepartmentChoiceInput {
  @Field({ description: 'A department name as the preview lists it' }) name: string;
  @Field(() => ID, { nullable: true, description: 'The existing department it is; omit to create a new one' }) departmentId?: string | null;
}

@InputType()
export class ImportPlanInput {
  @Field(() => String, { nullable: true, description: 'The document as text (pasted, or a .txt)' }) text?: string | null;
  @Field({ description: 'The document’s file name (.txt or .docx decides how fileBase64 is read)' }) fileName: string;
  @Field(() => String, { nullable: true, description: 'The uploaded file, base64; used when text is empty' }) fileBase64?: string | null;
  @Field({ defaultValue: true, description: 'Only preview; nothing is written' }) dryRun: boolean;
  @Field(() => [DepartmentChoiceInput], { nullable: true, description: 'The coordinator’s answer for new department names' })
  departmentChoices?: DepartmentChoiceInput[] | null;
}

@ObjectType('ImportDepartmentOption')
export class ImportDepartmentOptionModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType('ImportDepartment', { description: 'A department the document names: one we have, or a new one with suggested matches' })
export class ImportDepartmentModel {
  @Field() name: string;
  @Field(() => ImportDepartmentOptionModel, { nullable: true }) existing: ImportDepartmentOptionModel | null;
  @Field(() => [ImportDepartmentOptionModel]) suggestions: ImportDepartmentOptionModel[];
  @Field({ description: 'A catch-all such as 各镇区, kept as a group' }) group: boolean;
}

@ObjectType('PlanImportResult')
export class PlanImportResultModel {
  @Field() dryRun: boolean;
  @Field({ description: 'This very document was imported before: nothing new was written' }) alreadyImported: boolean;
  @Field(() => ID, { nullable: true, description: 'The plan created (or found)' }) planId: string | null;
  @Field(() => JSONScalar, { description: '{ plan, tasks, indicators, unplacedLines } — the same JSON as `npm run import -- --dry-run --json`' })
  preview: unknown;
  @Field(() => [ImportDepartmentModel]) departments: ImportDepartmentModel[];
  @Field(() => JSONScalar, { description: 'Per indicator and year: do the allocations add up to the target?' }) allocationChecks: unknown;
  @Field(() => Int) taskCount: number;
  @Field(() => Int) indicatorCount: number;
  @Field(() => [String]) unplacedLines: string[];
}

import { gql, type TypedDocumentNode } from '@apollo/client';

/** Where a task starts on the board: ready to carry out, or a department must first propose its work plan. */
export type ImportStartStage = 'IMPLEMENTATION' | 'PROPOSAL';

export interface PreviewTask {
  /** Path in the document's numbered outline: 一、(二) 3. → "1.2.3" */
  code: string;
  title: string;
  leadDepartments: string[];
  cooperatingDepartments: string[];
  /** Catch-alls such as 各镇区 */
  groups: string[];
  /** YYYY-MM-DD, or null when the plan sets none */
  deadline: string | null;
  startStage: ImportStartStage;
  /** Heading of the enclosing （x） or 一、 section */
  section: string;
}

export type IndicatorValue = number | string;

export interface PreviewIndicator {
  name: string;
  unit: string | null;
  baseline: { year: number | string; value: IndicatorValue } | null;
  /** year → value */
  targets: Record<string, IndicatorValue>;
  allocations: Array<{ department: string; year: number | string; value: IndicatorValue }>;
}

/** The `preview` JSON: what the document was read as. */
export interface ImportPreview {
  plan: { title: string | null; issuer: string | null; docNumber: string | null; issuedAt: string | null };
  tasks: PreviewTask[];
  indicators: PreviewIndicator[];
  unplacedLines: string[];
}

/** The `allocationChecks` JSON: per indicator and year, do the allocations add up to the target? */
export interface AllocationCheck {
  indicator: string;
  year: number | string;
  total: IndicatorValue | null;
  sum: IndicatorValue | null;
  ok: boolean;
  message: string | null;
}

export interface ImportDepartmentOption {
  id: string;
  name: string;
}

export interface ImportDepartment {
  name: string;
  /** The department we already have under this name; null for a name new to us */
  existing: ImportDepartmentOption | null;
  /** Existing departments it may well be (abbreviations, old names), best first */
  suggestions: ImportDepartmentOption[];
  /** A catch-all (各镇区, 各地级以上市人民政府), kept as a group rather than a department */
  group: boolean;
}

export interface PlanImportResult {
  dryRun: boolean;
  alreadyImported: boolean;
  planId: string | null;
  preview: ImportPreview;
  departments: ImportDepartment[];
  allocationChecks: AllocationCheck[];
  taskCount: number;
  indicatorCount: number;
  unplacedLines: string[];
}

/** A new department name: an existing department's id, or null to create it. */
export interface DepartmentChoice {
  name: string;
  departmentId: string | null;
}

export interface ImportPlanInput {
  text?: string | null;
  fileName: string;
  fileBase64?: string | null;
  dryRun: boolean;
  departmentChoices?: DepartmentChoice[] | null;
}

export interface ImportPlanVars {
  input: ImportPlanInput;
}

export const IMPORT_PLAN: TypedDocumentNode<{ importPlan: PlanImportResult }, ImportPlanVars> = gql`
  mutation ImportPlan($input: ImportPlanInput!) {
    importPlan(input: $input) {
      dryRun
      alreadyImported
      planId
      preview
      departments { name existing { id name } suggestions { id name } group }
      allocationChecks
      taskCount
      indicatorCount
      unplacedLines
    }
  }
`;

import { registerEnumType } from '@nestjs/graphql';
import { FINDING_EVENT_TYPES, FINDING_SEVERITIES, FINDING_STATUSES, ROLES, TASK_EVENT_TYPES, TASK_ORIGINS, TASK_STAGES, TASK_VISIBILITIES } from '@workplan/shared';

/** GraphQL enums built from the shared lists, so the schema can never drift from the machine. */
const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const TaskStageEnum = asEnum(TASK_STAGES);
export const TaskEventEnum = asEnum(TASK_EVENT_TYPES);
export const RoleEnum = asEnum(ROLES);
export const TaskOriginEnum = asEnum(TASK_ORIGINS);

registerEnumType(TaskStageEnum, { name: 'TaskStage', description: 'Six board stages, then the terminal outcomes' });
registerEnumType(TaskEventEnum, { name: 'TaskEvent', description: 'What can happen to a task; the machine decides when' });
registerEnumType(RoleEnum, { name: 'Role' });
registerEnumType(TaskOriginEnum, { name: 'TaskOrigin', description: 'PROPOSED by a department, or ASSIGNED top-down by an approved plan' });

export const FindingStatusEnum = asEnum(FINDING_STATUSES);
export const FindingSeverityEnum = asEnum(FINDING_SEVERITIES);
export const FindingEventEnum = asEnum(FINDING_EVENT_TYPES);
export const ProgressStatusEnum = asEnum(['ON_TRACK', 'AT_RISK', 'DELAYED'] as const);
export const GradeEnum = asEnum(['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const);
export const ReportCadenceEnum = asEnum(['QUARTER', 'HALF_YEAR', 'YEAR'] as const);

registerEnumType(FindingStatusEnum, { name: 'FindingStatus', description: 'OPEN → RECTIFYING → RECTIFIED → VERIFIED (销号)' });
registerEnumType(FindingSeverityEnum, { name: 'FindingSeverity' });
registerEnumType(FindingEventEnum, { name: 'FindingEvent' });
registerEnumType(ProgressStatusEnum, { name: 'ProgressStatus', description: 'A department’s own view of its progress' });
registerEnumType(GradeEnum, { name: 'Grade', description: '优秀 EXCELLENT ≥ 90, 良好 GOOD ≥ 80, 合格 PASS ≥ 60, 不合格 FAIL' });
registerEnumType(ReportCadenceEnum, { name: 'ReportCadence' });

export const TaskVisibilityEnum = asEnum(TASK_VISIBILITIES);
registerEnumType(TaskVisibilityEnum, {
  name: 'TaskVisibility',
  description: 'What department staff see of other departments’ tasks: FULL everything, SUMMARY the cards only, OWN nothing',
});

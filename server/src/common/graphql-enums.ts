import { registerEnumType } from '@nestjs/graphql';
import { ROLES, TASK_EVENT_TYPES, TASK_ORIGINS, TASK_STAGES } from '@workplan/shared';

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

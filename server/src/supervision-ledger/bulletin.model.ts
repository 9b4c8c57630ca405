import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LAGGING_REASONS, LEDGER_GROUPS, type LaggingReason, type LedgerGroup, type Light } from '@workplan/shared';
import { LightEnum } from '../supervision/supervision.model';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const LedgerGroupEnum = asEnum(LEDGER_GROUPS);
export const LaggingReasonEnum = asEnum(LAGGING_REASONS);
registerEnumType(LedgerGroupEnum, { name: 'LedgerGroup', description: 'FINISHED 已办结 (implementation over), IN_PROGRESS 正在办理, OVERDUE 已超期, ENDED 已中止撤销' });
registerEnumType(LaggingReasonEnum, { name: 'LaggingReason', description: 'OVERDUE, FAR_BEHIND (a red light before the deadline), NO_REPORT (nothing reported during implementation), RETURNED (its report came back for rework)' });

@ObjectType('BulletinExtension', { description: 'A granted extension: from the due date at filing to the granted one (PARTLY: less than asked)' })
export class BulletinExtensionModel {
  @Field(() => String, { nullable: true }) fromDueDate: string | null;
  @Field(() => String, { nullable: true }) requestedDueDate: string | null;
  @Field(() => String, { nullable: true }) grantedDueDate: string | null;
  @Field() partly: boolean;
}

@ObjectType('BulletinUnit', { description: 'One responsible unit’s line of the attached list' })
export class BulletinUnitModel {
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field() lead: boolean;
  @Field({ description: '责任人: the unit’s leader(s), else whoever signed for or reported on it' }) responsiblePerson: string;
  @Field(() => String, { nullable: true }) dueDate: string | null;
  @Field(() => Int, { nullable: true, description: 'The latest report’s percent; null when none was filed (未报送)' }) percentDone: number | null;
  @Field(() => String, { nullable: true }) workDone: string | null;
  @Field({ description: 'The latest report was returned for rework' }) returned: boolean;
  @Field(() => Int) returnCount: number;
  @Field(() => LightEnum) light: Light;
}

@ObjectType('BulletinItem', { description: 'One task (交办事项) of the attached list, as in the ledger' })
export class BulletinItemModel {
  @Field(() => ID) taskId: string;
  @Field() code: string;
  @Field() title: string;
  @Field(() => LedgerGroupEnum) group: LedgerGroup;
  @Field({ description: 'The task’s stage (TaskStage)' }) stage: string;
  @Field({ description: '交办时间, YYYY-MM-DD' }) assignedOn: string;
  @Field(() => String, { nullable: true }) dueDate: string | null;
  @Field(() => String, { nullable: true }) finishedOn: string | null;
  @Field() overdue: boolean;
  @Field(() => Int, { nullable: true, description: '办结总时间 in days' }) daysToFinish: number | null;
  @Field(() => [BulletinExtensionModel]) extensions: BulletinExtensionModel[];
  @Field(() => [BulletinUnitModel]) units: BulletinUnitModel[];
}

@ObjectType('LaggingItem')
export class LaggingItemModel {
  @Field(() => ID) taskId: string;
  @Field() taskCode: string;
  @Field() taskTitle: string;
  @Field(() => [LaggingReasonEnum]) reasons: LaggingReason[];
}

@ObjectType('LaggingUnit', { description: 'A unit named in the bulletin, with the items it lags on' })
export class LaggingUnitModel {
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field(() => [LaggingItemModel]) items: LaggingItemModel[];
}

@ObjectType('SupervisionBulletin', { description: 'The supervision bulletin (督办通报) of a plan for a period: totals, the lagging units, the ledger attached' })
export class SupervisionBulletinModel {
  @Field() planTitle: string;
  @Field({ description: '2026-Q4, 2026-H1 or 2026' }) period: string;
  @Field(() => Int, { description: '督办通报〔year〕第 issue 期' }) year: number;
  @Field(() => Int) issue: number;
  @Field({ description: 'The day the figures were taken, YYYY-MM-DD' }) issuedOn: string;
  @Field(() => Int) total: number;
  @Field(() => Int) finished: number;
  @Field(() => Int) inProgress: number;
  @Field(() => Int) overdue: number;
  @Field(() => Int) ended: number;
  @Field(() => Float, { description: 'Percent of the total, one decimal' }) finishedPercent: number;
  @Field(() => Float) inProgressPercent: number;
  @Field(() => Float) overduePercent: number;
  @Field(() => [LaggingUnitModel], { description: 'Most items first' }) laggingUnits: LaggingUnitModel[];
  @Field(() => [BulletinItemModel], { description: 'The ledger’s items in group order (已办结, 正在办理, 已超期, 已中止撤销)' }) items: BulletinItemModel[];
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkAllocations, expectedPace, indicatorProgress, isNonAdditive, paceStatus, todayIn } from '@workplan/shared';
import { DataSource, In } from 'typeorm';
import { badInput, forbidden, notFound } from '../common/errors';
import { requireText, requireUuid } from '../common/validate';
import { DepartmentEntity } from '../department/department.entity';
import { DepartmentModel } from '../department/department.model';
import type { UserEntity } from '../user/user.entity';
import { IndicatorAllocationEntity, IndicatorEntity } from './indicator.entity';
import type { CreateIndicatorInput, IndicatorModel, SetIndicatorAllocationsInput } from './indicator.model';

const num = (value: string | null) => (value === null ? null : Number(value));
const requireYear = (year: number, field: string) => {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw badInput(`${field} must be a year like 2026`, field);
  return year;
};

/** Target indicators (指标), their yearly targets, their split across departments or districts, and progress against pace. */
@Injectable()
export class IndicatorService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(input: CreateIndicatorInput, user: UserEntity): Promise<IndicatorEntity> {
    if (user.role !== 'COORDINATOR') throw forbidden('Coordinators set a plan’s indicators');
    if (!input.planId && !input.taskId) throw badInput('an indicator belongs to a plan or a task', 'planId');
    const targets: Record<string, number> = {};
    for (const t of input.targets) {
      if (!Number.isFinite(t.value)) throw badInput('targets must be numbers', 'targets');
      targets[String(requireYear(t.year, 'targets'))] = t.value;
    }
    if (input.baselineValue !== null && input.baselineValue !== undefined && !Number.isFinite(input.baselineValue)) throw badInput('baselineValue must be a number', 'baselineValue');
    return this.dataSource.manager.save(
      this.dataSource.manager.create(IndicatorEntity, {
        planId: input.planId ? requireUuid(input.planId, 'planId') : null,
        taskId: input.taskId ? requireUuid(input.taskId, 'taskId') : null,
        name: requireText(input.name, 'name', 300, true),
        unit: requireText(input.unit, 'unit', 40) ?? '',
        baselineYear: input.baselineYear ? requireYear(input.baselineYear, 'baselineYear') : null,
        baselineValue: input.baselineValue === null || input.baselineValue === undefined ? null : String(input.baselineValue),
        targets,
        summaryGoal: requireText(input.summaryGoal, 'summaryGoal', 2000),
      }),
    );
  }

  async setAllocations(input: SetIndicatorAllocationsInput, user: UserEntity): Promise<IndicatorEntity> {
    if (user.role !== 'COORDINATOR') throw forbidden('Coordinators split indicators across departments');
    const indicatorId = requireUuid(input.indicatorId, 'indicatorId');
    const year = requireYear(input.year, 'year');
    const departmentIds = input.allocations.map((a) => requireUuid(a.departmentId, 'allocations'));
    if (new Set(departmentIds).size !== departmentIds.length) throw badInput('a department is listed twice', 'allocations');
    if (input.allocations.some((a) => !Number.isFinite(a.value))) throw badInput('allocations must be numbers', 'allocations');
    return this.dataSource.transaction(async (em) => {
      const indicator = await em.findOneBy(IndicatorEntity, { id: indicatorId });
      if (!indicator) throw notFound('Indicator', indicatorId);
      if (departmentIds.length && (await em.countBy(DepartmentEntity, { id: In(departmentIds) })) !== departmentIds.length) throw badInput('a department does not exist', 'allocations');
      await em.delete(IndicatorAllocationEntity, { indicatorId, year });
      if (input.allocations.length) {
        await em.insert(IndicatorAllocationEntity, input.allocations.map((a) => ({ indicatorId, departmentId: a.departmentId, year, value: String(a.value) })));
      }
      return indicator;
    });
  }

  async list(filter: { planId?: string | null; taskId?: string | null }): Promise<IndicatorEntity[]> {
    const where = filter.taskId ? { taskId: requireUuid(filter.taskId, 'taskId') } : filter.planId ? { planId: requireUuid(filter.planId, 'planId') } : {};
    return this.dataSource.manager.find(IndicatorEntity, { where, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  async toModels(indicators: IndicatorEntity[], today = todayIn()): Promise<IndicatorModel[]> {
    if (!indicators.length) return [];
    const em = this.dataSource.manager;
    const ids = indicators.map((i) => i.id);
    const allocations = await em.find(IndicatorAllocationEntity, { where: { indicatorId: In(ids) }, order: { year: 'ASC', value: 'DESC' } });
    const departments = new Map(allocations.length ? (await em.findBy(DepartmentEntity, { id: In([...new Set(allocations.map((a) => a.departmentId))]) })).map((d) => [d.id, DepartmentModel.from(d)]) : []);
    // The latest reported value per indicator and year.
    const actualRows: Array<{ indicator_id: string; year: number; value: string }> = await em.query(
      `SELECT DISTINCT ON (v.indicator_id, left(r.period, 4)) v.indicator_id, left(r.period, 4)::int AS year, v.value
         FROM progress_report_value v JOIN progress_report r ON r.id = v.report_id
        WHERE v.indicator_id = ANY($1::uuid[])
        ORDER BY v.indicator_id, left(r.period, 4), r.period DESC, r.submitted_at DESC`,
      [ids],
    );
    const year = Number(today.slice(0, 4));
    const pace = expectedPace({ start: `${year}-01-01`, end: `${year}-12-31`, today });
    return indicators.map((indicator) => {
      const mine = allocations.filter((a) => a.indicatorId === indicator.id);
      const years = [...new Set(mine.map((a) => a.year))];
      const actuals = actualRows.filter((r) => r.indicator_id === indicator.id).map((r) => ({ year: r.year, value: Number(r.value) }));
      const target = indicator.targets[String(year)];
      const actual = actuals.find((a) => a.year === year)?.value ?? null;
      const baseline = num(indicator.baselineValue);
      const progress = target !== undefined && baseline !== null ? indicatorProgress({ baseline, target, actual }) : null;
      return {
        id: indicator.id,
        planId: indicator.planId,
        taskId: indicator.taskId,
        name: indicator.name,
        unit: indicator.unit,
        baselineYear: indicator.baselineYear,
        baselineValue: baseline,
        targets: Object.entries(indicator.targets).map(([y, value]) => ({ year: Number(y), value })).sort((a, b) => a.year - b.year),
        summaryGoal: indicator.summaryGoal,
        allocations: mine.map((a) => ({ department: departments.get(a.departmentId)!, year: a.year, value: Number(a.value) })),
        // Rates and shares (%) of districts do not add up to the plan's rate: nothing to check.
        allocationChecks: years
          .filter((y) => indicator.targets[String(y)] !== undefined && !isNonAdditive({ name: indicator.name, unit: indicator.unit }))
          .map((y) => {
            const total = indicator.targets[String(y)];
            const check = checkAllocations(total, mine.filter((a) => a.year === y).map((a) => ({ department: departments.get(a.departmentId)?.name ?? a.departmentId, value: Number(a.value) })));
            return { year: y, total, ...check };
          }),
        actuals,
        progress,
        expectedPace: pace,
        paceStatus: progress === null ? null : paceStatus(progress, pace),
      };
    });
  }
}

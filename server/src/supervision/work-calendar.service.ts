import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { calendarOf, isIsoDate, type CalendarDayKind, type WorkCalendar } from '@workplan/shared';
import { Between, DataSource } from 'typeorm';
import { badInput } from '../common/errors';
import { requireText } from '../common/validate';
import { WorkCalendarDayEntity } from './work-calendar-day.entity';

/** How long a replica trusts its copy of the calendar; another replica's edit shows within this. */
const CACHE_MS = 60_000;

/** The working-day calendar: the exceptions an administrator keeps, and the calendar the lights count with. */
@Injectable()
export class WorkCalendarService {
  private cached: { calendar: WorkCalendar; until: number } | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(year: number): Promise<WorkCalendarDayEntity[]> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year must be between 2000 and 2100', 'year');
    return this.dataSource.manager.find(WorkCalendarDayEntity, { where: { day: Between(`${year}-01-01`, `${year}-12-31`) }, order: { day: 'ASC' } });
  }

  async set(date: string, kind: CalendarDayKind, name: string | null | undefined): Promise<WorkCalendarDayEntity> {
    if (!isIsoDate(date)) throw badInput('date must look like 2026-10-01', 'date');
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    if (kind === 'WORKDAY' && !weekend) throw badInput('Only a Saturday or Sunday can be made a working day', 'kind');
    if (kind === 'HOLIDAY' && weekend) throw badInput('A Saturday or Sunday is a day off already', 'kind');
    const row = this.dataSource.manager.create(WorkCalendarDayEntity, { day: date, kind, name: requireText(name, 'name', 100) });
    await this.dataSource.manager.upsert(WorkCalendarDayEntity, row, ['day']);
    this.cached = null;
    return row;
  }

  async remove(date: string): Promise<boolean> {
    if (!isIsoDate(date)) throw badInput('date must look like 2026-10-01', 'date');
    const result = await this.dataSource.manager.delete(WorkCalendarDayEntity, { day: date });
    this.cached = null;
    return (result.affected ?? 0) > 0;
  }

  async calendar(): Promise<WorkCalendar> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.calendar;
    const rows = await this.dataSource.manager.find(WorkCalendarDayEntity);
    const calendar = calendarOf(rows.map((r) => ({ date: r.day, kind: r.kind })));
    this.cached = { calendar, until: Date.now() + CACHE_MS };
    return calendar;
  }
}

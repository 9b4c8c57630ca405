import type { CalendarDayKind } from '@workplan/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An exception to the weekday rule: a weekday holiday, or a weekend day worked (调休). */
@Entity('work_calendar_day')
export class WorkCalendarDayEntity {
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ type: 'varchar', length: 8 }) kind: CalendarDayKind;
  @Column({ type: 'varchar', length: 100, nullable: true }) name: string | null;
}

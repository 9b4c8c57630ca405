import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Warning lights (督办 红黄绿灯): the working-day calendar an administrator keeps, each plan's rules
 * for the lights, the percent done a report states, and which tasks are urgent.
 */
export class SupervisionLights1764374400000 implements MigrationInterface {
  name = 'SupervisionLights1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_calendar_day (
        day date PRIMARY KEY,
        kind varchar(8) NOT NULL CHECK (kind IN ('HOLIDAY','WORKDAY')),
        name varchar(100)
      )`);
    await q.query(`
      ALTER TABLE plan
        ADD COLUMN light_due_soon_days integer NOT NULL DEFAULT 3 CHECK (light_due_soon_days BETWEEN 0 AND 60),
        ADD COLUMN light_working_days boolean NOT NULL DEFAULT true,
        ADD COLUMN light_pace_yellow_points integer NOT NULL DEFAULT 10 CHECK (light_pace_yellow_points BETWEEN 0 AND 100),
        ADD COLUMN light_pace_red_points integer NOT NULL DEFAULT 30 CHECK (light_pace_red_points BETWEEN 0 AND 100),
        ADD COLUMN light_stale_days integer NOT NULL DEFAULT 10 CHECK (light_stale_days BETWEEN 0 AND 365)`);
    await q.query(`ALTER TABLE progress_report ADD COLUMN percent_done smallint CHECK (percent_done BETWEEN 0 AND 100)`);
    await q.query(`ALTER TABLE task ADD COLUMN urgent boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE task DROP COLUMN urgent`);
    await q.query(`ALTER TABLE progress_report DROP COLUMN percent_done`);
    await q.query(`ALTER TABLE plan DROP COLUMN light_due_soon_days, DROP COLUMN light_working_days, DROP COLUMN light_pace_yellow_points, DROP COLUMN light_pace_red_points, DROP COLUMN light_stale_days`);
    await q.query(`DROP TABLE work_calendar_day`);
  }
}

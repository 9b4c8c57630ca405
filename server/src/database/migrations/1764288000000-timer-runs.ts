import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A row per timer job run, by which replica: an operator's "did the reminders go out?", and the proof that a job ran once. */
export class TimerRuns1764288000000 implements MigrationInterface {
  name = 'TimerRuns1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE timer_run (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        timer varchar(64) NOT NULL,
        job_id varchar(64) NOT NULL,
        replica varchar(200) NOT NULL,
        started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        finished_at timestamptz,
        notified integer,
        error text
      )`);
    await q.query(`CREATE INDEX timer_run_timer_idx ON timer_run (timer, started_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE timer_run`);
  }
}

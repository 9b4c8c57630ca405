import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from './1764028800000-access-audit';

/**
 * Reminders (催办) with escalation: each slip is a logged event (only its sign-for is ever written
 * again), numbered per year by a counter row that a transaction locks while it takes a number — so
 * numbers are unique and, as a rolled-back slip gives its number back, without gaps. The timer's
 * slips are unique per (task, unit, level, missed deadline): two runs, or two replicas, send one.
 * Each plan says after how many working days it escalates.
 */
export class Reminders1764633600000 implements MigrationInterface {
  name = 'Reminders1764633600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reminder_number_counter (
        year integer PRIMARY KEY,
        last integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE reminder (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL,
        sequence integer NOT NULL,
        number varchar(40) NOT NULL UNIQUE,
        task_id uuid NOT NULL REFERENCES task(id),
        department_id uuid NOT NULL REFERENCES department(id),
        level varchar(16) NOT NULL CHECK (level IN ('REMINDER','NOTICE')),
        requirement text NOT NULL,
        deadline date NOT NULL,
        task_due_date date,
        origin varchar(8) NOT NULL CHECK (origin IN ('AUTO','MANUAL')),
        issued_by uuid REFERENCES app_user(id),
        issued_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        signed_at timestamptz,
        signed_by uuid REFERENCES app_user(id),
        UNIQUE (year, sequence),
        CHECK ((origin = 'MANUAL') = (issued_by IS NOT NULL)),
        CHECK ((signed_at IS NULL) = (signed_by IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX reminder_escalation_once ON reminder (task_id, department_id, level, task_due_date) WHERE origin = 'AUTO'`);
    await q.query(`CREATE INDEX reminder_task_idx ON reminder (task_id, created_at)`);
    await q.query(`CREATE INDEX reminder_unsigned_idx ON reminder (department_id, created_at) WHERE signed_at IS NULL`);
    // Logged events: once written, only the sign-for may be filled in, and only once.
    await q.query(`
      CREATE FUNCTION reminder_sign_for_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'reminders are kept: no DELETE'; END IF;
        IF OLD.signed_at IS NOT NULL
           OR (to_jsonb(NEW) - 'signed_at' - 'signed_by') IS DISTINCT FROM (to_jsonb(OLD) - 'signed_at' - 'signed_by') THEN
          RAISE EXCEPTION 'a reminder is a logged event: only its sign-for may be recorded, once';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER reminder_logged BEFORE UPDATE OR DELETE ON reminder FOR EACH ROW EXECUTE FUNCTION reminder_sign_for_only()`);
    // TRUNCATE skips row triggers (refuse_rewrite comes with the audit trail); the app's role may not delete at all.
    await q.query(`CREATE TRIGGER reminder_no_truncate BEFORE TRUNCATE ON reminder FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite()`);
    const [{ exists }] = await q.query(`SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists`, [APP_DB_ROLE]);
    if (exists) await q.query(`REVOKE DELETE, TRUNCATE ON reminder FROM ${APP_DB_ROLE}`);
    await q.query(`
      ALTER TABLE plan
        ADD COLUMN reminder_after_days integer NOT NULL DEFAULT 1 CHECK (reminder_after_days BETWEEN 1 AND 60),
        ADD COLUMN notice_after_days integer NOT NULL DEFAULT 5 CHECK (notice_after_days BETWEEN 1 AND 60)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan DROP COLUMN reminder_after_days, DROP COLUMN notice_after_days`);
    await q.query(`DROP TABLE reminder`);
    await q.query(`DROP FUNCTION reminder_sign_for_only()`);
    await q.query(`DROP TABLE reminder_number_counter`);
  }
}

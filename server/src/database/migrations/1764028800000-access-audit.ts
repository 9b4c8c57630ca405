import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the running app acts as (SET ROLE at connect); migrations run as the login role, the owner. */
export const APP_DB_ROLE = 'workplan_app';

/**
 * Hardening: an administrator role, each plan's visibility setting, sign-in sessions that can be
 * revoked, and an append-only audit trail the app's own database role cannot rewrite.
 */
export class AccessAudit1764028800000 implements MigrationInterface {
  name = 'AccessAudit1764028800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_role_check`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('COORDINATOR','APPROVER','INSPECTOR','MANAGER','STAFF','ADMIN'))`);
    await q.query(`
      ALTER TABLE plan ADD COLUMN task_visibility varchar(8) NOT NULL DEFAULT 'FULL' CHECK (task_visibility IN ('FULL','SUMMARY','OWN'))`);

    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        refresh_hash char(64) NOT NULL UNIQUE,
        address varchar(64),
        created_at timestamptz NOT NULL DEFAULT now(),
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX auth_session_user_idx ON auth_session (user_id) WHERE revoked_at IS NULL`);

    // No foreign keys: an entry must outlive anything it mentions, and a failed sign-in names nobody.
    await q.query(`
      CREATE TABLE audit_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_email varchar(254),
        actor_role varchar(16),
        operation varchar(64) NOT NULL,
        target_id varchar(64),
        arguments jsonb NOT NULL DEFAULT '{}',
        address varchar(64),
        request_id varchar(64) NOT NULL,
        result varchar(40) NOT NULL,
        message text,
        duration_ms integer
      )`);
    await q.query(`CREATE INDEX audit_entry_at_idx ON audit_entry (at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, id DESC)`);
    await q.query(`CREATE INDEX audit_entry_operation_idx ON audit_entry (operation, id DESC)`);
    // Even the table's owner (and a superuser, short of dropping the trigger) cannot rewrite history.
    await q.query(`
      CREATE FUNCTION refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
    // task_transition already refuses UPDATE and DELETE (workflow core); TRUNCATE skips row triggers.
    for (const table of ['audit_entry', 'task_transition']) {
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite()`);
    }

    // The app's role: everything it needs, minus rewriting the audit trail and task history. A
    // login role that may not create roles (a hosted database) keeps working without it.
    await q.query(`
      DO $$ BEGIN
        CREATE ROLE ${APP_DB_ROLE} NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation OR insufficient_privilege THEN NULL;
      END $$`);
    const [{ exists }] = await q.query(`SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists`, [APP_DB_ROLE]);
    if (!exists) return;
    await q.query(`
      DO $$ BEGIN
        IF NOT pg_has_role(current_user, '${APP_DB_ROLE}', 'MEMBER') THEN EXECUTE 'GRANT ${APP_DB_ROLE} TO ' || quote_ident(current_user); END IF;
      EXCEPTION WHEN insufficient_privilege THEN NULL;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_DB_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_DB_ROLE}`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_DB_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_DB_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_DB_ROLE}`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, task_transition FROM ${APP_DB_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entry`);
    await q.query(`DROP TRIGGER task_transition_no_truncate ON task_transition`);
    await q.query(`DROP FUNCTION refuse_rewrite()`);
    await q.query(`DROP TABLE auth_session`);
    await q.query(`ALTER TABLE plan DROP COLUMN task_visibility`);
    await q.query(`DELETE FROM app_user WHERE role = 'ADMIN'`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_role_check`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('COORDINATOR','APPROVER','INSPECTOR','MANAGER','STAFF'))`);
  }
}

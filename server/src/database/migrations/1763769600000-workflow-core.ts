import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Departments, users, plans, tasks and their append-only transition history. */
export class WorkflowCore1763769600000 implements MigrationInterface {
  name = 'WorkflowCore1763769600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE department (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        level varchar(16) NOT NULL CHECK (level IN ('province','city','district','town','group')),
        parent_id uuid REFERENCES department(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL UNIQUE,
        name varchar(100) NOT NULL,
        password_hash text NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('COORDINATOR','APPROVER','INSPECTOR','MANAGER','STAFF')),
        department_id uuid REFERENCES department(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(300) NOT NULL,
        issuer varchar(200),
        doc_number varchar(100),
        issued_at date,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid REFERENCES plan(id),
        code varchar(64) NOT NULL,
        sort_key varchar(256) NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        lead_department_id uuid NOT NULL REFERENCES department(id),
        due_date date,
        origin varchar(16) NOT NULL CHECK (origin IN ('PROPOSED','ASSIGNED')),
        stage varchar(32) NOT NULL,
        snapshot jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The board reads one column (stage) at a time in sort order, often narrowed by plan or department.
    await q.query(`CREATE INDEX task_stage_sort_idx ON task (stage, sort_key, id)`);
    await q.query(`CREATE INDEX task_plan_stage_idx ON task (plan_id, stage)`);
    await q.query(`CREATE INDEX task_lead_department_stage_idx ON task (lead_department_id, stage)`);
    await q.query(`CREATE INDEX task_due_date_idx ON task (due_date)`);
    await q.query(`
      CREATE TABLE task_cooperating_department (
        task_id uuid NOT NULL REFERENCES task(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES department(id),
        position smallint NOT NULL,
        PRIMARY KEY (task_id, department_id)
      )`);
    await q.query(`CREATE INDEX task_cooperating_department_department_idx ON task_cooperating_department (department_id)`);
    await q.query(`
      CREATE TABLE task_transition (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES task(id),
        event varchar(32) NOT NULL,
        from_stage varchar(32),
        to_stage varchar(32) NOT NULL,
        from_state jsonb,
        to_state jsonb NOT NULL,
        actor_id uuid REFERENCES app_user(id),
        actor_role varchar(16),
        comment text,
        version integer NOT NULL,
        idempotency_key varchar(200),
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    // One history row per task version: a second guard, below the compare-and-set, against double writes.
    await q.query(`CREATE UNIQUE INDEX task_transition_task_version_idx ON task_transition (task_id, version)`);
    await q.query(
      `CREATE UNIQUE INDEX task_transition_idempotency_idx ON task_transition (actor_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    // History is evidence: it may grow, never change.
    await q.query(`
      CREATE FUNCTION task_transition_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'task_transition is append-only (% refused)', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER task_transition_append_only BEFORE UPDATE OR DELETE ON task_transition
      FOR EACH ROW EXECUTE FUNCTION task_transition_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE task_transition`);
    await q.query(`DROP FUNCTION task_transition_append_only()`);
    await q.query(`DROP TABLE task_cooperating_department`);
    await q.query(`DROP TABLE task`);
    await q.query(`DROP TABLE plan`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE department`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The half of the process after approval: indicators and their allocations, progress reports,
 * inspection teams, inspections, findings (with their own append-only history and evidence files),
 * assessments, and in-app notifications. Plans get their reporting and ranking settings.
 */
export class ImplementationInspection1763856000000 implements MigrationInterface {
  name = 'ImplementationInspection1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE plan
        ADD COLUMN report_cadence varchar(16) NOT NULL DEFAULT 'QUARTER' CHECK (report_cadence IN ('QUARTER','HALF_YEAR','YEAR')),
        ADD COLUMN report_due_offset_days integer NOT NULL DEFAULT 5 CHECK (report_due_offset_days BETWEEN 0 AND 90),
        ADD COLUMN commend_count integer NOT NULL DEFAULT 3 CHECK (commend_count >= 0),
        ADD COLUMN warn_count integer NOT NULL DEFAULT 3 CHECK (warn_count >= 0),
        ADD COLUMN starts_on date,
        ADD COLUMN ends_on date`);

    await q.query(`
      CREATE TABLE indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid REFERENCES plan(id),
        task_id uuid REFERENCES task(id),
        name varchar(300) NOT NULL,
        unit varchar(40) NOT NULL DEFAULT '',
        baseline_year integer,
        baseline_value numeric,
        targets jsonb NOT NULL DEFAULT '{}'::jsonb,
        summary_goal text,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (plan_id IS NOT NULL OR task_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX indicator_plan_idx ON indicator (plan_id)`);
    await q.query(`CREATE INDEX indicator_task_idx ON indicator (task_id)`);
    await q.query(`
      CREATE TABLE indicator_allocation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES department(id),
        year integer NOT NULL,
        value numeric NOT NULL,
        UNIQUE (indicator_id, department_id, year)
      )`);

    await q.query(`
      CREATE TABLE progress_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id),
        department_id uuid NOT NULL REFERENCES department(id),
        period varchar(10) NOT NULL,
        narrative text NOT NULL,
        problems text NOT NULL DEFAULT '',
        status varchar(16) NOT NULL CHECK (status IN ('ON_TRACK','AT_RISK','DELAYED')),
        submitted_by uuid NOT NULL REFERENCES app_user(id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (task_id, department_id, period)
      )`);
    await q.query(`CREATE INDEX progress_report_task_idx ON progress_report (task_id, period)`);
    await q.query(`
      CREATE TABLE progress_report_value (
        report_id uuid NOT NULL REFERENCES progress_report(id) ON DELETE CASCADE,
        indicator_id uuid NOT NULL REFERENCES indicator(id),
        value numeric NOT NULL,
        PRIMARY KEY (report_id, indicator_id)
      )`);

    await q.query(`
      CREATE TABLE inspection_team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid REFERENCES plan(id),
        name varchar(200) NOT NULL,
        lead_department_id uuid REFERENCES department(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE inspection_team_member (
        team_id uuid NOT NULL REFERENCES inspection_team(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        PRIMARY KEY (team_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE inspection_team_coverage (
        team_id uuid NOT NULL REFERENCES inspection_team(id) ON DELETE CASCADE,
        task_id uuid REFERENCES task(id),
        region_id uuid REFERENCES department(id),
        CHECK ((task_id IS NULL) <> (region_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX inspection_team_coverage_idx ON inspection_team_coverage (team_id, coalesce(task_id, region_id))`);

    await q.query(`
      CREATE TABLE inspection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id),
        team_id uuid REFERENCES inspection_team(id),
        scheduled_on date NOT NULL,
        visited_on date,
        conclusion text,
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX inspection_task_idx ON inspection (task_id)`);

    await q.query(`
      CREATE TABLE finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id),
        inspection_id uuid REFERENCES inspection(id),
        severity varchar(8) NOT NULL CHECK (severity IN ('MINOR','MAJOR')),
        description text NOT NULL,
        rectification_deadline date,
        status varchar(16) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','RECTIFYING','RECTIFIED','VERIFIED')),
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX finding_task_status_idx ON finding (task_id, status)`);
    await q.query(`
      CREATE TABLE finding_event (
        id bigserial PRIMARY KEY,
        finding_id uuid NOT NULL REFERENCES finding(id),
        event varchar(32) NOT NULL,
        from_status varchar(16),
        to_status varchar(16) NOT NULL,
        actor_id uuid NOT NULL REFERENCES app_user(id),
        actor_role varchar(16) NOT NULL,
        comment text,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX finding_event_finding_idx ON finding_event (finding_id, id)`);
    await q.query(`
      CREATE TRIGGER finding_event_append_only BEFORE UPDATE OR DELETE ON finding_event
      FOR EACH ROW EXECUTE FUNCTION task_transition_append_only()`);
    await q.query(`
      CREATE TABLE evidence_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        finding_id uuid NOT NULL REFERENCES finding(id),
        file_name varchar(255) NOT NULL,
        content_type varchar(100) NOT NULL,
        size_bytes integer NOT NULL,
        sha256 char(64) NOT NULL,
        storage_key varchar(100) NOT NULL UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES app_user(id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id),
        department_id uuid NOT NULL REFERENCES department(id),
        period varchar(10) NOT NULL,
        score numeric(5,2) NOT NULL CHECK (score >= 0 AND score <= 100),
        grade varchar(10) NOT NULL CHECK (grade IN ('EXCELLENT','GOOD','PASS','FAIL')),
        comment text,
        assessed_by uuid NOT NULL REFERENCES app_user(id),
        assessed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (task_id, period)
      )`);
    await q.query(`CREATE INDEX assessment_department_period_idx ON assessment (department_id, period)`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        kind varchar(32) NOT NULL,
        task_id uuid REFERENCES task(id),
        finding_id uuid REFERENCES finding(id),
        params jsonb NOT NULL DEFAULT '{}'::jsonb,
        dedupe_key varchar(200),
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`);
    await q.query(`CREATE UNIQUE INDEX notification_dedupe_idx ON notification (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notification', 'assessment', 'evidence_file', 'finding_event', 'finding', 'inspection', 'inspection_team_coverage', 'inspection_team_member', 'inspection_team', 'progress_report_value', 'progress_report', 'indicator_allocation', 'indicator']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE plan DROP COLUMN report_cadence, DROP COLUMN report_due_offset_days, DROP COLUMN commend_count, DROP COLUMN warn_count, DROP COLUMN starts_on, DROP COLUMN ends_on`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each responsible unit's own record of a task (承办单位): one assignment per lead or cooperating
 * unit, with its sign-for (签收) and its status, and the unit's progress reports with the
 * coordinator's review. Existing tasks get their assignments here, by the rule of
 * initialAssignmentStatus (shared/src/assignment) written out in SQL and frozen as of this migration
 * (new tasks get theirs from openAssignments).
 */
export class TaskAssignments1764547200000 implements MigrationInterface {
  name = 'TaskAssignments1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE task_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES department(id),
        lead boolean NOT NULL,
        due_date date,
        sign_within_days smallint NOT NULL DEFAULT 2 CHECK (sign_within_days BETWEEN 0 AND 60),
        assigned_at timestamptz NOT NULL DEFAULT now(),
        signed_at timestamptz,
        signed_by uuid REFERENCES app_user(id),
        status varchar(16) NOT NULL CHECK (status IN ('ASSIGNED','SIGNED','REPORTED','RETURNED','PASSED','SENT_BACK')),
        return_count integer NOT NULL DEFAULT 0 CHECK (return_count >= 0),
        sent_back_reason text,
        sent_back_at timestamptz,
        sent_back_by uuid REFERENCES app_user(id),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (task_id, department_id)
      )`);
    // "What my unit has to sign for / report on" reads by department.
    await q.query(`CREATE INDEX task_assignment_department_idx ON task_assignment (department_id, status)`);
    await q.query(`
      CREATE TABLE assignment_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES task_assignment(id) ON DELETE CASCADE,
        percent_done smallint NOT NULL CHECK (percent_done BETWEEN 0 AND 100),
        work_done text NOT NULL,
        problems text NOT NULL DEFAULT '',
        support_needed text NOT NULL DEFAULT '',
        next_plan text NOT NULL DEFAULT '',
        submitted_by uuid NOT NULL REFERENCES app_user(id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        review varchar(8) CHECK (review IN ('PASSED','RETURNED')),
        review_reason text,
        reviewed_by uuid REFERENCES app_user(id),
        reviewed_at timestamptz,
        CHECK (review IS DISTINCT FROM 'RETURNED' OR review_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX assignment_report_assignment_idx ON assignment_report (assignment_id, submitted_at DESC)`);
    await q.query(`
      INSERT INTO task_assignment (task_id, department_id, lead, due_date, assigned_at, status, signed_at, signed_by)
      SELECT t.id, u.department_id, u.lead, t.due_date, s.assigned_at,
             CASE WHEN s.signed THEN 'SIGNED' ELSE 'ASSIGNED' END,
             CASE WHEN s.signed THEN s.assigned_at END,
             CASE WHEN u.lead AND t.origin = 'PROPOSED' THEN t.created_by END
        FROM task t
        CROSS JOIN LATERAL (SELECT t.lead_department_id AS department_id, true AS lead
                            UNION ALL SELECT c.department_id, false FROM task_cooperating_department c WHERE c.task_id = t.id) u
        CROSS JOIN LATERAL (SELECT COALESCE((SELECT min(h.at) FROM task_transition h WHERE h.task_id = t.id), t.created_at) AS assigned_at,
                                   (u.lead AND t.origin = 'PROPOSED') OR t.stage NOT IN ('PROPOSAL','REVIEW','APPROVAL','IMPLEMENTATION') AS signed) s`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assignment_report`);
    await q.query(`DROP TABLE task_assignment`);
  }
}

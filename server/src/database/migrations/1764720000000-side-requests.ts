import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Side requests (申请: 延期, 调整, 中止, 撤销) beside a task's stage, decided first by the filing
 * unit's leader and then by a coordinator (or the approver for key tasks). The task learns to be a
 * key task (重点任务) and keeps its original deadline once an extension moves the due date, for scoring.
 */
export class SideRequests1764720000000 implements MigrationInterface {
  name = 'SideRequests1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE task ADD COLUMN key_task boolean NOT NULL DEFAULT false, ADD COLUMN original_due_date date`);
    await q.query(`
      CREATE TABLE side_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES department(id),
        kind varchar(16) NOT NULL CHECK (kind IN ('EXTENSION','ADJUSTMENT','SUSPENSION','CANCELLATION')),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        requested_due_date date,
        adjustment text,
        stage_at_filing varchar(32) NOT NULL,
        due_date_at_filing date,
        status varchar(16) NOT NULL DEFAULT 'PENDING_LEADER'
          CHECK (status IN ('PENDING_LEADER','PENDING_DECISION','GRANTED','PARTLY_GRANTED','REJECTED','WITHDRAWN')),
        filed_by uuid NOT NULL REFERENCES app_user(id),
        filed_at timestamptz NOT NULL DEFAULT now(),
        leader_approved boolean,
        leader_decided_by uuid REFERENCES app_user(id),
        leader_decided_at timestamptz,
        leader_comment text,
        decided_by uuid REFERENCES app_user(id),
        decided_role varchar(16),
        decided_at timestamptz,
        decision_comment text,
        granted_due_date date,
        withdrawn_at timestamptz,
        CHECK ((kind = 'EXTENSION') = (requested_due_date IS NOT NULL)),
        CHECK ((kind = 'ADJUSTMENT') = (adjustment IS NOT NULL)),
        CHECK (status <> 'PARTLY_GRANTED' OR kind = 'EXTENSION')
      )`);
    // One pending request per task and kind, even when two are filed at once.
    await q.query(`CREATE UNIQUE INDEX side_request_one_pending_idx ON side_request (task_id, kind) WHERE status IN ('PENDING_LEADER','PENDING_DECISION')`);
    await q.query(`CREATE INDEX side_request_task_idx ON side_request (task_id, filed_at)`);
    // What waits on leaders (by department) and on coordinators and approvers (by status).
    await q.query(`CREATE INDEX side_request_pending_idx ON side_request (status, department_id) WHERE status IN ('PENDING_LEADER','PENDING_DECISION')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE side_request`);
    await q.query(`ALTER TABLE task DROP COLUMN key_task, DROP COLUMN original_due_date`);
  }
}

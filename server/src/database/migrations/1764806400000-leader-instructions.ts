import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leader instructions (领导批示) with the lead unit's answer, leaders following tasks (关注), and
 * leaders' remarks on tasks (批注).
 */
export class LeaderInstructions1764806400000 implements MigrationInterface {
  name = 'LeaderInstructions1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE leader_instruction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id) ON DELETE CASCADE,
        number varchar(64) NOT NULL,
        issued_on date NOT NULL,
        content text NOT NULL,
        tone varchar(16) NOT NULL CHECK (tone IN ('POSITIVE','DIRECTIVE','CRITICAL')),
        reopened_task boolean NOT NULL DEFAULT false,
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        answer text,
        answered_by uuid REFERENCES app_user(id),
        answered_at timestamptz,
        CONSTRAINT leader_instruction_number_per_task UNIQUE (task_id, number),
        CONSTRAINT leader_instruction_answer_whole CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answered_by IS NULL) = (answered_at IS NULL))
      )`);
    // The lists of unanswered instructions: by task (a unit's) and by issuer (a leader's).
    await q.query(`CREATE INDEX leader_instruction_open_task_idx ON leader_instruction (task_id) WHERE answered_at IS NULL`);
    await q.query(`CREATE INDEX leader_instruction_open_issuer_idx ON leader_instruction (created_by) WHERE answered_at IS NULL`);
    await q.query(`
      CREATE TABLE task_follow (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        task_id uuid NOT NULL REFERENCES task(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, task_id)
      )`);
    await q.query(`CREATE INDEX task_follow_task_idx ON task_follow (task_id)`);
    await q.query(`
      CREATE TABLE task_annotation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES app_user(id),
        content text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX task_annotation_task_idx ON task_annotation (task_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE task_annotation`);
    await q.query(`DROP TABLE task_follow`);
    await q.query(`DROP TABLE leader_instruction`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel every replica listens on; one message per history row, sent when its transaction commits. */
export const TASK_CHANGED_CHANNEL = 'workplan_task_changed';
/** `SET LOCAL workplan.quiet_changes = 'on'` keeps a transaction's history rows from being announced. */
export const QUIET_SETTING = 'workplan.quiet_changes';

/**
 * Live updates across replicas. Each history row notifies on commit (never for a rolled-back
 * change, never missed for a committed one), and remembers its transaction id so a client that was
 * away can ask for everything committed since the moment it last asked (see TaskChangeFeed).
 */
export class LiveEvents1764201600000 implements MigrationInterface {
  name = 'LiveEvents1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE task_transition ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id()`);
    await q.query(`CREATE INDEX task_transition_tx_idx ON task_transition (tx)`);
    await q.query(`
      CREATE FUNCTION notify_task_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A bulk load (the demo seed) says so, rather than announcing its thousands of rows one by one.
        IF current_setting('${QUIET_SETTING}', true) = 'on' THEN RETURN NULL; END IF;
        PERFORM pg_notify('${TASK_CHANGED_CHANNEL}', json_build_object('taskId', NEW.task_id, 'transitionId', NEW.id)::text);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER task_transition_notify AFTER INSERT ON task_transition FOR EACH ROW EXECUTE FUNCTION notify_task_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER task_transition_notify ON task_transition`);
    await q.query(`DROP FUNCTION notify_task_changed()`);
    await q.query(`ALTER TABLE task_transition DROP COLUMN tx`);
  }
}

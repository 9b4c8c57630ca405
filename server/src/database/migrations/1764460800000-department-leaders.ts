import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A unit's leader (单位负责人): a department staff account that signs for its unit — the first
 * level of approval of the unit's side requests, and a recipient of reminders to the unit.
 */
export class DepartmentLeaders1764460800000 implements MigrationInterface {
  name = 'DepartmentLeaders1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN department_leader boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_leader_has_department CHECK (NOT department_leader OR (role = 'STAFF' AND department_id IS NOT NULL))`);
    await q.query(`CREATE INDEX app_user_department_leader_idx ON app_user (department_id) WHERE department_leader`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN department_leader`);
  }
}

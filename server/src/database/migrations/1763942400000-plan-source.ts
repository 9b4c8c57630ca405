import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Remembers which document a plan was imported from, so importing it again finds the plan instead of duplicating it. */
export class PlanSource1763942400000 implements MigrationInterface {
  name = 'PlanSource1763942400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan ADD COLUMN source_sha256 char(64), ADD COLUMN source_file_name varchar(255)`);
    await q.query(`CREATE UNIQUE INDEX plan_source_sha256_idx ON plan (source_sha256) WHERE source_sha256 IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan DROP COLUMN source_sha256, DROP COLUMN source_file_name`);
  }
}

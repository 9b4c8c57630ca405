import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments on a unit's progress report (附件) live in the evidence store beside inspection
 * evidence: one table, one files dir, one download route. Each file belongs to exactly one owner.
 */
export class ReportAttachments1765152000000 implements MigrationInterface {
  name = 'ReportAttachments1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evidence_file ADD COLUMN assignment_report_id uuid REFERENCES assignment_report(id), ALTER COLUMN finding_id DROP NOT NULL`);
    await q.query(`ALTER TABLE evidence_file ADD CONSTRAINT evidence_file_one_owner CHECK (num_nonnulls(finding_id, assignment_report_id) = 1)`);
    await q.query(`CREATE INDEX evidence_file_assignment_report_idx ON evidence_file (assignment_report_id) WHERE assignment_report_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM evidence_file WHERE assignment_report_id IS NOT NULL`);
    await q.query(`ALTER TABLE evidence_file DROP CONSTRAINT evidence_file_one_owner, DROP COLUMN assignment_report_id, ALTER COLUMN finding_id SET NOT NULL`);
  }
}

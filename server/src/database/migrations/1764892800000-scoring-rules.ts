import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A plan's supervision scoring rules (督办考核评分细则); null means the default rules. */
export class ScoringRules1764892800000 implements MigrationInterface {
  name = 'ScoringRules1764892800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan ADD COLUMN scoring_rules jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan DROP COLUMN scoring_rules`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The board reads a column a page at a time in (sort_key, id) order, usually narrowed to one
 * department or one plan. With (lead_department_id, stage) and (plan_id, stage) alone, PostgreSQL
 * walks the stage's whole outline order and filters (or sorts every match) to find a page: the
 * cost grows with the other departments' tasks, and a department with few tasks in a big column
 * scans nearly all of it. Carrying the page order in the index makes a page one index range read
 * (bench/results/board.json shows the plans before and after). The new indexes start with the old
 * ones' columns, so those go: counts per stage use the new ones just as well.
 */
export class BoardIndexes1764115200000 implements MigrationInterface {
  name = 'BoardIndexes1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX task_lead_department_stage_sort_idx ON task (lead_department_id, stage, sort_key, id)`);
    await q.query(`CREATE INDEX task_plan_stage_sort_idx ON task (plan_id, stage, sort_key, id)`);
    await q.query(`DROP INDEX task_lead_department_stage_idx`);
    await q.query(`DROP INDEX task_plan_stage_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX task_plan_stage_idx ON task (plan_id, stage)`);
    await q.query(`CREATE INDEX task_lead_department_stage_idx ON task (lead_department_id, stage)`);
    await q.query(`DROP INDEX task_plan_stage_sort_idx`);
    await q.query(`DROP INDEX task_lead_department_stage_sort_idx`);
  }
}

import type { DataSource } from 'typeorm';

/** Everything a transition could touch, to prove a refused request changed nothing. */
export async function workflowState(ds: DataSource): Promise<unknown> {
  const tasks = await ds.query(`SELECT id, stage, version, snapshot, updated_at FROM task ORDER BY id`);
  const transitions = await ds.query(`SELECT id, task_id, event, version FROM task_transition ORDER BY id`);
  return { tasks, transitions };
}

/**
 * A digest of every table but the audit trail (which records refusals too, by design) and the
 * migrations list: equal digests before and after a call mean the call changed nothing.
 */
export async function databaseFingerprint(ds: DataSource): Promise<Record<string, string>> {
  const tables: Array<{ name: string }> = await ds.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('audit_entry', 'migrations') ORDER BY tablename`,
  );
  const digests = await Promise.all(
    tables.map(async ({ name }) => {
      const [{ digest }] = await ds.query(`SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS digest FROM "${name}" r`);
      return [name, digest] as const;
    }),
  );
  return Object.fromEntries(digests);
}

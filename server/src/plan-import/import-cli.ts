import 'reflect-metadata';
import { parsePlan, toImportJson } from '@workplan/shared';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { locateDatabase } from '../database/database-location';
import { openDatabase } from '../database/data-source';
import { documentText } from './document-text';
import { PlanImportService } from './plan-import.service';

const USAGE = `usage: npm run import -- [--dry-run] [--json] path/to/plan.(txt|docx)
  --dry-run  parse only; write nothing
  --json     print the parse as JSON ({ plan, tasks, indicators, unplacedLines })
Without --dry-run the plan is created in DATABASE_URL (or the embedded database in ./.data).`;

/** `npm run import`: the same reader as the board's import, from a terminal. */
async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const [file] = argv.filter((a) => !a.startsWith('--'));
  if (!file || flags.has('--help')) {
    console.error(USAGE);
    return file ? 0 : 2;
  }
  const text = await documentText(file, readFileSync(file));
  const parsed = parsePlan(text);
  if (flags.has('--dry-run')) {
    if (flags.has('--json')) console.log(JSON.stringify(toImportJson(parsed), null, 2));
    else {
      console.log(`${parsed.plan.title ?? basename(file)}: ${parsed.tasks.length} tasks, ${parsed.indicators.length} indicators, ${parsed.unplacedLines.length} lines not placed`);
      for (const line of parsed.unplacedLines) console.log(`  not placed: ${line}`);
    }
    return 0;
  }
  const db = await locateDatabase();
  const dataSource = await openDatabase(db.url);
  try {
    const outcome = await new PlanImportService(dataSource).commit(text, basename(file), [], null);
    const summary = { planId: outcome.planId, alreadyImported: outcome.alreadyImported, tasks: parsed.tasks.length, indicators: parsed.indicators.length };
    console.log(flags.has('--json') ? JSON.stringify(summary) : `${outcome.alreadyImported ? 'Already imported' : 'Imported'}: plan ${outcome.planId}, ${summary.tasks} tasks, ${summary.indicators} indicators`);
    return 0;
  } finally {
    await dataSource.destroy();
    await db.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaSDL } from './print-schema';

/** `npm run schema -w server`: rewrites server/schema.gql after an API change. */
buildSchemaSDL().then((sdl) => {
  const file = join(__dirname, '..', '..', 'schema.gql');
  writeFileSync(file, sdl);
  console.log(`wrote ${file}`);
});

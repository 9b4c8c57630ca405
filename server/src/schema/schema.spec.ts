import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaSDL } from './print-schema';

describe('committed GraphQL schema', () => {
  it('matches the resolvers (run `npm run schema -w server` after changing the API)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8');
    expect(await buildSchemaSDL()).toBe(committed);
  });
});

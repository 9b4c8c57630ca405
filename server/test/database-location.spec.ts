import { locateDatabase } from '../src/database/database-location';

// Starting the embedded server itself is tested end to end in test/ (restart.spec.ts): inside jest's
// module sandbox its ESM binary package cannot load, while the real app and globalSetup load it fine.
describe('locating the database', () => {
  it('uses DATABASE_URL when it is set, starting nothing', async () => {
    const located = await locateDatabase({ DATABASE_URL: 'postgres://someone@db.example:5432/plans' } as NodeJS.ProcessEnv);
    expect(located).toMatchObject({ url: 'postgres://someone@db.example:5432/plans', embedded: false });
  });
});

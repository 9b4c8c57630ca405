/** @type {import('jest').Config} */
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  // The same real PostgreSQL the server's integration tests get (embedded unless DATABASE_URL is set).
  globalSetup: '<rootDir>/../server/test/global-setup.ts',
  globalTeardown: '<rootDir>/../server/test/global-teardown.ts',
  testTimeout: 120000,
};

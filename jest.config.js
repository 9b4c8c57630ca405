// One jest run for the whole repo: `npm test`. Each workspace is a project.
/** @type {import("jest").Config} */
module.exports = {
  "testTimeout": 60000,
  // Jest's default on 2 cores is one worker; most suites wait on PostgreSQL or Chromium, so two keep both cores busy.
  "maxWorkers": 2,
  "projects": [
    "<rootDir>/shared",
    "<rootDir>/server",
    "<rootDir>/test",
    "<rootDir>/client/jest.config.cjs"
  ]
};

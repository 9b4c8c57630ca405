// One jest run for the whole repo: `npm test`. Each workspace is a project.
/** @type {import("jest").Config} */
module.exports = {
  "testTimeout": 60000,
  "projects": [
    "<rootDir>/shared",
    "<rootDir>/server",
    "<rootDir>/test",
    "<rootDir>/client/jest.config.cjs"
  ]
};

// One jest run for the whole repo: `npm test`. Each workspace is a project.
/** @type {import('jest').Config} */
module.exports = {
  projects: ['<rootDir>/shared', '<rootDir>/server'],
};

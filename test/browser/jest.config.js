// Browser tests: Playwright (playwright-core) driving Debian's chromium against the real service.
// Run with `npm run test:browser`; the root jest.config.js never matches these files, so `npm test`
// needs no browser. Same TypeScript and ES-module transforms as the root projects.
const root = require('../../jest.config.js');

const base = root.projects[0];
module.exports = {
  rootDir: '../..',
  displayName: 'browser',
  testEnvironment: 'node',
  transform: base.transform,
  transformIgnorePatterns: base.transformIgnorePatterns,
  testMatch: ['<rootDir>/test/browser/**/*.browser.test.ts'],
  testTimeout: 120_000,
  // One browser and one service at a time: the machine is small and the tests share the service.
  maxWorkers: 1,
};

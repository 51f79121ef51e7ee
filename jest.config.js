// Three levels, each runnable alone: `npx jest --selectProjects unit|int|e2e`.
// Suites that need a real EventStoreDB live in jest.eventstoredb.config.js, outside `npm test`.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
// A few maintained data packages ship only as ES modules (e.g. `iso-3166`). Jest on Node 20 runs
// CommonJS and cannot `require` them, so they alone are transpiled (no type-check) to CommonJS.
const esmOnlyPackages = ['iso-3166', 'jose', '@svg-maps/mexico'];
const esmToCjs = [
  'ts-jest',
  { tsconfig: { allowJs: true, isolatedModules: true, module: 'commonjs', target: 'ES2022' } },
];
const project = (name) => ({
  displayName: name,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': tsJest,
    [`/node_modules/(${esmOnlyPackages.join('|')})/.+\\.js$`]: esmToCjs,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  testMatch: [`<rootDir>/test/**/*.${name}.test.ts`],
});
module.exports = {
  projects: [project('unit'), project('int'), project('e2e')],
};

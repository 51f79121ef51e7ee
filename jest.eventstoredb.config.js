// The event store conformance suite against a real EventStoreDB, outside `npm test`:
//   EVENTSTORE_CONNECTION_STRING=esdb://localhost:2113?tls=false npx jest -c jest.eventstoredb.config.js
// A real server answers over the network and may hold much data, hence the longer timeout.
module.exports = {
  displayName: 'eventstoredb',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/test/**/*.eventstoredb.test.ts'],
  testTimeout: 30_000,
};

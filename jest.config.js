/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
  },
  testTimeout: 30000,
  // Test files open SQLite files and child processes; two workers match the
  // two cores these machines have and keep file-lock contention low.
  maxWorkers: 2,
};

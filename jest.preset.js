// Shared Jest settings. Tests run as native ES modules (node --experimental-vm-modules), so
// `import.meta` and top-level await behave as they do in the built packages; @swc/jest strips
// the types. Workspace packages resolve to their TypeScript sources, so a test never needs a
// build of the package it imports.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, sourceMaps: 'inline' },
    ],
  },
  moduleNameMapper: {
    '^@s4nn/(data|encoding|core|train|serve|report)$': `${root}packages/$1/src/index.ts`,
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  reporters: ['default', `${root}tools/scripts/tally-reporter.cjs`],
  testTimeout: 30000,
};

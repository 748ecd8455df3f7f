import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '.nx/**', 'coverage/**', 'runs/**', '.cache/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@s4nn/*/src/*', '../../*/src/*'],
              message: 'Import a package through its index (public API only).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Dependency rules of ARCHITECTURE.md: core never reaches data or Arrow; encoding needs nothing of ours.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['@s4nn/data', '@s4nn/train', '@s4nn/serve', 'apache-arrow'] },
      ],
    },
  },
  {
    files: ['packages/encoding/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['@s4nn/core', '@s4nn/data', '@s4nn/train', '@s4nn/serve', 'apache-arrow'] },
      ],
    },
  },
  {
    files: ['packages/data/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['@s4nn/core', '@s4nn/train', '@s4nn/serve'] }],
    },
  },
  {
    files: ['packages/serve/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['@s4nn/data', '@s4nn/train'] }] },
  },
);

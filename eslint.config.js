import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const publicApiOnly = [
  {
    group: ['@s4nn/*/src/*', '../../*/src/*'],
    message: 'Import a package through its index (public API only).',
  },
];

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
      'no-restricted-imports': ['error', { patterns: publicApiOnly }],
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
  // Dependency rules of ARCHITECTURE.md: each package imports only the packages below it.
  ...Object.entries({
    encoding: [
      '@s4nn/core',
      '@s4nn/data',
      '@s4nn/train',
      '@s4nn/serve',
      '@s4nn/report',
      'apache-arrow',
    ],
    data: ['@s4nn/core', '@s4nn/encoding', '@s4nn/train', '@s4nn/serve', '@s4nn/report'],
    core: ['@s4nn/data', '@s4nn/train', '@s4nn/serve', '@s4nn/report', 'apache-arrow'],
    train: ['@s4nn/serve', '@s4nn/report'],
    serve: ['@s4nn/data', '@s4nn/train', '@s4nn/report'],
    report: ['@s4nn/serve'],
  }).map(([name, forbidden]) => ({
    files: [`packages/${name}/src/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { paths: forbidden, patterns: publicApiOnly }] },
  })),
);

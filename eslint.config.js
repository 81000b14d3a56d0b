// Lint: TypeScript rules plus the house rules of docs/ARCHITECTURE.md.
// - Layers, with eslint-plugin-boundaries (default disallow; external and node: imports policed).
// - Inside a layer (./.eslint-plugin-local): a feature is used only through its index.ts, SQL
//   only in the store and features' queries files, no file names that differ only in case.
// - No floating promises (type-aware).
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import local from './.eslint-plugin-local/index.js';

const node = { origin: 'core' };
const pkg = (...names) => names.map((source) => ({ origin: 'external', source }));
const elements = (...types) => ({ element: { types: { anyOf: types } } });

/** Layer → what it may import. Order of `boundaries/elements` matters: first match wins. */
const policies = [
  {
    from: { element: { type: 'shared' } },
    allow: [{ to: elements('shared') }, { to: { module: pkg('zod', 'chinese-days') } }],
  },
  {
    from: { element: { type: 'renderer' } },
    allow: [
      { to: elements('renderer', 'shared') },
      {
        to: {
          module: pkg(
            'react',
            'react-dom',
            'maplibre-gl',
            'echarts',
            'i18next',
            'react-i18next',
            '@tanstack/react-virtual',
            'zod',
          ),
        },
      },
    ],
  },
  {
    // The store kernel: the database, migrations, the event log, reference tables, backups.
    from: { element: { type: 'store' } },
    allow: [{ to: elements('store', 'shared') }, { to: { module: [node, ...pkg('better-sqlite3', 'zod')] } }],
  },
  {
    // Features: handlers and their queries. The map feature checks imported basemap files with
    // the basemap adapter's readers.
    from: { element: { type: 'features' } },
    allow: [
      { to: elements('features', 'runtime', 'store', 'adapter-basemap', 'shared') },
      { to: { module: [node, ...pkg('zod', 'flatbush', 'exceljs', 'csv-parse', 'iconv-lite')] } },
    ],
  },
  {
    // Composition, the gate, the worker pool; it starts the sync engine and the Open311 connector.
    from: { element: { type: 'runtime' } },
    allow: [
      { to: elements('runtime', 'features', 'store', 'adapter-sync', 'adapter-open311', 'shared') },
      { to: { module: [node, ...pkg('zod')] } },
    ],
  },
  {
    from: { element: { type: 'adapter-sync' } },
    allow: [
      { to: elements('adapter-sync', 'features', 'store', 'shared') },
      { to: { module: [node, ...pkg('zod', 'ws')] } },
    ],
  },
  {
    // The reference upstream hub: the same store in server role.
    from: { element: { type: 'adapter-hub' } },
    allow: [
      { to: elements('adapter-hub', 'adapter-sync', 'features', 'store', 'shared') },
      { to: { module: [node, ...pkg('zod', 'ws')] } },
    ],
  },
  {
    from: { element: { type: 'adapter-open311' } },
    allow: [
      { to: elements('adapter-open311', 'adapter-sync', 'features', 'store', 'shared') },
      { to: { module: [node, ...pkg('zod')] } },
    ],
  },
  {
    from: { element: { type: 'adapter-basemap' } },
    allow: [
      { to: elements('adapter-basemap', 'store', 'shared') },
      { to: { module: [node, ...pkg('zod')] } },
    ],
  },
  {
    from: { element: { type: 'adapter-host' } },
    allow: [
      { to: elements('adapter-host', 'runtime', 'adapter-basemap', 'shared') },
      { to: { module: [node, ...pkg('ws', 'zod')] } },
    ],
  },
  {
    from: { element: { type: 'shell' } },
    allow: [
      { to: elements('shell', 'adapter-host', 'runtime', 'adapter-basemap', 'shared') },
      { to: { module: [node, ...pkg('electron', 'zod')] } },
    ],
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
      'release/',
      'data/',
      'tests/e2e/.artifacts/',
      'resources/',
      '.scratch/',
      '.bench/',
      '.test-results/',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { boundaries, local },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
      'boundaries/elements': [
        { type: 'shared', pattern: 'shared' },
        { type: 'renderer', pattern: 'renderer' },
        { type: 'store', pattern: 'electron/core/store' },
        { type: 'features', pattern: 'electron/core/features' },
        { type: 'runtime', pattern: 'electron/core/runtime' },
        { type: 'adapter-sync', pattern: 'electron/core/adapters/sync' },
        { type: 'adapter-hub', pattern: 'electron/core/adapters/hub' },
        { type: 'adapter-open311', pattern: 'electron/core/adapters/open311' },
        { type: 'adapter-basemap', pattern: 'electron/core/adapters/basemap' },
        { type: 'adapter-host', pattern: 'electron/core/adapters/host' },
        { type: 'shell', pattern: 'electron' },
      ],
    },
    rules: {
      'boundaries/dependencies': [2, { default: 'disallow', checkAllOrigins: true, policies }],
      'local/feature-imports': 'error',
      'local/sql-in-store': 'error',
      'local/no-case-collisions': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Tests and scripts sit outside the layers; they may use anything, but still no `any`.
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}', '**/*.config.{ts,js}'],
    rules: {
      'boundaries/dependencies': 'off',
      'local/feature-imports': 'off',
      'local/sql-in-store': 'off',
      'max-lines': 'off',
    },
  },
);

// Lint: TypeScript rules plus the layer rules of docs/ARCHITECTURE.md, enforced with
// eslint-plugin-boundaries (default disallow, external and node: imports policed too).
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

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
    from: { element: { type: 'store' } },
    allow: [{ to: elements('store', 'shared') }, { to: { module: [node, ...pkg('better-sqlite3', 'zod')] } }],
  },
  {
    from: { element: { type: 'demo' } },
    allow: [{ to: elements('demo', 'shared') }, { to: { module: [node, ...pkg('zod')] } }],
  },
  {
    from: { element: { type: 'services' } },
    allow: [
      // basemap: the map.* handlers validate and list basemap files (issue 3).
      { to: elements('services', 'store', 'demo', 'basemap', 'shared') },
      { to: { module: [node, ...pkg('zod', 'flatbush')] } },
    ],
  },
  {
    from: { element: { type: 'sync' } },
    allow: [{ to: elements('sync', 'store', 'shared') }, { to: { module: [node, ...pkg('zod', 'ws')] } }],
  },
  {
    // The reference upstream hub (issue 4): the same store and services in server role.
    from: { element: { type: 'hub' } },
    allow: [
      { to: elements('hub', 'sync', 'services', 'store', 'demo', 'shared') },
      { to: { module: [node, ...pkg('zod', 'ws')] } },
    ],
  },
  {
    // The Open311 GeoReport v2 connector (issue 4).
    from: { element: { type: 'open311' } },
    allow: [
      { to: elements('open311', 'sync', 'store', 'shared') },
      { to: { module: [node, ...pkg('zod')] } },
    ],
  },
  {
    // Offline basemaps: MBTiles / PMTiles files read for the hosts (issue 3).
    from: { element: { type: 'basemap' } },
    allow: [
      { to: elements('basemap', 'shared') },
      { to: { module: [node, ...pkg('better-sqlite3', 'zod')] } },
    ],
  },
  {
    from: { element: { type: 'core' } },
    allow: [
      { to: elements('core', 'services', 'store', 'demo', 'sync', 'open311', 'basemap', 'shared') },
      { to: { module: [node, ...pkg('zod')] } },
    ],
  },
  {
    from: { element: { type: 'host' } },
    allow: [
      { to: elements('host', 'core', 'basemap', 'shared') },
      { to: { module: [node, ...pkg('ws', 'zod')] } },
    ],
  },
  {
    from: { element: { type: 'shell' } },
    allow: [
      { to: elements('shell', 'host', 'core', 'basemap', 'shared') },
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
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
      'boundaries/elements': [
        { type: 'shared', pattern: 'shared' },
        { type: 'renderer', pattern: 'renderer' },
        { type: 'store', pattern: 'electron/core/store' },
        { type: 'demo', pattern: 'electron/core/demo' },
        { type: 'services', pattern: 'electron/core/services' },
        { type: 'sync', pattern: 'electron/core/sync' },
        { type: 'hub', pattern: 'electron/core/hub' },
        { type: 'open311', pattern: 'electron/core/open311' },
        { type: 'basemap', pattern: 'electron/core/basemap' },
        { type: 'host', pattern: 'electron/core/host' },
        { type: 'core', pattern: 'electron/core' },
        { type: 'shell', pattern: 'electron' },
      ],
    },
    rules: {
      'boundaries/dependencies': [2, { default: 'disallow', checkAllOrigins: true, policies }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Tests and scripts sit outside the layers; they may use anything, but still no `any`.
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}', '**/*.config.{ts,js}'],
    rules: { 'boundaries/dependencies': 'off', 'max-lines': 'off' },
  },
);

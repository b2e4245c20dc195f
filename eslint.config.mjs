import tseslint from 'typescript-eslint';

const DOORS = ['#api', '#bot', '#guildhall', '(\\.\\./)+apps'];
const LIBS_ABOVE_DOMAIN = ['#eventstore', '#core', '#projections', '#music', '#analytics'];

/** Forbids importing the given aliases (`#core` and `#core/…`) and paths, each a regular expression. */
const forbid = (message, ...forbidden) => ({
  'no-restricted-imports': ['error', { patterns: [{ regex: `^(${forbidden.join('|')})(/|$)`, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'libs/sdk/dist/**',
      'node_modules/**',
      '.tools/**',
      'data/**',
      'scripts/**',
      '*.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['apps/cli/**', 'bench/**', 'test/**', '**/*.spec.ts', '**/*-spec.ts'],
    rules: { 'no-console': 'off' },
  },
  // Layers. (A gitignore-style pattern starting with # is a comment, so these are regular expressions.)
  {
    files: ['libs/domain/**'],
    rules: forbid('the domain is pure: no framework, no adapter', '@nestjs', ...LIBS_ABOVE_DOMAIN, ...DOORS),
  },
  {
    files: ['libs/ratelimit/**'],
    rules: forbid(
      'the limiter knows no domain and no framework',
      '@nestjs',
      '#domain',
      ...LIBS_ABOVE_DOMAIN,
      ...DOORS,
    ),
  },
  {
    // The music sources sit below the core: libs/core wires them behind the TrackResolver port.
    files: ['libs/music/**'],
    rules: forbid('the music sources know neither the core nor a door', '#core', '#projections', ...DOORS),
  },
  {
    files: ['libs/core/**', 'libs/config/**'],
    rules: forbid('a library knows no door', ...DOORS),
  },
  {
    // One registry the libraries report into through ports; it knows none of them but the store's port.
    files: ['libs/metrics/**'],
    rules: forbid(
      'the metrics registry knows no door, core or projection',
      '#core',
      '#projections',
      ...DOORS,
    ),
  },
  {
    files: ['libs/eventstore/**', 'libs/analytics/**', 'projections/**'],
    rules: forbid('a store reports through a port, not into the registry', '#metrics', ...DOORS),
  },
  {
    // The doors meet only in the composition root (apps/guildhall).
    files: ['apps/api/**'],
    rules: forbid(
      'the HTTP door does not reach into another door',
      '#bot',
      '#guildhall',
      '(\\.\\./)+(apps/)?(bot|guildhall)',
    ),
  },
  {
    files: ['apps/bot/**'],
    rules: forbid(
      'the Discord door does not reach into another door',
      '#api',
      '#guildhall',
      '(\\.\\./)+(apps/)?(api|guildhall)',
    ),
  },
  {
    files: ['apps/cli/**'],
    rules: forbid(
      'the CLI door does not reach into another door',
      '#api',
      '#bot',
      '#guildhall',
      '(\\.\\./)+(api|bot|guildhall)',
    ),
  },
  {
    // Usage is recorded by the bus the doors run commands through, where anyone following a call sees it.
    files: ['apps/*/src/**'],
    ignores: ['**/*.spec.ts', '**/*-spec.ts', '**/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/cqrs',
              importNames: ['CommandBus'],
              message: 'a door runs commands through UsageRecordingCommandBus (#core), which records usage',
            },
          ],
        },
      ],
    },
  },
);

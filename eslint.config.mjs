import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', 'data/**', 'scripts/**', '*.mjs'] },
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
  {
    files: ['libs/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', '#eventstore', '#core', '#projections'] }],
    },
  },
  {
    files: ['libs/ratelimit/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', '#domain', '#eventstore', '#core', '#projections', '#api/*'] },
      ],
    },
  },
);

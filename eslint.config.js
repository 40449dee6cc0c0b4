// @ts-check
/**
 * ESLint (flat config): the recommended JavaScript and typescript-eslint rules, plus the
 * conventions the code already keeps. Formatting is Prettier's (.prettierrc.json), not ESLint's.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench-results/**', 'demo-output/**', 'test-results/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
    },
    rules: {
      // TypeScript checks these (and knows WXT's auto-imported globals such as `browser`).
      'no-undef': 'off',
      // Unused names are errors, except deliberate `_`-prefixed ones.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Type-only imports stay type-only, so content scripts never pull a library in by accident.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': ['error', { allow: ['error', 'warn', 'info', 'debug'] }],
    },
  },
  {
    // Scripts and tests print their results and drive browsers with untyped page values.
    files: ['scripts/**', 'tests/**'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);

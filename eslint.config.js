// Lint: @eslint/js recommended + typescript-eslint's type-checked recommended set over every TypeScript file the
// type check covers (src, test, bench, scripts, root configs). Boundary rules live elsewhere: .dependency-cruiser.cjs
// (imports between layers) and scripts/check-boundaries.ts (manifest-declared reads, writes to another module's tables).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The point of the type-checked set: a dropped promise is a lost error or a race.
      '@typescript-eslint/no-floating-promises': 'error',
      // JSX handlers (onClick={save}, onFinish={submit}) may be async: React ignores the result and our handlers
      // catch their own errors (showError). Everywhere else a promise where void is expected is an error.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // `_name` marks a deliberately unused binding; `const { a, ...rest }` drops `a` on purpose.
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_',
        destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true,
      }],
      // Off, cosmetic for this codebase: async Fastify plugins and interface-shaped callbacks without an await.
      '@typescript-eslint/require-await': 'off',
      // Off, cosmetic: redundant `as`/`!` (40-odd, harmless).
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Off: every hit is a deliberate String(unknown) after the object cases were handled.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // The API client throws plain `ApiError` objects by design (`isApiError` narrows them).
    files: ['src/web/**'],
    rules: {
      '@typescript-eslint/only-throw-error': ['error', {
        allow: [{ from: 'file', name: 'ApiError', path: 'src/web/api.ts' }],
      }],
      // Off in the web app: antd's form API is typed `any` (getFieldValue, useForm()) and hook results are
      // interfaces with method syntax, so these rules flag idiomatic antd code rather than mistakes.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Tests read `res.json()` (any) everywhere: the no-unsafe family would demand ~750 casts for no safety gain.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'src/server/testing/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
);

import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'build/',
      'node_modules/',
      'src/generated/',
      'assembly/',
      'bench/results/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Pages: plain ES modules that run in the browser.
    files: ['playground/**/*.js', 'test/bundled-app/**/*.js', 'bench/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Plain scripts that Node runs as they are.
    files: ['test/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);

// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'action/dist/',
      '.vscode-test/',
      '.bench/',
      'test-results/',
      'examples/',
      'test/fixtures/',
      '**/*.mjs',
      '**/*.cjs',
      '**/*.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    // Needs-file text is untrusted: a RegExp built at run time could backtrack
    // for ever on it. Only literal patterns, written by us, are allowed in src/.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        {
          selector: "NewExpression[callee.name='RegExp'], CallExpression[callee.name='RegExp']",
          message:
            'No RegExp built at run time in src/: needs-file text must never become a pattern.',
        },
      ],
    },
  },
  {
    // The core is pure: no editor, no file system, no processes.
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core must not depend on vscode.' },
            { name: 'fs', message: 'src/core does no I/O.' },
            { name: 'node:fs', message: 'src/core does no I/O.' },
            { name: 'fs/promises', message: 'src/core does no I/O.' },
            { name: 'node:fs/promises', message: 'src/core does no I/O.' },
            { name: 'child_process', message: 'src/core does no I/O.' },
            { name: 'node:child_process', message: 'src/core does no I/O.' },
          ],
          patterns: [
            {
              group: ['../node/*', '../cli/*', '../vscode/*'],
              message: 'Dependencies flow into core, never out.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/node/**/*.ts', 'src/cli/**/*.ts', 'src/mcp/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'Only src/vscode may import vscode.' }] },
      ],
    },
  },
);

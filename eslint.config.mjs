// Flat ESLint config. The rule that matters most: src/core is plain TypeScript that
// runs in the extension (desktop and web), the CLI and the tests, so it may not import
// vscode or any Node built-in.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', '.cache/**', 'test-results/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core must not import vscode: put editor code in src/extension.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src/core runs on the web too: no Node built-ins.' })),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'require', 'process', 'Buffer', '__dirname', '__filename'],
    },
  },
  {
    files: ['src/extension/**/*.ts', 'src/extension.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'The extension also runs on the web: use vscode.workspace.fs and vscode.Uri, not Node built-ins.',
          })),
        },
      ],
      'no-restricted-syntax': [
        'error',
        // Any mention (a member, a destructured name, a string key), so none gets past.
        ...['Identifier[name', 'Literal[value'].map((node) => ({
          selector: `${node}=/^show(Error|Warning|Information)Message$/]`,
          message: 'Show notifications with src/extension/notifications.ts: file names and sidecar text must not become command links.',
        })),
      ],
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/dist-electron/**', 'bench/results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          // Every socket event is in core's protocol maps (ClientToHubEvents, HubToClientEvents): a new event
          // is added there, not reached by casting the typed socket away.
          selector:
            "TSAsExpression[typeAnnotation.type='TSUnknownKeyword'] > MemberExpression[property.name=/^(socket|io|emit|emitWithAck)$/]",
          message:
            "Socket calls are typed by core's protocol maps: add the event to ClientToHubEvents/HubToClientEvents (packages/core/src/protocol.ts) instead of casting the socket.",
        },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // docs/architecture.md: an app imports packages, never another app (what two apps share is a package).
    files: ['apps/*/src/**/*.{ts,tsx}', 'apps/*/electron/**/*.ts', 'apps/*/scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/*/**', '../../*/src/**', '../../../*/src/**', '../../*/electron/**'],
              message: 'Apps import packages only, never another app: move what they share to packages/.',
            },
            {
              group: [
                '@motcua/hub',
                '@motcua/hub/*',
                '@motcua/admin',
                '@motcua/admin/*',
                '@motcua/citizen',
                '@motcua/citizen/*',
                '@motcua/counter',
                '@motcua/counter/*',
                '@motcua/display',
                '@motcua/display/*',
                '@motcua/kiosk',
                '@motcua/kiosk/*',
                '@motcua/central',
                '@motcua/central/*',
              ],
              message: 'Apps import packages only, never another app: move what they share to packages/.',
            },
          ],
        },
      ],
    },
  },
  {
    // docs/architecture.md rule 1: the domain core is pure. No Node, no Electron, no DOM, none of our packages.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'packages/core is pure: no Node modules.' },
            { group: ['electron', 'electron/*'], message: 'packages/core is pure: no Electron.' },
            { group: ['@motcua/*'], message: 'packages/core imports none of our other packages.' },
            {
              group: [
                'fs',
                'path',
                'os',
                'crypto',
                'child_process',
                'net',
                'http',
                'https',
                'events',
                'buffer',
                'util',
              ],
              message: 'packages/core is pure: no Node modules.',
            },
            { group: ['react', 'react-dom', 'socket.io*', 'better-sqlite3'], message: 'packages/core is pure.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'packages/core is pure: no DOM.' },
        { name: 'document', message: 'packages/core is pure: no DOM.' },
        { name: 'localStorage', message: 'packages/core is pure: no DOM.' },
        { name: 'process', message: 'packages/core is pure: no Node.' },
        { name: 'Buffer', message: 'packages/core is pure: no Node.' },
        { name: 'setTimeout', message: 'packages/core is pure: no timers.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'packages/core gets the time as an argument.' },
        { object: 'Math', property: 'random', message: 'packages/core gets randomness as an argument.' },
      ],
    },
  },
  prettier,
);

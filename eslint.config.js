import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The core is pure: no Node built-ins, no terminal libraries, no process, console or clock.
const coreRules = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['node:*', 'fs', 'path', 'os', 'zlib', 'readline', 'child_process'],
          message: 'src/core is pure: no Node built-ins.',
        },
        {
          group: ['chalk', 'commander', 'cli-table3', 'js-tiktoken', 'csv-parse', 'yaml'],
          message: 'src/core is pure: no IO or UI libraries.',
        },
        { group: ['../*'], message: 'src/core imports only its own files.' },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'process', message: 'src/core is pure: pass what you need in.' },
    { name: 'console', message: 'src/core is pure: return values, do not print.' },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'src/core has no clock: pass time in.' },
    { object: 'performance', property: 'now', message: 'src/core has no clock: pass time in.' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'src/core has no clock: pass time in.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'fixtures/**',
      'src/pricing/catalog-data.ts',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  { files: ['src/core/**/*.ts'], rules: coreRules },
  {
    files: ['src/**/*.ts'],
    ignores: [
      'src/context.ts',
      'src/cli.ts',
      'src/bench/**',
      'src/pricing/generator/**',
      'src/tokenize/worker*.ts',
      'src/readers/worker*.ts',
    ],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Only src/context.ts touches process.' },
      ],
    },
  },
);

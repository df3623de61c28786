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

/** A layer may not import the layers named: `../x/…`, `../../x/…` and `../x.js` alike. */
function layer(files, forbidden, why) {
  const group = forbidden.flatMap((l) => [
    `../${l}/*`,
    `../../${l}/*`,
    `../${l}.js`,
    `../../${l}.js`,
  ]);
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group, message: `One-way layers: ${why}.` }] },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'fixtures/**',
      'src/pricing/catalog-meta.ts',
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
  {
    files: ['src/**/*.ts'],
    ignores: [
      'src/context.ts',
      'src/cli.ts',
      'src/bench/**',
      'src/pricing/generator/**',
      'src/tokenize/worker*.ts',
      'src/readers/worker*.ts',
      'src/lib/tracker/on-exit.ts',
    ],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Only src/context.ts touches process.' },
      ],
    },
  },
  // The one-way rule: cli -> commands -> app -> {core, pricing, tokenize, readers, reporters, files,
  // config}, config -> pricing -> core. scripts/check-imports.mjs checks the whole graph and cycles.
  layer(['src/commands/**/*.ts'], ['cli', 'main'], 'commands are below the CLI'),
  layer(['src/app/**/*.ts'], ['cli', 'main', 'commands', 'lib'], 'app is below commands'),
  layer(
    ['src/lib/**/*.ts'],
    ['cli', 'main', 'commands', 'context', 'reporters', 'config', 'files'],
    'the library entry shares the core, never the CLI',
  ),
  layer(
    ['src/config/**/*.ts'],
    ['cli', 'main', 'commands', 'app', 'readers', 'reporters', 'tokenize'],
    'config sits below app and uses only pricing, files and core',
  ),
  layer(
    ['src/pricing/**/*.ts'],
    ['cli', 'main', 'commands', 'app', 'config', 'readers', 'reporters', 'tokenize'],
    'pricing sits below config and uses only core and files',
  ),
  layer(
    ['src/readers/**/*.ts'],
    ['cli', 'main', 'commands', 'app', 'config', 'reporters', 'tokenize', 'pricing'],
    'readers turn bytes into records and use only core and files',
  ),
  layer(
    ['src/reporters/**/*.ts', 'src/tokenize/**/*.ts'],
    ['cli', 'main', 'commands', 'app', 'config', 'readers', 'pricing', 'files'],
    'reporters and tokenize use only core',
  ),
  layer(
    ['src/files/**/*.ts'],
    [
      'cli',
      'main',
      'commands',
      'app',
      'config',
      'readers',
      'reporters',
      'tokenize',
      'pricing',
      'core',
    ],
    'files is the bottom layer',
  ),
  // Use cases stay small: compute, then a result, then a report, each a function of its own.
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  // Last, so that its no-restricted-globals (process and console) is not replaced by the block above.
  { files: ['src/core/**/*.ts'], rules: coreRules },
);

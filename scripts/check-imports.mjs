#!/usr/bin/env node
/**
 * Lint step: the import graph of src/ has no cycle (type-only imports included: a type cycle today is a
 * value cycle tomorrow) and runs one way between layers:
 *   cli -> commands -> app -> {core, pricing, tokenize, readers, reporters, files, config}
 *   lib -> {app, core, pricing, tokenize, readers} (the library entry; nothing imports it)
 * with config -> pricing -> core, readers/reporters/tokenize/files never importing app or commands, and
 * core importing only itself. ESLint reports the same back edges file by file; this check sees the whole
 * graph. Exits 1 with one line per problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The project's src/, or the folder named (tests run it on a made-up tree).
const src = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'src'));
const root = dirname(src);

/** Layer of a file: its first folder under src/, or the file name for the top-level files. */
const layerOf = (file) => {
  const rel = relative(src, file).split('/');
  return rel.length > 1 ? rel[0] : rel[0].replace(/\.ts$/, '');
};

/** What each layer may import (besides itself). Tools (bench, build) may import anything. */
const LOWER = [
  'core',
  'pricing',
  'tokenize',
  'readers',
  'reporters',
  'files',
  'config',
  'errors',
  'version',
];
const ALLOWED = {
  main: ['cli', 'context'],
  cli: [
    'commands',
    'app',
    'context',
    'errors',
    'version',
    'reporters',
    'config',
    'pricing',
    'core',
  ],
  commands: ['app', 'context', ...LOWER],
  app: ['context', ...LOWER],
  // The library entry: the pure layers and the few use cases it shares with the CLI, never the CLI.
  lib: ['app', 'core', 'pricing', 'tokenize', 'readers', 'errors', 'version'],
  config: ['pricing', 'files', 'core', 'errors'],
  pricing: ['core', 'files', 'errors', 'version'],
  readers: ['core', 'files', 'errors'],
  reporters: ['core'],
  tokenize: ['core'],
  files: ['errors'],
  core: [],
  context: [],
  errors: [],
  version: ['pricing'],
  bench: null,
  build: null,
};

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g;
const graph = new Map();
for (const file of files(src)) {
  const text = readFileSync(file, 'utf8');
  const deps = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    deps.push(resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
  }
  graph.set(file, deps);
}

const problems = [];
for (const [file, deps] of graph) {
  const from = layerOf(file);
  const allowed = ALLOWED[from];
  if (allowed === null) continue;
  for (const dep of deps) {
    const to = layerOf(dep);
    if (to === from || (allowed ?? []).includes(to)) continue;
    problems.push(
      `${relative(root, file)}: imports ${relative(root, dep)} (${from} may not import ${to})`,
    );
  }
}

// Cycles: Tarjan's strongly connected components; any component of two or more files is a cycle.
let index = 0;
const stack = [];
const meta = new Map();
function connect(v) {
  const m = { index, low: index, on: true };
  meta.set(v, m);
  index++;
  stack.push(v);
  for (const w of graph.get(v) ?? []) {
    if (!graph.has(w)) continue;
    const mw = meta.get(w);
    if (!mw) {
      connect(w);
      m.low = Math.min(m.low, meta.get(w).low);
    } else if (mw.on) m.low = Math.min(m.low, mw.index);
  }
  if (m.low === m.index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).on = false;
      component.push(relative(root, w));
    } while (w !== v);
    if (component.length > 1) problems.push(`import cycle: ${component.sort().join(' <-> ')}`);
  }
}
for (const v of graph.keys()) if (!meta.has(v)) connect(v);

for (const p of problems) console.error(p);
if (problems.length) {
  console.error(`check-imports: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`check-imports: ${graph.size} files, one-way layers, no import cycle`);

/**
 * Build step (`npm run build`, after tsc and the rank tables): bundles the CLI into dist/cli/ with esbuild.
 * Each command's body stays a chunk loaded on demand (splitting), so a run loads a handful of files instead
 * of ~40 modules through Node's ESM loader: ~12 ms less at every start. The workers and the rank tables sit
 * beside the chunks, where their `new URL(..., import.meta.url)` look for them.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../package.json', dist), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const DEPENDENCIES = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
const tables = fileURLToPath(new URL('tokenize/tables/', dist));

/**
 * The CLI in dist/cli/ and the library (`import … from 'llmcost'`) in dist/pkg/: two bundles, so that the
 * library's import loads no CLI code and the CLI's start-up loads no library code. The workers and the rank
 * tables sit beside the CLI's chunks, where their `new URL(..., import.meta.url)` look for them.
 */
async function bundle(
  dir: string,
  entries: string[],
  withTables: boolean,
  inline: string[] = [],
): Promise<void> {
  const out = fileURLToPath(new URL(`${dir}/`, dist));
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: entries.map((f) => fileURLToPath(new URL(f, dist))),
    outdir: out,
    entryNames: '[name]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies stay external (installed beside the package), but for those inlined on purpose.
    external: DEPENDENCIES.filter((d) => !inline.includes(d)).flatMap((d) => [d, `${d}/*`]),
    logLevel: 'warning',
    // An inlined CommonJS package requires Node's built-ins: give the ES module chunks a `require`.
    ...(inline.length
      ? {
          banner: {
            js: "import { createRequire as __llmcostRequire } from 'node:module'; const require = __llmcostRequire(import.meta.url);",
          },
        }
      : {}),
  });
  if (withTables)
    cpSync(tables, fileURLToPath(new URL(`${dir}/tables/`, dist)), { recursive: true });
}

// The catalog's records are data read at run time (pricing/catalog-data.ts), beside tsc's output and the CLI.
const catalogFiles = ['catalog-data.json', 'catalog-view.json'];
const copyCatalog = (dir: string) => {
  for (const f of catalogFiles)
    cpSync(
      fileURLToPath(new URL(`../src/pricing/${f}`, dist)),
      fileURLToPath(new URL(`${dir}/${f}`, dist)),
    );
};
copyCatalog('pricing');
// commander is inlined: loaded through Node's CommonJS loader it cost every start ~7 ms. Its MIT licence
// travels with the copy.
const INLINED = ['commander'];
await bundle('cli', ['main.js', 'tokenize/worker.js', 'app/analyze-worker.js'], true, INLINED);
writeFileSync(
  fileURLToPath(new URL('cli/THIRD-PARTY-LICENSES.txt', dist)),
  INLINED.map(
    (name) =>
      `${name} (bundled into this folder's JavaScript)\n\n${readFileSync(new URL(`../node_modules/${name}/LICENSE`, dist), 'utf8')}`,
  ).join('\n'),
);
copyCatalog('cli');
// The library reads the CLI bundle's tables (tokenize/encoding.ts): 7 MB less in the package.
await bundle('pkg', ['lib/index.js'], false);

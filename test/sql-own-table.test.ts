import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { tempDir } from './helpers/temp.js';

// The README's "your own table" mapping, a billing option kept in a column of its own, in a real engine.
describe('the exported price rules over a table of ones own', () => {
  it('resolve a logged name, a service tier kept in its own column, as analyze does', async () => {
    const dir = tempDir('llmcost-own-table');
    const sql = join(dir, 'duckdb.sql');
    const r = await runCli(['prices', 'export', '--dialect', 'duckdb', '-o', sql]);
    expect(r.code, r.stderr).toBe(0);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      await c.run(`CREATE TABLE my_llm_calls AS SELECT * FROM (VALUES
        (TIMESTAMP '2026-10-01 10:00:00', 'gpt-5', 'priority', 1000000, 0, 100000),
        (TIMESTAMP '2026-10-01 11:00:00', 'gpt-5', 'flex', 1000000, 0, 100000),
        (TIMESTAMP '2026-10-01 12:00:00', 'gpt-5-2025-08-07', 'default', 1000000, 0, 100000)
      ) t(created_at, model, service_tier, prompt_tokens, cached_tokens, completion_tokens)`);
      // One step: the view names the model as the readers would; the script resolves the name.
      await c.run(`CREATE VIEW llmcost_usage AS
        SELECT created_at AS ts, false AS batch,
          model || CASE service_tier WHEN 'flex' THEN '-flex' WHEN 'priority' THEN '-priority' ELSE '' END
            AS model_id,
          prompt_tokens - cached_tokens AS input, cached_tokens AS cache_read,
          0 AS cache_write_5m, 0 AS cache_write_1h, completion_tokens AS output,
          0 AS audio_input, 0 AS audio_cache_read, 0 AS image_input, 0 AS audio_output, 0 AS image_output,
          0 AS web_searches, 1 AS requests
        FROM my_llm_calls`);
      await c.run(readFileSync(sql, 'utf8'));
      const rows = (
        await c.runAndReadAll(
          'SELECT llmcost_model_id AS model_id, llmcost_cost FROM llmcost_priced ORDER BY ts',
        )
      ).getRowObjectsJS();
      expect(rows.map((x) => x.model_id)).toEqual(['gpt-5-priority', 'gpt-5-flex', 'gpt-5']);
      // gpt-5: $1.25 / $10 per 1M; priority $2.5 / $20; flex $0.625 / $5.
      expect(rows.map((x) => Number(x.llmcost_cost))).toEqual([
        expect.closeTo(4.5, 9),
        expect.closeTo(1.125, 9),
        expect.closeTo(2.25, 9),
      ]);
    } finally {
      c.closeSync();
    }
  });
});

// OpenAI's organization Usage API: text and audio counts are apart (input_tokens is text only).
import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../../src/core/usage-record.js';
import { dialectByName } from '../../src/readers/dialects/index.js';

const usageApi = dialectByName('openai-usage-api')!;

describe('openai-usage-api: audio tokens', () => {
  it('keeps input_audio_tokens and output_audio_tokens beside the text counts', () => {
    const r = usageApi.normalize({
      object: 'organization.usage.completions.result',
      input_tokens: 1000,
      input_cached_tokens: 200,
      input_audio_tokens: 300,
      output_tokens: 50,
      output_audio_tokens: 40,
      num_model_requests: 2,
      model: 'gpt-4o-realtime-preview',
    }) as UsageRecord;
    expect(r).toMatchObject({
      input: 800,
      cacheRead: 200,
      audioInput: 300,
      output: 50,
      audioOutput: 40,
      requests: 2,
    });
  });

  it('has no audio buckets when the result reports none', () => {
    const r = usageApi.normalize({
      object: 'organization.usage.completions.result',
      input_tokens: 10,
      output_tokens: 5,
      input_audio_tokens: 0,
      num_model_requests: 1,
    }) as UsageRecord;
    expect(r.audioInput).toBeUndefined();
    expect(r.audioOutput).toBeUndefined();
  });
});

describe('openai-usage-api: other endpoints', () => {
  it('reads embeddings results as input tokens and names the kinds not billed by tokens', () => {
    const page = {
      object: 'page',
      data: [
        {
          object: 'bucket',
          start_time: 1790812800,
          end_time: 1790899200,
          results: [
            {
              object: 'organization.usage.embeddings.result',
              input_tokens: 16000,
              num_model_requests: 8,
              model: 'text-embedding-3-small',
              project_id: 'proj_1',
            },
            {
              object: 'organization.usage.images.result',
              images: 4,
              num_model_requests: 4,
              size: '1024x1024',
              source: 'image.generation',
            },
          ],
        },
      ],
      has_more: false,
    };
    expect(usageApi.normalize(page)).toMatchObject([
      { model: 'text-embedding-3-small', input: 16000, output: 0, requests: 8 },
    ]);
    const images = { ...page, data: [{ ...page.data[0]!, results: [page.data[0]!.results[1]] }] };
    expect(usageApi.normalize(images)).toEqual({
      skip: 'OpenAI usage not billed by tokens (images)',
    });
    expect(
      usageApi.normalize({ object: 'organization.usage.audio_speeches.result', characters: 900 }),
    ).toEqual({ skip: 'OpenAI usage not billed by tokens (audio_speeches)' });
  });
});

describe('openai-export-csv: days without usage', () => {
  it('skips a row whose cells other than the times are blank, and reads one that has any', () => {
    const exportCsv = dialectByName('openai-export-csv')!;
    const times = {
      start_time: '1759276800',
      end_time: '1759363200',
      start_time_iso: '2025-10-01',
    };
    const blank = {
      ...times,
      num_model_requests: '',
      input_tokens: '',
      output_tokens: '',
      model: '',
    };
    expect(exportCsv.normalize(blank)).toEqual({ skip: 'empty usage bucket' });
    expect(exportCsv.normalize({ ...blank, output_tokens: '5.0' })).toMatchObject({ output: 5 });
  });
});

describe('openai-export-csv: the dashboard export, audio and image columns', () => {
  const exportCsv = dialectByName('openai-export-csv')!;
  const row = (cells: Record<string, string>) => ({
    num_model_requests: '3.0',
    model: 'gpt-4o-audio-preview',
    output_tokens: '500.0',
    ...cells,
  });

  it.each([
    [
      'input_tokens holding every modality (= text + audio + image)',
      row({
        input_tokens: '1800.0',
        input_cached_tokens: '700.0',
        input_text_tokens: '1000.0',
        input_audio_tokens: '600.0',
        input_cached_audio_tokens: '200.0',
        input_image_tokens: '200.0',
        output_audio_tokens: '300.0',
      }),
      {
        input: 1100 - 400 - 200,
        cacheRead: 500,
        audioInput: 400,
        audioCacheRead: 200,
        imageInput: 200,
        output: 200,
        audioOutput: 300,
      },
    ],
    [
      'input_tokens of text only (audio beside it, as in the Usage API)',
      row({
        input_tokens: '1000.0',
        input_cached_tokens: '300.0',
        input_text_tokens: '1000.0',
        input_audio_tokens: '600.0',
        input_cached_audio_tokens: '0.0',
        output_audio_tokens: '300.0',
      }),
      { input: 700, cacheRead: 300, audioInput: 600, output: 500, audioOutput: 300 },
    ],
  ])('%s', (_case, line, expected) => {
    expect(exportCsv.normalize(line)).toMatchObject(expected);
  });

  it('is the text-only reading for the real export of text models (all modality columns 0)', () => {
    const r = exportCsv.normalize(
      row({
        input_tokens: '59200.0',
        input_cached_tokens: '9200.0',
        input_text_tokens: '59200.0',
        input_audio_tokens: '0.0',
      }),
    ) as UsageRecord;
    expect([r.input, r.cacheRead, r.output, r.audioInput]).toEqual([50000, 9200, 500, undefined]);
  });
});

import { UNKNOWN_MODEL, type Outcome } from '../../core/usage-record.js';
import { obj, str, time, type Obj } from '../values.js';
import { openaiUsage } from './openai.js';
import type { Dialect } from './types.js';

/**
 * OpenAI Realtime API server events as a client logs them (one event a line, each with an `event_id`):
 * - `response.done` carries the response's usage (`input_token_details` with text, audio, image and cached
 *   tokens, `output_token_details` with text and audio: openai.ts's rule). A Realtime response names no
 *   model; the session does, so the model comes from the file's last `session.created`/`session.updated`
 *   (or a `model` a logger put on the event).
 * - `conversation.item.input_audio_transcription.completed` carries the transcription model's token usage
 *   (`usage.type: "tokens"`), billed apart: the model is the session's `input_audio_transcription.model`.
 *   Whisper's usage by duration (`type: "duration"`) has no token price and is skipped by reason.
 * - Every other event (session, conversation, audio buffer, rate limits, deltas, errors) carries none.
 * Events have no time of their own: a `timestamp` a logger added is read.
 */
export const openaiRealtime: Dialect = {
  name: 'openai-realtime',
  detect: (o) =>
    typeof o.type === 'string' && typeof o.event_id === 'string' && !('sequence_number' in o),
  perSource() {
    let model: string | undefined;
    let transcription: string | undefined;
    return (o: Obj): Outcome => {
      const type = o.type as string;
      if (type === 'session.created' || type === 'session.updated') {
        const s = obj(o.session);
        model = str(s?.model) ?? model;
        const t =
          obj(s?.input_audio_transcription) ?? obj(obj(obj(s?.audio)?.input)?.transcription);
        transcription = str(t?.model) ?? transcription;
        return { skip: 'realtime session event' };
      }
      if (type === 'response.done') {
        const r = obj(o.response);
        const u = obj(r?.usage);
        if (!r || !u) return { skip: 'response without usage' };
        const name = str(r.model) ?? str(o.model) ?? model ?? UNKNOWN_MODEL;
        const id = str(r.id);
        return openaiUsage(
          u,
          name,
          time(o.timestamp),
          id ? { dedup: { key: `openai:${id}`, keep: 'first' } } : undefined,
        );
      }
      if (type === 'conversation.item.input_audio_transcription.completed') {
        const u = obj(o.usage);
        if (!u) return { skip: 'transcription without usage' };
        if (u.type === 'duration') return { skip: 'transcription billed by duration' };
        return openaiUsage(u, str(o.model) ?? transcription ?? UNKNOWN_MODEL, time(o.timestamp));
      }
      return { skip: 'realtime event without usage' };
    };
  },
  // Without a session (one event handed over alone), the events read the same, with no model to inherit.
  normalize(o) {
    return openaiRealtime.perSource!()(o);
  },
};

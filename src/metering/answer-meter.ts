import type { TokenUsage } from './request-record.js';
import type { SseEvent } from './sse-parser.js';

export type Json = Record<string, unknown>;

/**
 * Reads one answer, whole or as a stream, for its usage, text and model.
 * One subclass per wire format; the gateway feeds it and forwards what it
 * returns.
 */
export abstract class AnswerMeter {
  /** The provider's own counts, once seen. */
  usage: TokenUsage | null = null;
  /** Model named in the answer. */
  model: string | undefined;
  /** True once the stream's final event arrived. */
  complete = false;
  /** The message of an error event inside a stream. */
  streamError: string | undefined;
  readonly #text: string[] = [];

  /** Reads a whole (non-streamed) JSON answer. */
  abstract readBody(body: Json): void;

  /**
   * Looks at one stream event and returns the text to send to the client:
   * the event as it came, a rewritten one, or '' to drop it.
   */
  onEvent(event: SseEvent): string {
    if (event.data === '' || event.data === '[DONE]') {
      if (event.data === '[DONE]') this.complete = true;
      return event.raw;
    }
    let json: Json;
    try {
      json = JSON.parse(event.data) as Json;
    } catch {
      return event.raw;
    }
    return this.onJson(event, json);
  }

  /** The answer's text so far (content, reasoning and tool arguments). */
  get text(): string {
    return this.#text.join('');
  }

  protected abstract onJson(event: SseEvent, json: Json): string;

  protected addText(value: unknown): void {
    if (typeof value === 'string' && value.length > 0) this.#text.push(value);
  }
}

/** Narrows an unknown to an object, or an empty one. */
export function asJson(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? value as Json : {};
}

/** Narrows an unknown to an array of objects, or an empty one. */
export function asJsonArray(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(asJson) : [];
}

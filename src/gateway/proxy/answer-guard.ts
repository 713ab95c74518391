import type { Finding, OutputFilter } from '../../guardrails/guardrails.js';
import { asJson, asJsonArray, type Json } from '../../metering/answer-meter.js';
import type { SseEvent } from '../../metering/sse-parser.js';

/**
 * Applies the output guardrails to an answer, whole or streamed. Each text
 * (a choice, a content block, a Responses output part) gets its own filter.
 * When the policy only records (flag, monitor) text passes as it comes and
 * the filters only see a copy; when it may redact or block, text is
 * released as the filter allows, and the held-back rest is flushed before
 * the event that ends that text.
 */
export class AnswerGuard {
  readonly #newFilter: () => OutputFilter;
  /** The filter made to learn the policy, handed to the first text. */
  #spare: OutputFilter | undefined;
  readonly #filters = new Map<string, OutputFilter>();
  /** Redacted text emitted so far per Responses part, to rewrite full-text events. */
  readonly #emitted = new Map<string, string>();
  readonly #rewrites: boolean;
  readonly #endpoint: string;
  #template: Json | undefined;

  /**
   * @param first a filter for this answer, which also tells the policy
   * @param newFilter makes a filter for each further text
   */
  constructor(endpoint: string, first: OutputFilter, newFilter: () => OutputFilter) {
    this.#endpoint = endpoint;
    this.#newFilter = newFilter;
    this.#spare = first;
    this.#rewrites = first.holdsText;
  }

  get blocked(): boolean {
    for (const filter of this.#filters.values()) if (filter.blocked) return true;
    return false;
  }

  /** Findings of every filter, once the answer is over. */
  get findings(): Finding[] {
    return [...this.#filters.values()].flatMap((filter) => filter.findings);
  }

  /**
   * Checks (and, by policy, redacts) every text of a whole JSON answer.
   * @returns true when a text was rewritten, so the answer must be serialised again
   */
  guardBody(body: Json): boolean {
    let rewritten = false;
    const whole = (key: string, text: unknown, write: (value: string) => void) => {
      if (typeof text !== 'string' || text === '') return;
      const filter = this.#filter(key);
      const out = filter.push(text) + filter.end();
      if (this.#rewrites && out !== text) {
        write(out);
        rewritten = true;
      }
    };
    asJsonArray(body.choices).forEach((choice, index) => {
      const message = asJson(choice.message);
      whole(`c${index}`, message.content, (value) => { message.content = value; });
      whole(`t${index}`, choice.text, (value) => { choice.text = value; });
    });
    asJsonArray(body.content).forEach((block, index) => {
      whole(`b${index}`, block.text, (value) => { block.text = value; });
    });
    asJsonArray(body.output).forEach((item, index) => {
      asJsonArray(item.content).forEach((part, partIndex) => {
        whole(`o${index}.${partIndex}`, part.text, (value) => { part.text = value; });
      });
    });
    return rewritten;
  }

  /** Rewrites one forwarded stream event; returns what to send instead. */
  guardEvent(event: SseEvent, forwarded: string): string {
    if (forwarded === '') return forwarded;
    if (event.data === '[DONE]') return this.#flushChat() + forwarded;
    let json: Json;
    try {
      json = JSON.parse(event.data) as Json;
    } catch {
      return forwarded;
    }
    switch (this.#endpoint) {
      case '/v1/messages':
        return this.#anthropicEvent(event, json, forwarded);
      case '/v1/responses':
        return this.#responsesEvent(event, json, forwarded);
      default:
        return this.#chatEvent(json, forwarded);
    }
  }

  #filter(key: string): OutputFilter {
    let filter = this.#filters.get(key);
    if (!filter) {
      filter = this.#spare ?? this.#newFilter();
      this.#spare = undefined;
      this.#filters.set(key, filter);
    }
    return filter;
  }

  /** Feeds text; returns the text to send (unchanged when the policy only records). */
  #pass(key: string, text: string): string {
    const out = this.#filter(key).push(text);
    return this.#rewrites ? out : text;
  }

  #flush(key: string): string {
    const filter = this.#filters.get(key);
    if (!filter) return '';
    const out = filter.end();
    return this.#rewrites ? out : '';
  }

  #chatEvent(json: Json, forwarded: string): string {
    const choices = asJsonArray(json.choices);
    if (choices.length === 0) return forwarded;
    if (!this.#rewrites) {
      for (const choice of choices) {
        const text = asJson(choice.delta).content ?? choice.text;
        if (typeof text === 'string') this.#filter(`c${String(choice.index)}`).push(text);
      }
      return forwarded;
    }
    this.#template ??= json;
    for (const choice of choices) {
      const key = `c${String(choice.index ?? 0)}`;
      const delta = asJson(choice.delta);
      const field = typeof choice.text === 'string' ? 'text' : 'content';
      const holder = field === 'text' ? choice : delta;
      const text = typeof holder[field] === 'string' ? holder[field] as string : '';
      let out = text === '' ? '' : this.#pass(key, text);
      if (choice.finish_reason !== null && choice.finish_reason !== undefined) {
        out += this.#flush(key);
      }
      if (text !== '' || out !== '') holder[field] = out;
      if (field === 'content' && choice.delta === undefined) choice.delta = delta;
    }
    return `data: ${JSON.stringify(json)}\n\n`;
  }

  /** Text still held when a chat stream ends without a finish reason. */
  #flushChat(): string {
    if (!this.#rewrites || !this.#template) return '';
    let out = '';
    for (const key of this.#filters.keys()) {
      const rest = this.#flush(key);
      if (rest === '') continue;
      const index = Number(key.slice(1));
      const chunk = { ...this.#template, usage: undefined,
        choices: [{ index, delta: { content: rest }, finish_reason: null }] };
      out += `data: ${JSON.stringify(chunk)}\n\n`;
    }
    return out;
  }

  #anthropicEvent(event: SseEvent, json: Json, forwarded: string): string {
    const key = `b${String(json.index)}`;
    if (json.type === 'content_block_delta') {
      const delta = asJson(json.delta);
      if (delta.type !== 'text_delta' || typeof delta.text !== 'string') return forwarded;
      const out = this.#pass(key, delta.text);
      if (!this.#rewrites) return forwarded;
      delta.text = out;
      return `event: ${event.event ?? 'content_block_delta'}\ndata: ${JSON.stringify(json)}\n\n`;
    }
    if (json.type === 'content_block_stop') {
      const rest = this.#flush(key);
      if (rest === '') return forwarded;
      const delta = { type: 'content_block_delta', index: json.index,
        delta: { type: 'text_delta', text: rest } };
      return `event: content_block_delta\ndata: ${JSON.stringify(delta)}\n\n${forwarded}`;
    }
    return forwarded;
  }

  #responsesEvent(event: SseEvent, json: Json, forwarded: string): string {
    const key = `${String(json.item_id)}.${String(json.content_index ?? 0)}`;
    switch (json.type) {
      case 'response.output_text.delta': {
        if (typeof json.delta !== 'string') return forwarded;
        const out = this.#pass(key, json.delta);
        if (!this.#rewrites) return forwarded;
        this.#emitted.set(key, (this.#emitted.get(key) ?? '') + out);
        json.delta = out;
        break;
      }
      case 'response.output_text.done': {
        const rest = this.#flush(key);
        if (!this.#rewrites) return forwarded;
        const text = (this.#emitted.get(key) ?? '') + rest;
        this.#emitted.set(key, text);
        json.text = text;
        const delta = { type: 'response.output_text.delta', item_id: json.item_id,
          output_index: json.output_index, content_index: json.content_index, delta: rest };
        const before = rest === '' ? ''
          : `event: response.output_text.delta\ndata: ${JSON.stringify(delta)}\n\n`;
        return `${before}event: ${event.event ?? String(json.type)}\ndata: ${
          JSON.stringify(json)}\n\n`;
      }
      case 'response.content_part.done':
      case 'response.output_item.done':
      case 'response.completed':
        if (!this.#rewrites) return forwarded;
        this.#rewriteFullText(json);
        break;
      default:
        return forwarded;
    }
    return `event: ${event.event ?? String(json.type)}\ndata: ${JSON.stringify(json)}\n\n`;
  }

  /** Puts the redacted text into events that repeat a part's whole text. */
  #rewriteFullText(json: Json): void {
    const apply = (itemId: unknown, index: number, part: Json) => {
      const text = this.#emitted.get(`${String(itemId)}.${index}`);
      if (text !== undefined && typeof part.text === 'string') part.text = text;
    };
    if (json.type === 'response.content_part.done') {
      apply(json.item_id, Number(json.content_index ?? 0), asJson(json.part));
      return;
    }
    const items = json.type === 'response.completed'
      ? asJsonArray(asJson(json.response).output) : [asJson(json.item)];
    for (const item of items) {
      asJsonArray(item.content).forEach((part, index) => apply(item.id, index, part));
    }
  }
}

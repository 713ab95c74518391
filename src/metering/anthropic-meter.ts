import { AnswerMeter, asJson, asJsonArray, type Json } from './answer-meter.js';
import { fromAnthropicUsage, isUsage } from './provider-usage.js';
import type { SseEvent } from './sse-parser.js';

/**
 * Anthropic messages. In a stream, `message_start` carries the input usage
 * and `message_delta` running totals: each field is assigned, never added.
 */
export class AnthropicMeter extends AnswerMeter {
  #raw: Json = {};

  readBody(body: Json): void {
    this.model = typeof body.model === 'string' ? body.model : undefined;
    if (isUsage(body.usage)) this.usage = fromAnthropicUsage(body.usage);
    for (const block of asJsonArray(body.content)) {
      this.addText(block.text);
      this.addText(block.thinking);
      if (block.type === 'tool_use') this.addText(JSON.stringify(block.input ?? {}));
    }
    this.complete = true;
  }

  protected onJson(event: SseEvent, json: Json): string {
    switch (json.type) {
      case 'message_start': {
        const message = asJson(json.message);
        if (typeof message.model === 'string') this.model = message.model;
        if (isUsage(message.usage)) this.#assignUsage(message.usage);
        break;
      }
      case 'content_block_delta': {
        const delta = asJson(json.delta);
        this.addText(delta.text);
        this.addText(delta.thinking);
        this.addText(delta.partial_json);
        break;
      }
      case 'message_delta':
        if (isUsage(json.usage)) this.#assignUsage(json.usage);
        break;
      case 'message_stop':
        this.complete = true;
        break;
      case 'error': {
        const message = asJson(json.error).message;
        this.streamError = typeof message === 'string' ? message : 'error event in the stream';
        break;
      }
    }
    return event.raw;
  }

  #assignUsage(usage: Json): void {
    for (const [field, value] of Object.entries(usage)) {
      if (typeof value === 'number') this.#raw[field] = value;
    }
    this.usage = fromAnthropicUsage(this.#raw);
  }
}

/** count_tokens answers carry a count, not usage: nothing is charged. */
export class CountTokensMeter extends AnswerMeter {
  readBody(body: Json): void {
    this.model = typeof body.model === 'string' ? body.model : undefined;
    this.complete = true;
  }

  protected onJson(event: SseEvent): string {
    return event.raw;
  }
}

import { AnswerMeter, asJson, asJsonArray, type Json } from './answer-meter.js';
import { fromOpenAiUsage, fromResponsesUsage, isUsage } from './provider-usage.js';
import type { SseEvent } from './sse-parser.js';

/**
 * Chat and legacy completions. When the gateway asked for stream usage on
 * the client's behalf (`hideUsage`), the extra usage chunk is dropped and a
 * usage field on a chunk that also carries choices is nulled, so the client
 * sees the stream it asked for.
 */
export class OpenAiChatMeter extends AnswerMeter {
  readonly #hideUsage: boolean;

  constructor(options: { hideUsage: boolean } = { hideUsage: false }) {
    super();
    this.#hideUsage = options.hideUsage;
  }

  readBody(body: Json): void {
    this.model = typeof body.model === 'string' ? body.model : undefined;
    if (isUsage(body.usage)) this.usage = fromOpenAiUsage(body.usage);
    for (const choice of asJsonArray(body.choices)) {
      const message = asJson(choice.message);
      this.addText(message.content);
      this.addText(choice.text);
      for (const call of asJsonArray(message.tool_calls)) {
        this.addText(asJson(call.function).arguments);
      }
    }
    this.complete = true;
  }

  protected onJson(event: SseEvent, json: Json): string {
    if (json.error !== undefined) this.streamError = describeError(json.error);
    if (typeof json.model === 'string') this.model = json.model;

    const choices = asJsonArray(json.choices);
    for (const choice of choices) {
      const delta = asJson(choice.delta);
      this.addText(delta.content);
      this.addText(delta.reasoning_content);
      this.addText(choice.text);
      for (const call of asJsonArray(delta.tool_calls)) {
        this.addText(asJson(call.function).arguments);
      }
    }

    if (!isUsage(json.usage)) return event.raw;
    this.usage = fromOpenAiUsage(json.usage);
    if (!this.#hideUsage) return event.raw;
    if (choices.length === 0) return '';
    return `data: ${JSON.stringify({ ...json, usage: null })}\n\n`;
  }
}

/** Embeddings: usage only, never streamed. */
export class EmbeddingsMeter extends AnswerMeter {
  readBody(body: Json): void {
    this.model = typeof body.model === 'string' ? body.model : undefined;
    if (isUsage(body.usage)) {
      this.usage = { ...fromOpenAiUsage(body.usage), outputTokens: 0, reasoningTokens: 0 };
    }
    this.complete = true;
  }

  protected onJson(event: SseEvent): string {
    return event.raw;
  }
}

/** The Responses API: usage arrives with the final `response.*` event. */
export class ResponsesMeter extends AnswerMeter {
  readBody(body: Json): void {
    this.model = typeof body.model === 'string' ? body.model : undefined;
    if (isUsage(body.usage)) this.usage = fromResponsesUsage(body.usage);
    for (const item of asJsonArray(body.output)) {
      for (const part of asJsonArray(item.content)) this.addText(part.text);
      this.addText(item.arguments);
    }
    this.complete = true;
  }

  protected onJson(event: SseEvent, json: Json): string {
    const type = typeof json.type === 'string' ? json.type : event.event;
    switch (type) {
      case 'response.output_text.delta':
      case 'response.function_call_arguments.delta':
      case 'response.reasoning_text.delta':
        this.addText(json.delta);
        break;
      case 'response.created':
        this.model = stringField(asJson(json.response).model) ?? this.model;
        break;
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed': {
        const response = asJson(json.response);
        this.model = stringField(response.model) ?? this.model;
        if (isUsage(response.usage)) this.usage = fromResponsesUsage(response.usage);
        this.complete = true;
        break;
      }
      case 'error':
        this.streamError = describeError(json);
        break;
    }
    return event.raw;
  }
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function describeError(error: unknown): string {
  const message = asJson(error).message;
  return typeof message === 'string' ? message : 'error event in the stream';
}

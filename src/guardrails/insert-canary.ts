import type { ApiShape } from './body/text-slots.js';
import { canaryLine } from './canary.js';

type Json = Record<string, unknown>;

function appendToSystem(system: unknown, line: string): unknown {
  if (typeof system === 'string') return `${system}\n\n${line}`;
  if (Array.isArray(system)) return [...system, { type: 'text', text: line }];
  return line;
}

function insertChat(body: Json, line: string): Json {
  const messages = Array.isArray(body.messages) ? [...body.messages] : [];
  const index = messages.findIndex((m) => typeof m === 'object' && m !== null
    && ((m as Json).role === 'system' || (m as Json).role === 'developer'));
  if (index < 0) {
    messages.unshift({ role: 'system', content: line });
  } else {
    const message = messages[index] as Json;
    messages[index] = { ...message, content: appendToSystem(message.content, line) };
  }
  return { ...body, messages };
}

/**
 * A copy of `body` whose system prompt carries the canary (added as a
 * system message when there is none).
 * @returns undefined for shapes without a system prompt (completions, embeddings).
 */
export function insertCanary(api: ApiShape, body: Json, canary: string): Json | undefined {
  const line = canaryLine(canary);
  switch (api) {
    case 'openai-chat':
      return insertChat(body, line);
    case 'openai-responses':
      return { ...body, instructions: appendToSystem(body.instructions, line) };
    case 'anthropic-messages':
      return { ...body, system: appendToSystem(body.system, line) };
    default:
      return undefined;
  }
}

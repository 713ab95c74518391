/** The request body shapes the gateway accepts. */
export type ApiShape =
  | 'openai-chat'
  | 'openai-completions'
  | 'openai-responses'
  | 'openai-embeddings'
  | 'anthropic-messages';

/** Who wrote a text: tool results and documents are the likeliest carriers of injection. */
export type SlotRole = 'system' | 'user' | 'assistant' | 'tool';

/** One string inside a request body, with the path to write a redacted copy back. */
export interface TextSlot {
  readonly path: readonly (string | number)[];
  /** Human-readable place, e.g. `messages[2].content (tool)`. */
  readonly location: string;
  readonly role: SlotRole;
  readonly text: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deepest nesting walked inside tool inputs, against pathological bodies. */
const MAX_DEPTH = 8;

class SlotCollector {
  readonly slots: TextSlot[] = [];

  add(value: unknown, path: (string | number)[], role: SlotRole): void {
    if (typeof value !== 'string' || value.length === 0) return;
    let location = '';
    for (const step of path) location += typeof step === 'number' ? `[${step}]` : `.${step}`;
    this.slots.push({ path, location: `${location.slice(1)} (${role})`, role, text: value });
  }

  /** Every string leaf of a JSON value (tool-call inputs). */
  leaves(value: unknown, path: (string | number)[], role: SlotRole, depth = 0): void {
    if (depth > MAX_DEPTH) return;
    if (typeof value === 'string') this.add(value, path, role);
    else if (Array.isArray(value)) {
      value.forEach((item, i) => this.leaves(item, [...path, i], role, depth + 1));
    } else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        this.leaves(item, [...path, key], role, depth + 1);
      }
    }
  }

  /** A string, or an array of parts carrying `text` (OpenAI and Anthropic text blocks). */
  content(value: unknown, path: (string | number)[], role: SlotRole): void {
    if (typeof value === 'string') {
      this.add(value, path, role);
      return;
    }
    if (!Array.isArray(value)) return;
    value.forEach((part, i) => {
      if (typeof part === 'string') this.add(part, [...path, i], role);
      else if (isObject(part)) this.block(part, [...path, i], role);
    });
  }

  /** One content block of either API. */
  block(part: Json, path: (string | number)[], role: SlotRole): void {
    if (typeof part.text === 'string') this.add(part.text, [...path, 'text'], role);

    switch (part.type) {
      case 'tool_result':
        this.content(part.content, [...path, 'content'], 'tool');
        break;
      case 'document':
        this.document(part, path);
        break;
      case 'tool_use':
        this.leaves(part.input, [...path, 'input'], 'assistant');
        break;
      default:
        break;
    }
  }

  document(part: Json, path: (string | number)[]): void {
    const source = part.source;
    if (!isObject(source)) return;
    if (source.type === 'text') this.add(source.data, [...path, 'source', 'data'], 'tool');
    if (source.type === 'content') {
      this.content(source.content, [...path, 'source', 'content'], 'tool');
    }
  }
}

function chatRole(role: unknown): SlotRole {
  if (role === 'tool' || role === 'function') return 'tool';
  if (role === 'system' || role === 'developer') return 'system';
  return role === 'assistant' ? 'assistant' : 'user';
}

function openAiChat(body: Json, out: SlotCollector): void {
  if (!Array.isArray(body.messages)) return;
  body.messages.forEach((message, i) => {
    if (!isObject(message)) return;
    const role = chatRole(message.role);
    out.content(message.content, ['messages', i, 'content'], role);

    if (Array.isArray(message.tool_calls)) {
      message.tool_calls.forEach((call, k) => {
        if (!isObject(call) || !isObject(call.function)) return;
        out.add(call.function.arguments,
          ['messages', i, 'tool_calls', k, 'function', 'arguments'], 'assistant');
      });
    }
    if (isObject(message.function_call)) {
      out.add(message.function_call.arguments,
        ['messages', i, 'function_call', 'arguments'], 'assistant');
    }
  });
}

function stringOrList(value: unknown, key: string, role: SlotRole, out: SlotCollector): void {
  if (typeof value === 'string') out.add(value, [key], role);
  else if (Array.isArray(value)) value.forEach((item, i) => out.add(item, [key, i], role));
}

function openAiResponses(body: Json, out: SlotCollector): void {
  out.add(body.instructions, ['instructions'], 'system');
  if (typeof body.input === 'string') {
    out.add(body.input, ['input'], 'user');
    return;
  }
  if (!Array.isArray(body.input)) return;

  body.input.forEach((item, i) => {
    if (!isObject(item)) return;
    const type = typeof item.type === 'string' ? item.type : 'message';
    if (type.endsWith('_call_output')) {
      out.content(item.output, ['input', i, 'output'], 'tool');
    } else if (type.endsWith('_call')) {
      out.add(item.arguments, ['input', i, 'arguments'], 'assistant');
      out.add(item.input, ['input', i, 'input'], 'assistant');
    } else {
      out.content(item.content, ['input', i, 'content'], chatRole(item.role));
    }
  });
}

function anthropicMessages(body: Json, out: SlotCollector): void {
  out.content(body.system, ['system'], 'system');
  if (!Array.isArray(body.messages)) return;
  body.messages.forEach((message, i) => {
    if (!isObject(message)) return;
    out.content(message.content, ['messages', i, 'content'], chatRole(message.role));
  });
}

/**
 * Lists every text a model would read in a request body of the given shape:
 * messages and their parts, tool and function results, tool-call
 * arguments, prompts, instructions, system blocks and documents.
 */
export function collectTextSlots(api: ApiShape, body: Record<string, unknown>): TextSlot[] {
  const out = new SlotCollector();
  switch (api) {
    case 'openai-chat':
      openAiChat(body, out);
      break;
    case 'openai-completions':
      stringOrList(body.prompt, 'prompt', 'user', out);
      out.add(body.suffix, ['suffix'], 'user');
      break;
    case 'openai-responses':
      openAiResponses(body, out);
      break;
    case 'openai-embeddings':
      stringOrList(body.input, 'input', 'user', out);
      break;
    case 'anthropic-messages':
      anthropicMessages(body, out);
      break;
  }
  return out.slots;
}

/**
 * A deep copy of `body` with each slot path set to its new text.
 * @returns `body` itself when there is nothing to change.
 */
export function writeSlots(body: Record<string, unknown>,
  edits: readonly { path: readonly (string | number)[]; text: string }[]):
  Record<string, unknown> {
  if (edits.length === 0) return body;

  const copy = structuredClone(body);
  for (const edit of edits) {
    let node: unknown = copy;
    for (const step of edit.path.slice(0, -1)) node = (node as Json)[step];
    (node as Json)[edit.path[edit.path.length - 1] as string] = edit.text;
  }
  return copy;
}

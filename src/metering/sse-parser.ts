/** One server-sent event, with the text it arrived as. */
export interface SseEvent {
  /** The event exactly as received, ending in its blank line. */
  raw: string;
  /** The `event:` field, or undefined. */
  event: string | undefined;
  /** The `data:` lines joined with newlines. */
  data: string;
}

/**
 * Splits a stream of text into server-sent events as they complete
 * (WHATWG HTML, "Server-sent events", parsing an event stream). Holds back
 * only an unfinished event, so nothing waits for more than its own bytes.
 */
export class SseParser {
  #buffer = '';

  /** Feeds a chunk; returns the events it completed. */
  push(chunk: string): SseEvent[] {
    this.#buffer += chunk.includes('\r') ? chunk.replace(/\r\n?/g, '\n') : chunk;
    const events: SseEvent[] = [];
    let end: number;
    while ((end = this.#buffer.indexOf('\n\n')) !== -1) {
      const raw = this.#buffer.slice(0, end + 2);
      this.#buffer = this.#buffer.slice(end + 2);
      events.push(parseEvent(raw));
    }
    return events;
  }

  /** Text received after the last complete event (an event cut off mid-way). */
  get pending(): string {
    return this.#buffer;
  }
}

function parseEvent(raw: string): SseEvent {
  let event: string | undefined;
  const data: string[] = [];
  for (const line of raw.split('\n')) {
    if (line.startsWith('data:')) data.push(line.slice(line[5] === ' ' ? 6 : 5));
    else if (line.startsWith('event:')) event = line.slice(line[6] === ' ' ? 7 : 6).trim();
  }
  return { raw, event, data: data.join('\n') };
}

import { describe, expect, it } from 'vitest';
import { SseParser } from '../../src/metering/sse-parser.js';

describe('SseParser', () => {
  it('completes events across arbitrary chunk boundaries', () => {
    const text = 'event: message_start\ndata: {"a":1}\n\ndata: {"b":\ndata: 2}\n\ndata: [DONE]\n\n';
    for (let size = 1; size <= text.length; size++) {
      const parser = new SseParser();
      const events = [];
      for (let start = 0; start < text.length; start += size) {
        events.push(...parser.push(text.slice(start, start + size)));
      }
      expect(events.map((event) => [event.event, event.data])).toEqual([
        ['message_start', '{"a":1}'], [undefined, '{"b":\n2}'], [undefined, '[DONE]'],
      ]);
      expect(parser.pending).toBe('');
    }
  });

  it('accepts CRLF line endings and keeps an unfinished event pending', () => {
    const parser = new SseParser();
    const events = parser.push('data: one\r\n\r\ndata: tw');
    expect(events.map((event) => event.data)).toEqual(['one']);
    expect(parser.pending).toBe('data: tw');
  });
});

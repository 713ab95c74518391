import type { Dispatcher } from 'undici';

/** An answer body that passed the size limit; what was read is dropped. */
export class AnswerTooLarge extends Error {
  /** Bytes received when reading stopped. */
  readonly bytes: number;

  constructor(bytes: number) {
    super(`answer larger than the limit (${bytes} bytes read)`);
    this.name = 'AnswerTooLarge';
    this.bytes = bytes;
  }
}

/**
 * Reads a provider's whole answer as UTF-8 text, refusing more than `limit`
 * bytes: past it the body is destroyed (which ends the upstream call) and
 * `AnswerTooLarge` is thrown. A declared length over the limit is refused
 * before anything is read.
 */
export async function readAnswer(response: Dispatcher.ResponseData, limit: number)
  : Promise<string> {
  const { body } = response;
  const declared = Number(response.headers['content-length']);
  if (declared > limit) {
    body.destroy();
    throw new AnswerTooLarge(declared);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      throw new AnswerTooLarge(size);
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8')
    : Buffer.concat(chunks, size).toString('utf8');
}

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server that keeps every JSON body posted to it. */
export async function startWebhookReceiver(options: { failFirst?: number } = {}) {
  const bodies: Record<string, unknown>[] = [];
  let failures = options.failFirst ?? 0;
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); });
    req.on('end', () => {
      if (failures > 0) {
        failures--;
        res.writeHead(503).end();
        return;
      }
      bodies.push(JSON.parse(text) as Record<string, unknown>);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    bodies,
    /** Waits until `count` bodies arrived, or fails after `ms`. */
    async waitFor(count: number, ms = 5_000) {
      const deadline = Date.now() + ms;
      while (bodies.length < count) {
        if (Date.now() > deadline) throw new Error(`only ${bodies.length} webhook posts`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return bodies;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

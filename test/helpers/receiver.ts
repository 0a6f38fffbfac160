/**
 * A local HTTP receiver for the platform push and the SMS gateway (issue 17): records every request's
 * raw body and headers, and answers as told — 200, a status (503), a dropped connection, or never.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Answer = 'ok' | 'drop' | 'hang' | number;

export interface Received { body: string; headers: IncomingHttpHeaders; answered: Answer }

export interface Receiver {
  url: string;
  requests: Received[];
  /** what the next requests get (default 'ok') */
  answer: Answer;
  /** resolves when `pred` holds for the requests answered 'ok' so far (polls), or rejects after `ms` */
  until(pred: (ok: Received[]) => boolean, ms?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const requests: Received[] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  const r: Receiver = {
    url: '', requests, answer: 'ok',
    async until(pred, ms = 10_000) {
      const end = Date.now() + ms;
      while (!pred(requests.filter((q) => q.answered === 'ok'))) {
        if (Date.now() > end) throw new Error(`receiver: condition not met in ${ms} ms (${requests.length} requests)`);
        await new Promise((res) => setTimeout(res, 20));
      }
    },
    close: () => new Promise((res) => {
      for (const h of hanging) h.destroy();
      server.closeAllConnections();
      server.close(() => res());
    }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answered = r.answer;
      requests.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers, answered });
      if (answered === 'ok') res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      else if (answered === 'drop') req.socket.destroy();
      else if (answered === 'hang') hanging.add(res);
      else res.writeHead(answered).end('down');
    });
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return r;
}

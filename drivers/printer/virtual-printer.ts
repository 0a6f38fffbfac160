/**
 * The virtual ticket printer: a raw TCP listener (like port 9100 of a LAN printer) on 127.0.0.1
 * that stores each printed job as a PNG under `data/prints/` and answers status queries. Its mode
 * is scriptable (paper out, near end, cover open, offline, silent), and `peer()` gives the same
 * printer as a serial peer for drivers/serial/peer-binding.ts.
 */
import net from 'node:net';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import type { SerialPeer } from '../serial/peer-binding.js';
import type { EscPosOp } from './escpos-ops.js';
import { createRenderThread } from './render-thread.js';
import type { PaperWidth } from './types.js';
import { VirtualPrinterCore, type PrintedJob, type VirtualMode, type VirtualSession } from './virtual-printer-core.js';

export type { VirtualMode } from './virtual-printer-core.js';

export interface VirtualPrinter {
  port: number;
  setMode(m: VirtualMode): void;
  /** Paper runs out after `lines` printed lines of the next job (mid-job fault). */
  paperRunsOutAfter(lines: number): void;
  jobs(): { file: string; ops: EscPosOp[]; text: string }[];
  /** Resolves when every TCP client has disconnected and every job is written to its PNG file. */
  settled(): Promise<void>;
  peer(): SerialPeer;
  close(): Promise<void>;
}

export interface VirtualPrinterOptions {
  host?: string;
  /** 0 = any free port. */
  port?: number;
  dir?: string;
  paperWidth?: PaperWidth;
  /** false: keep jobs in memory only. Default true: each job is rendered to PNG (~0.3 s) on a worker thread, off the event loop. */
  png?: boolean;
  logger?: pino.Logger;
}

export async function startVirtualPrinter(opts: VirtualPrinterOptions = {}): Promise<VirtualPrinter> {
  const dir = opts.dir ?? path.join('data', 'prints');
  const paperWidth = opts.paperWidth ?? 80;
  const log = (opts.logger ?? pino({ level: 'silent' })).child({ module: 'virtual-printer' });
  await mkdir(dir, { recursive: true });

  const stored: { file: string; ops: EscPosOp[]; text: string }[] = [];
  let writes: Promise<unknown> = Promise.resolve();
  let seq = 0;
  const thread = createRenderThread();
  const onJob = (job: PrintedJob) => {
    seq++;
    const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(seq).padStart(4, '0')}.png`);
    stored.push({ file, ...job });
    if (opts.png === false) return;
    // rendered and written on the render thread: the event loop (a server's, in the demo) never waits
    const written = thread.render(job.ops, paperWidth, file).catch((err: unknown) => log.error({ err, file }, 'could not store printed job'));
    writes = Promise.all([writes, written]);
    log.info({ file }, 'job printed');
  };
  const core = new VirtualPrinterCore(onJob);

  const sockets = new Set<net.Socket>();
  const closing = new Set<Promise<void>>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    closing.add(closed);
    void closed.then(() => closing.delete(closed));
    const session = core.session((b) => {
      if (!socket.destroyed) socket.write(b);
    });
    socket.on('data', (d) => session.receive(d));
    socket.on('close', () => {
      sockets.delete(socket);
      session.disconnect();
    });
    socket.on('error', (err) => log.warn({ err: err.message }, 'client connection error'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  log.info({ port: address.port, dir }, 'virtual printer listening');

  return {
    port: address.port,
    setMode: (m) => core.setMode(m),
    paperRunsOutAfter: (lines) => core.paperRunsOutAfter(lines),
    jobs: () => [...stored],
    settled: async () => {
      await Promise.all([...closing]);
      await writes;
    },
    peer(): SerialPeer {
      let session: VirtualSession | null = null;
      return {
        connect: (send) => {
          session = core.session(send);
        },
        receive: (data) => session?.receive(data),
        disconnect: () => {
          session?.disconnect();
          session = null;
        },
      };
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      await writes;
      await thread.close();
    },
  };
}

/**
 * Ticket PNGs rendered off the event loop (issue 20): one worker thread, started on the first job
 * and kept for the next ones, renders and writes each PNG; the caller gets a promise settled when
 * the file is written. At most `maxQueued` jobs wait: beyond that a job is refused at once (its
 * promise rejects), so a burst of tickets cannot grow memory without bound. If the thread cannot
 * start or dies, the jobs it held are rejected and the next job starts a new thread.
 *
 * The thread runs TypeScript: it registers tsx's loader (a dependency) before loading
 * render-worker.ts, so it starts the same under `npm start` (tsx) and under vitest.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { EscPosOp } from './escpos-ops.js';
import type { PaperWidth } from './types.js';

export interface RenderRequest {
  id: number;
  ops: EscPosOp[];
  paperWidth: PaperWidth;
  file: string;
}
export interface RenderReply {
  id: number;
  error?: string;
}

export interface RenderThread {
  /** Renders `ops` to a PNG at `file`; resolves when written. */
  render(ops: EscPosOp[], paperWidth: PaperWidth, file: string): Promise<void>;
  /** jobs sent and not yet answered */
  readonly pending: number;
  close(): Promise<void>;
}

const BODY = new URL('./render-worker.ts', import.meta.url).href;

/** CommonJS, run by `eval`: registers tsx's loader in the thread, then loads the TypeScript body. */
function boot(): string {
  // tsx's ESM API (its `import` condition: the CommonJS build resolves its hooks wrongly under eval)
  const tsx = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx')), 'esm', 'api', 'index.mjs')).href;
  return `(async () => {
  (await import(${JSON.stringify(tsx)})).register();
  await import(${JSON.stringify(BODY)});
})().catch((err) => { throw err; });`;
}

export function createRenderThread(opts: { maxQueued?: number } = {}): RenderThread {
  const maxQueued = opts.maxQueued ?? 64;
  let worker: Worker | null = null;
  let seq = 0;
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();

  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const start = (): Worker => {
    const w = new Worker(boot(), { eval: true });
    w.unref(); // an idle render thread never keeps the process alive
    w.on('message', (r: RenderReply) => {
      const p = waiting.get(r.id);
      if (!p) return;
      waiting.delete(r.id);
      if (r.error) p.reject(new Error(r.error));
      else p.resolve();
    });
    w.on('error', (err) => {
      if (worker === w) worker = null;
      failAll(err);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      if (waiting.size) failAll(new Error(`render thread exited (${code})`));
    });
    return w;
  };

  return {
    get pending() {
      return waiting.size;
    },
    render(ops, paperWidth, file) {
      if (waiting.size >= maxQueued) return Promise.reject(new Error(`render queue full (${maxQueued} jobs waiting)`));
      worker ??= start();
      const id = ++seq;
      const done = new Promise<void>((resolve, reject) => waiting.set(id, { resolve, reject }));
      worker.postMessage({ id, ops, paperWidth, file } satisfies RenderRequest);
      return done;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
      failAll(new Error('render thread closed'));
    },
  };
}

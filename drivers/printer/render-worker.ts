/**
 * The body of the PNG render thread (render-thread.ts starts it): renders each job it is sent with
 * render.ts and writes the file, off the server's event loop (a ticket takes ~0.3 s in resvg).
 */
import { parentPort } from 'node:worker_threads';
import { writeFile } from 'node:fs/promises';
import { renderPng } from './render.js';
import type { RenderRequest, RenderReply } from './render-thread.js';

parentPort!.on('message', (req: RenderRequest) => {
  let reply: Promise<RenderReply>;
  try {
    const png = renderPng(req.ops, req.paperWidth);
    reply = writeFile(req.file, png).then(
      () => ({ id: req.id }),
      (err: unknown) => ({ id: req.id, error: String(err) }),
    );
  } catch (err) {
    reply = Promise.resolve({ id: req.id, error: String(err) });
  }
  void reply.then((r) => parentPort!.postMessage(r));
});

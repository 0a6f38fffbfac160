/**
 * Serves simulated slaves over a real byte stream, e.g. the far end of a socat pty pair opened
 * with serialport: the master on the other end sees exactly what a real bus would give it.
 */
import type { Duplex } from 'node:stream';
import { RequestFramer } from './framer.js';
import type { RtuSlave } from './slave.js';

export interface SlaveServer {
  attach(slave: RtuSlave): void;
  stop(): void;
}

export function serveSlaves(stream: Duplex, slaves: RtuSlave[] = [], opts: { replyDelayMs?: number } = {}): SlaveServer {
  const all = [...slaves];
  const framer = new RequestFramer((frame) => {
    for (const slave of all) {
      const reply = slave.handle(frame);
      if (!reply) continue;
      const delay = opts.replyDelayMs ?? 0;
      if (delay > 0) setTimeout(() => stream.write(reply), delay);
      else stream.write(reply);
    }
  });
  const onData = (chunk: Buffer) => framer.push(chunk);
  stream.on('data', onData);
  return {
    attach: (slave) => all.push(slave),
    stop: () => {
      framer.stop();
      stream.off('data', onData);
    },
  };
}

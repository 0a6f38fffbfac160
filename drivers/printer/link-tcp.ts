/** A printer on the LAN, raw port 9100 (JetDirect): one TCP connection per session. */
import net from 'node:net';
import { ByteInbox, type PrinterLink } from './link.js';
import { PrinterError, toPrinterError } from './errors.js';

export function tcpLink(host: string, port: number, connectTimeoutMs = 3000): PrinterLink {
  const inbox = new ByteInbox();
  let socket: net.Socket | null = null;

  return {
    description: `tcp://${host}:${port}`,
    open: () =>
      new Promise<void>((resolve, reject) => {
        inbox.clear();
        const s = net.connect({ host, port });
        const timer = setTimeout(() => {
          s.destroy();
          reject(new PrinterError('offline', `connect to ${host}:${port} timed out`));
        }, connectTimeoutMs);
        s.once('connect', () => {
          clearTimeout(timer);
          socket = s;
          resolve();
        });
        s.on('data', (d) => inbox.push(d));
        s.on('error', (err) => {
          clearTimeout(timer);
          const e = toPrinterError(err);
          const fault = e.fault === 'error' ? new PrinterError('offline', e.detail) : e;
          inbox.fail(fault);
          reject(fault);
        });
        s.on('close', () => {
          if (socket === s) socket = null;
          inbox.fail(new PrinterError('offline', 'connection closed by printer'));
        });
      }),
    write: (data) =>
      new Promise<void>((resolve, reject) => {
        if (!socket) return reject(new PrinterError('offline', 'not connected'));
        socket.write(data, (err) => (err ? reject(toPrinterError(err)) : resolve()));
      }),
    readByte: (accept, timeoutMs) => inbox.take(accept, timeoutMs),
    end: () =>
      new Promise<void>((resolve) => {
        const s = socket;
        socket = null;
        inbox.clear();
        if (!s || s.destroyed) return resolve();
        s.end(() => resolve());
        // a printer that never acknowledges FIN must not hold the queue
        setTimeout(() => {
          s.destroy();
          resolve();
        }, 500).unref();
      }),
    close: async () => {
      socket?.destroy();
      socket = null;
    },
  };
}

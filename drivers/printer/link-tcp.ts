/**
 * A printer on the LAN, raw port 9100 (JetDirect): one TCP connection per session, each with its
 * own inbox, so the late close of one session can never fail a read of the next.
 */
import net from 'node:net';
import { ByteInbox, type PrinterLink } from './link.js';
import { PrinterError, toPrinterError } from './errors.js';

interface Session { socket: net.Socket; inbox: ByteInbox }

export function tcpLink(host: string, port: number, connectTimeoutMs = 3000): PrinterLink {
  let cur: Session | null = null;

  const connect = () =>
    new Promise<Session>((resolve, reject) => {
      const inbox = new ByteInbox();
      const socket = net.connect({ host, port, noDelay: true }); // status queries are 3-byte writes awaiting a reply: no Nagle delay
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new PrinterError('offline', `connect to ${host}:${port} timed out`));
      }, connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve({ socket, inbox });
      });
      socket.on('data', (d) => inbox.push(d));
      socket.on('error', (err) => {
        clearTimeout(timer);
        const fault = new PrinterError('offline', toPrinterError(err).detail);
        inbox.fail(fault);
        reject(fault);
      });
      socket.on('close', () => inbox.fail(new PrinterError('offline', 'connection closed by printer')));
    });

  const live = (): Session => {
    if (!cur || cur.socket.destroyed) throw new PrinterError('offline', 'not connected');
    return cur;
  };

  return {
    description: `tcp://${host}:${port}`,
    async open() {
      cur = await connect();
    },
    write: (data) =>
      new Promise<void>((resolve, reject) => {
        const { socket } = live();
        socket.write(data, (err) => (err ? reject(new PrinterError('offline', err.message)) : resolve()));
      }),
    readByte: async (accept, timeoutMs) => live().inbox.take(accept, timeoutMs),
    end: () =>
      new Promise<void>((resolve) => {
        const s = cur?.socket;
        cur = null;
        if (!s || s.destroyed) return resolve();
        // end() flushes what was written; a printer that never acknowledges FIN must not hold the queue
        const timer = setTimeout(() => {
          s.destroy();
          resolve();
        }, 500);
        s.end(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
    async close() {
      cur?.socket.destroy();
      cur = null;
    },
  };
}

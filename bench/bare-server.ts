/**
 * The yardstick of bench/http.ts: express + Socket.IO + one durable better-sqlite3 write per request
 * (WAL, synchronous=FULL, one row per transaction), nothing else — no auth, no validation, no rules.
 * POST /tickets inserts a row and tells every socket `queue:updated`; POST /call inserts a row and
 * broadcasts `ticket:called` with the contract's payload shape.
 */
import express from 'express';
import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

export interface BareServer { url: string; close(): Promise<void> }

export async function startBareServer(dbPath: string): Promise<BareServer> {
  const db = new Database(dbPath);
  // the same durability as the hall's database (server/db/open.ts)
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, at INTEGER NOT NULL)');
  const insert = db.prepare('INSERT INTO rows (kind, at) VALUES (?, ?)');

  const app = express();
  app.use(express.json({ limit: '32kb' }));
  const http = createServer(app);
  http.keepAliveTimeout = 65_000;
  const io = new Server(http, { serveClient: false });

  app.post('/tickets', (_req, res) => {
    const id = Number(insert.run('ticket', Date.now()).lastInsertRowid);
    io.emit('queue:updated', { queue: { id: 'qA', waiting: id, reservationsWaiting: 0 } });
    res.status(201).json({ ticket: { id: `t${id}`, number: `A${String(id).padStart(3, '0')}` }, waitingAhead: 0 });
  });
  app.post('/call', (_req, res) => {
    const id = Number(insert.run('call', Date.now()).lastInsertRowid);
    const ticket = { id: `t${id}`, number: `A${String(id).padStart(3, '0')}`, kind: 'walk-in', queueId: 'qA' };
    io.emit('ticket:called', { ticket, window: { id: 'w1', number: 1, name: '综合受理' }, recall: false, at: new Date().toISOString() });
    res.json({ ticket });
  });

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    url,
    close: () => new Promise<void>((resolve) => {
      http.closeIdleConnections();
      void io.close(() => { db.close(); resolve(); });
    }),
  };
}

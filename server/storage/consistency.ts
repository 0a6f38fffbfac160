/**
 * The start-up check of issue 13 item 15: a database whose day counters are behind its own event
 * log has lost writes (a `-wal` file deleted after a crash loses everything since the last
 * checkpoint, and not evenly: some pages were checkpointed, some not). Numbering from the stale
 * counter would issue A004 a second time, so the server refuses to start and says how to fix it.
 */
import type { Db } from '../db/open.js';
import { ConfigError } from '../config.js';

export interface CounterLag {
  day: string;
  queueId: string;
  /** the counter's last number */
  counter: number;
  /** the highest number the event log or the tickets table holds, e.g. A007 */
  logged: string;
}

/** how many of the newest events the check reads */
const RECENT_EVENTS = 200_000;

const seqOf = (number: string) => Number(/(\d+)$/.exec(number)?.[1] ?? 0);

/** Today's (day, queue) counters that are behind the tickets the log (or the tickets table) says were issued. */
export function countersBehind(db: Db, today: string, since: number, dayOf: (at: number) => string): CounterLag[] {
  const highest = new Map<string, { day: string; queueId: string; seq: number; number: string }>();
  const see = (day: string, queueId: string, number: string) => {
    if (day !== today || !queueId || !number) return;
    const key = `${day} ${queueId}`;
    const seq = seqOf(number);
    if (seq > (highest.get(key)?.seq ?? 0)) highest.set(key, { day, queueId, seq, number });
  };
  // only the newest events are read (a day of a busy hall is a few ten thousand): the start stays fast after years
  const events = db.prepare<[number, number], { at: number; number: string; queue_id: string }>(
    `SELECT at, json_extract(data, '$.number') AS number, json_extract(data, '$.queueId') AS queue_id
       FROM events WHERE seq > (SELECT coalesce(max(seq), 0) - ? FROM events) AND type = 'ticket.issued' AND at >= ?`)
    .all(RECENT_EVENTS, since);
  for (const e of events) see(dayOf(e.at), e.queue_id, e.number);
  const tickets = db.prepare<[string], { queue_id: string; number: string }>(
    `SELECT queue_id, number FROM tickets WHERE day = ?`).all(today);
  for (const t of tickets) see(today, t.queue_id, t.number);
  const counter = db.prepare<[string, string], { last_seq: number }>('SELECT last_seq FROM ticket_counters WHERE day = ? AND queue_id = ?');
  const lags: CounterLag[] = [];
  for (const h of highest.values()) {
    const c = counter.get(h.day, h.queueId)?.last_seq ?? 0;
    if (c < h.seq) lags.push({ day: h.day, queueId: h.queueId, counter: c, logged: h.number });
  }
  return lags;
}

/** Refuses to start on a database that lost writes (main.ts prints the message and exits 1). */
export class StoreInconsistent extends ConfigError {
  override name = 'StoreInconsistent';
}

export function refuseIfCountersBehind(db: Db, file: string, today: string, since: number, dayOf: (at: number) => string) {
  const lags = countersBehind(db, today, since, dayOf);
  if (!lags.length) return;
  const first = lags[0];
  throw new StoreInconsistent(
    `database ${file}: today's ticket counters are behind its event log (queue ${first.queueId} on ${first.day}: ` +
    `the counter is at ${first.counter}, the log has ${first.logged}${lags.length > 1 ? `; ${lags.length} queues in all` : ''}). ` +
    'The file has lost writes, most likely its -wal file was deleted after a crash; starting would issue numbers twice. ' +
    'Fix: stop hallq, restore the newest backup (docs/operations.md, "Restoring a backup"), or put the lost ' +
    `${file}-wal back if you still have it, then start again.`);
}

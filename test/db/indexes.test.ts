import { describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/open.js';
import { INDEXED } from '../../server/db/repos/tickets.js';

/** The head queries of server/db/repos/tickets.ts, as call-next runs them. */
const HEADS: Record<string, [string, unknown[]]> = {
  tickets_walkin_head: [INDEXED.walkinHead, ['qA']],
  tickets_reservation_head: [INDEXED.reservationHead, ['qA']],
  tickets_transfer_head: [INDEXED.transferHead, ['w1']],
};

/** The day-end queries of server/db/repos/tickets.ts: each reads an index that a new ticket is not in, or its own head. */
const DAY_END: Record<string, [string, unknown[]]> = {
  tickets_walkin_head: [INDEXED.waitingWalkinsBefore, ['qA', 1, '2026-11-23']],
  tickets_reservation_head: [INDEXED.waitingReservationsBefore, ['qA', '2026-11-23']],
  tickets_transfer_head: [INDEXED.waitingTransfersBefore, ['2026-11-23']],
  tickets_active: [INDEXED.activeUpTo, ['2026-11-23']],
};

const planOf = (sql: string, args: unknown[]) => {
  const db = openDb(':memory:');
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args).map((r) => (r as { detail: string }).detail).join('\n');
  db.close();
  return plan;
};

describe('day-end indexes (no index holds every open ticket, so issuing one writes no extra page)', () => {
  for (const [index, [sql, args]] of Object.entries(DAY_END)) {
    it(`${index}: the day-end query reads it, not the whole table`, () => {
      const plan = planOf(sql, args);
      expect(plan).toContain(`USING INDEX ${index}`);
      expect(plan).not.toMatch(/SCAN tickets\b(?! USING)/);
    });
  }

  it('a new waiting walk-in enters only the walk-in head and the number index', () => {
    const db = openDb(':memory:');
    const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets'").all() as { name: string; sql: string | null }[];
    db.close();
    const full = indexes.filter((i) => i.sql && !/ WHERE /i.test(i.sql)).map((i) => i.name);
    expect(full).toEqual([]); // the only full index is UNIQUE (day, number), which has no sql
    const partial = indexes.filter((i) => i.sql).map((i) => i.name).sort();
    expect(partial).toEqual(['tickets_active', 'tickets_reservation_head', 'tickets_transfer_head', 'tickets_walkin_head']);
  });
});

describe('call-next indexes (cost independent of the waiting line)', () => {
  for (const [index, [sql, args]] of Object.entries(HEADS)) {
    it(`${index}: the head is one seek on the partial index, with no sort step`, () => {
      const plan = planOf(sql, args);
      expect(plan).toContain(`USING INDEX ${index}`);
      expect(plan).not.toMatch(/TEMP B-TREE|SCAN tickets\b(?! USING)/);
    });
  }
});

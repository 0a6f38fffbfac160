import { describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/open.js';

/** The head queries of server/db/repos/tickets.ts, as call-next runs them. */
const HEADS: Record<string, [string, unknown[]]> = {
  tickets_walkin_head: [`SELECT * FROM tickets WHERE status = 'waiting' AND kind = 'walk-in' AND target_window_id IS NULL AND queue_id = ?
     ORDER BY issued_at, seq, id LIMIT 1`, ['qA']],
  tickets_reservation_head: [`SELECT * FROM tickets WHERE status = 'waiting' AND kind = 'reservation' AND target_window_id IS NULL AND queue_id = ?
     ORDER BY slot_start, checked_in_at, seq, id LIMIT 1`, ['qA']],
  tickets_transfer_head: [`SELECT * FROM tickets WHERE status = 'waiting' AND target_window_id = ? ORDER BY issued_at, seq, id LIMIT 1`, ['w1']],
};

describe('call-next indexes (cost independent of the waiting line)', () => {
  for (const [index, [sql, args]] of Object.entries(HEADS)) {
    it(`${index}: the head is one seek on the partial index, with no sort step`, () => {
      const db = openDb(':memory:');
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args).map((r) => (r as { detail: string }).detail).join('\n');
      expect(plan).toContain(`USING INDEX ${index}`);
      expect(plan).not.toMatch(/TEMP B-TREE|SCAN tickets\b(?! USING)/);
      db.close();
    });
  }
});

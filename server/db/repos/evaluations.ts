/** 好差评 (issue 16): one rating per finished ticket, its follow-up, and which display is which window's pad. */
import type { Db } from '../open.js';
import type { EvaluationChannel, FollowUpOutcome } from '../../../protocol/evaluations.js';

/** a row of `evaluations` (server/db/migrations/002_evaluations.sql); `reasons` is a JSON array of strings */
export interface EvaluationRow {
  id: string; ticket_id: string; day: string; level: number; reasons: string; comment: string | null; channel: EvaluationChannel;
  service_id: string | null; window_id: string | null; staff_id: string | null; created_at: number; created_by: string;
  due_day: string | null; follow_up_outcome: FollowUpOutcome | null; follow_up_note: string | null; follow_up_by: string | null;
  follow_up_at: number | null;
}

export type NewEvaluation = Omit<EvaluationRow, 'follow_up_outcome' | 'follow_up_note' | 'follow_up_by' | 'follow_up_at'>;

export function evaluationsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO evaluations (id, ticket_id, day, level, reasons, comment, channel, service_id, window_id, staff_id, created_at, created_by, due_day)
     VALUES (@id, @ticket_id, @day, @level, @reasons, @comment, @channel, @service_id, @window_id, @staff_id, @created_at, @created_by, @due_day)`);
  const get = db.prepare<[string], EvaluationRow>('SELECT * FROM evaluations WHERE id = ?');
  const ofTicket = db.prepare<[string], EvaluationRow>('SELECT * FROM evaluations WHERE ticket_id = ?');
  // a period's ratings through evaluations_by_day; the open low ones first, the earliest deadline first
  const between = db.prepare<{ from: string; to: string; maxLevel: number }, EvaluationRow>(
    `SELECT * FROM evaluations WHERE day BETWEEN @from AND @to AND level <= @maxLevel
     ORDER BY (follow_up_at IS NULL AND due_day IS NOT NULL) DESC, due_day, created_at DESC LIMIT 2000`);
  const followUp = db.prepare(
    `UPDATE evaluations SET follow_up_outcome = @outcome, follow_up_note = @note, follow_up_by = @by, follow_up_at = @at WHERE id = @id`);
  const padOf = db.prepare<[string], { window_id: string }>('SELECT window_id FROM evaluation_pads WHERE device_id = ?');
  const bindPad = db.prepare(
    `INSERT INTO evaluation_pads (device_id, window_id, bound_at) VALUES (?, ?, ?)
     ON CONFLICT (device_id) DO UPDATE SET window_id = excluded.window_id, bound_at = excluded.bound_at`);
  return {
    insert: (r: NewEvaluation) => insert.run(r),
    get: (id: string) => get.get(id),
    ofTicket: (ticketId: string) => ofTicket.get(ticketId),
    between: (from: string, to: string, maxLevel: number) => between.all({ from, to, maxLevel }),
    followUp: (f: { id: string; outcome: FollowUpOutcome; note: string; by: string; at: number }) => followUp.run(f),
    /** the window a display device is the pad of, if any */
    padWindow: (deviceId: string) => padOf.get(deviceId)?.window_id ?? null,
    bindPad: (deviceId: string, windowId: string, at: number) => bindPad.run(deviceId, windowId, at),
  };
}

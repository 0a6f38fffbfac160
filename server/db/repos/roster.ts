/** The 上岗表 (issue 19, migration 006 `roster`): who is on duty on an extended-service date. */
import type { Db } from '../open.js';
import type { RosterRole } from '../../../protocol/forms.js';

export interface RosterRow {
  id: string; date: string; session: string | null; booking_id: string | null; role: RosterRole; user_id: string;
  note: string | null; created_at: number; created_by: string;
}

export function rosterRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO roster (id, date, session, booking_id, role, user_id, note, created_at, created_by)
     VALUES (@id, @date, @session, @booking_id, @role, @user_id, @note, @created_at, @created_by)`);
  const ofDate = db.prepare<[string], RosterRow>(
    "SELECT * FROM roster WHERE date = ? ORDER BY CASE role WHEN 'lead' THEN 0 WHEN 'window' THEN 1 ELSE 2 END, session, created_at");
  const get = db.prepare<[string], RosterRow>('SELECT * FROM roster WHERE id = ?');
  const remove = db.prepare('DELETE FROM roster WHERE id = ?');
  return {
    insert: (r: RosterRow) => insert.run(r),
    ofDate: (date: string) => ofDate.all(date),
    get: (id: string) => get.get(id),
    remove: (id: string) => remove.run(id),
  };
}

/**
 * Assigning one person to a date's 上岗表 (issue 19): role, staff member (with work phone), session
 * and booking (not for the whole-day duty lead), note. One form for the admin app's roster page and
 * the console's roster panel; the server's refusal is shown in place, in its Chinese message.
 */
import { useState } from 'preact/hooks';
import type { BodyOf } from '../../../protocol/api.js';
import { ROSTER_ROLES, type RosterDay, type RosterEntry, type RosterRole } from '../../../protocol/forms.js';
import { ApiError } from '../client.js';

/** the words the form needs: both apps' dictionaries carry them under these keys */
export type RosterFormKey = 'rosterRole' | 'rosterStaff' | 'rosterSession' | 'rosterWholeDay' | 'rosterBooking' | 'rosterNoBooking'
  | 'rosterNote' | 'rosterAdd' | `rosterRole_${RosterRole}`;

export function RosterAddForm({ day, t, assign, onAdded }: {
  day: RosterDay;
  t: (key: RosterFormKey) => string;
  assign: (body: BodyOf<'POST /api/roster'>) => Promise<{ entry: RosterEntry }>;
  onAdded: (entry: RosterEntry) => void;
}) {
  const [role, setRole] = useState<RosterRole>('window');
  const [userId, setUserId] = useState('');
  const [session, setSession] = useState('');
  const [bookingId, setBookingId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const whole = role === 'lead';
    try {
      const r = await assign({
        date: day.date, role, userId, ...(!whole && session ? { session } : {}), ...(!whole && bookingId ? { bookingId } : {}), ...(note.trim() ? { note: note.trim() } : {}),
      });
      setNote('');
      onAdded(r.entry);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form class="row roster-add" onSubmit={add}>
      <label class="inline">{t('rosterRole')}
        <select name="role" value={role} onChange={(e) => setRole(e.currentTarget.value as RosterRole)}>
          {ROSTER_ROLES.map((r) => <option key={r} value={r}>{t(`rosterRole_${r}`)}</option>)}
        </select>
      </label>
      <label class="inline">{t('rosterStaff')}
        <select name="userId" value={userId} onChange={(e) => setUserId(e.currentTarget.value)} required>
          <option value="">—</option>
          {day.staff.map((u) => <option key={u.id} value={u.id}>{u.name}{u.phone ? ` ${u.phone}` : ''}</option>)}
        </select>
      </label>
      {role !== 'lead' && (
        <>
          <label class="inline">{t('rosterSession')}
            <select name="session" value={session} onChange={(e) => setSession(e.currentTarget.value)}>
              <option value="">{t('rosterWholeDay')}</option>
              {day.sessions.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </label>
          <label class="inline">{t('rosterBooking')}
            <select name="bookingId" value={bookingId} onChange={(e) => setBookingId(e.currentTarget.value)}>
              <option value="">{t('rosterNoBooking')}</option>
              {day.bookings.map((b) => <option key={b.id} value={b.id}>{b.slot} {b.serviceName} {b.name}</option>)}
            </select>
          </label>
        </>
      )}
      <label class="inline">{t('rosterNote')}<input name="note" value={note} maxLength={100} onInput={(e) => setNote(e.currentTarget.value)} /></label>
      <button class="primary" type="submit" disabled={!userId}>{t('rosterAdd')}</button>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}

/**
 * 好差评 (issue 16): a rating of a finished ticket from its window's pad, its QR page, the RS-485
 * keypad or staff; the list a lead and the admin read; a lead's follow-up; a display bound as a
 * window's pad; and the pad's request after finish. The rules are in server/engine/evaluations.ts.
 */
import { HallError } from '../../protocol/errors.js';
import type { Evaluation, EvaluationChannel, EvaluationLevel, EvaluationRequestEvent, FollowUpOutcome, PublicEvaluation } from '../../protocol/evaluations.js';
import { isLowLevel } from '../../protocol/evaluations.js';
import { CALENDAR_MAX_DAYS } from '../../protocol/schemas.js';
import type { EvaluationRow } from '../db/repos/evaluations.js';
import type { TicketRow } from '../db/repos/tickets.js';
import { daysBetween } from '../engine/calendar.js';
import { checkEvaluable, checkReasons, dueDay, isOverdue } from '../engine/evaluations.js';
import { toIso } from '../engine/time.js';
import { actorTag, record, type Actor, type Core, type Emit } from './core.js';
import { saveTicket } from './ticket-store.js';

export interface RateInput { ticketId: string; level: EvaluationLevel; reasons?: string[]; comment?: string; requestId?: string }

function windowRef(core: Core, id: string | null) {
  const w = id ? core.repos.windows.get(id) : undefined;
  return w ? { id: w.id, number: w.number, name: w.name } : null;
}

export function toEvaluation(core: Core, r: EvaluationRow): Evaluation {
  const tz = core.cfg.hours.tz;
  const s = r.service_id ? core.repos.services.get(r.service_id) : undefined;
  const e: Evaluation = {
    id: r.id, ticketId: r.ticket_id, ticketNumber: core.repos.tickets.get(r.ticket_id)?.number ?? '', day: r.day,
    level: r.level as EvaluationLevel, reasons: JSON.parse(r.reasons) as string[], channel: r.channel, createdAt: toIso(r.created_at, tz),
    window: windowRef(core, r.window_id), staffName: (r.staff_id && core.repos.users.get(r.staff_id)?.name) || null,
    service: s ? { id: s.id, name: s.name } : null, dueDay: r.due_day,
    overdue: isOverdue(r.due_day, r.follow_up_at !== null, core.today()),
    followUp: r.follow_up_outcome && r.follow_up_at !== null
      ? { outcome: r.follow_up_outcome, note: r.follow_up_note ?? '', by: r.follow_up_by ?? '', at: toIso(r.follow_up_at, tz) }
      : null,
  };
  if (r.comment) e.comment = r.comment;
  return e;
}

/** The channel a caller rates through: a display is a pad, a ticket holder the QR page, an evaluator the keypad. */
export function channelOf(actor: Actor): EvaluationChannel {
  if (actor.role === 'display') return 'pad';
  if (actor.role === 'ticket-holder') return 'qr';
  if (actor.role === 'evaluator') return 'keypad';
  return 'staff';
}

/** A pad rates only the tickets finished at its own window (404 before 403, 403 before 409). */
function checkPad(core: Core, actor: Actor, t: TicketRow) {
  if (actor.role !== 'display') return;
  const w = core.repos.evaluations.padWindow(actor.id);
  if (!w) throw new HallError('forbidden', { reason: 'not-a-pad' });
  if (w !== t.window_id) throw new HallError('window-not-yours');
}

function insert(core: Core, actor: Actor, t: TicketRow, input: RateInput, emit: Emit): Evaluation {
  checkPad(core, actor, t);
  checkEvaluable(t.status, core.repos.evaluations.ofTicket(t.id) !== undefined);
  const channel = channelOf(actor);
  const reasons = checkReasons(input.level, input.reasons ?? [], core.cfg.policy.evaluationReasons, channel);
  const day = core.today();
  const w = t.window_id ? core.repos.windows.row(t.window_id) : undefined;
  const row: EvaluationRow = {
    id: core.newId('e'), ticket_id: t.id, day, level: input.level, reasons: JSON.stringify(reasons), comment: input.comment || null, channel,
    service_id: t.service_id, window_id: t.window_id, staff_id: w?.staff_user_id ?? null, created_at: core.now(), created_by: actorTag(actor),
    due_day: isLowLevel(input.level) ? dueDay(day, core.cfg.policy.rectifyWorkingDays, core.cfg.hours) : null,
    follow_up_outcome: null, follow_up_note: null, follow_up_by: null, follow_up_at: null,
  };
  core.repos.evaluations.insert(row);
  // the ticket keeps its rating too (tickets.rating), so a console sees it through ticket:updated
  saveTicket(core, emit, { ...t, rating: input.level });
  record(core, 'evaluation.created', actor, row.id, { ticketId: t.id, level: input.level, windowId: t.window_id, serviceId: t.service_id, channel });
  const evaluation = toEvaluation(core, row);
  emit('evaluation:updated', { evaluation }); // a lead's ratings list applies it (no poll)
  return evaluation;
}

export function rate(core: Core, actor: Actor, input: RateInput): { evaluation: Evaluation; replayed?: boolean } {
  return core.run('evaluation.create', actor, input.requestId, (emit) => {
    const t = core.repos.tickets.get(input.ticketId);
    if (!t) throw new HallError('ticket-not-found');
    return { evaluation: insert(core, actor, t, input, emit) };
  });
}

/** The RS-485 evaluator: rates the ticket last finished at its window today (a serving one is not finished yet). */
export function rateByKeypad(core: Core, actor: Actor, windowId: string, level: EvaluationLevel) {
  return core.run('rate', actor, undefined, (emit) => {
    const t = core.repos.tickets.lastDoneAt(windowId);
    if (!t || t.day !== core.today()) throw new HallError('ticket-not-finished');
    insert(core, actor, t, { ticketId: t.id, level }, emit);
    return { ticketId: t.id, rating: level };
  });
}

export function list(core: Core, q: { from?: string; to?: string; maxLevel?: number }): Evaluation[] {
  const from = q.from ?? q.to ?? core.today();
  const to = q.to ?? (q.from ? core.today() : from);
  if (to < from || daysBetween(from, to) > CALENDAR_MAX_DAYS) throw new HallError('invalid-range', { from, to, maxDays: CALENDAR_MAX_DAYS });
  return core.repos.evaluations.between(from, to, q.maxLevel ?? 5).map((r) => toEvaluation(core, r));
}

export function followUp(core: Core, actor: Actor, id: string, f: { outcome: FollowUpOutcome; note: string }): { evaluation: Evaluation } {
  return core.run('evaluation.follow-up', actor, undefined, (emit) => {
    if (!core.repos.evaluations.get(id)) throw new HallError('not-found');
    core.repos.evaluations.followUp({ id, outcome: f.outcome, note: f.note, by: actor.name ?? actorTag(actor), at: core.now() });
    record(core, 'evaluation.followed-up', actor, id, { outcome: f.outcome });
    const evaluation = toEvaluation(core, core.repos.evaluations.get(id)!);
    emit('evaluation:updated', { evaluation });
    return { evaluation };
  });
}

/** A display device becomes the pad of window `number` (it says so from its pairing link; audited when it changes). */
export function bindPad(core: Core, actor: Actor, number: number) {
  if (actor.role !== 'display') throw new HallError('forbidden');
  const w = core.repos.windows.rowByNumber(number);
  if (!w) throw new HallError('window-not-found', { window: number });
  if (core.repos.evaluations.padWindow(actor.id) !== w.id) {
    core.run('evaluation.pad', actor, undefined, () => {
      core.repos.evaluations.bindPad(actor.id, w.id, core.now());
      record(core, 'evaluation.pad-bound', actor, actor.id, { windowId: w.id });
      return {};
    });
  }
  return { window: windowRef(core, w.id)! };
}

/** What the pad of the window shows after `finish` (no personal data: the ticket number only). */
export function requestFor(core: Core, t: TicketRow): EvaluationRequestEvent | null {
  const w = t.window_id ? core.repos.windows.row(t.window_id) : undefined;
  if (!w) return null;
  return {
    window: { id: w.id, number: w.number, name: w.name },
    ticket: { id: t.id, number: t.number },
    serviceName: core.repos.services.get(t.service_id)?.name ?? '',
    staffName: (w.staff_user_id && core.repos.users.get(w.staff_user_id)?.name) || null,
    reasons: [...core.cfg.policy.evaluationReasons],
  };
}

/** The QR page's part: once finished, whether it was rated and the reasons it may pick. */
export function publicEvaluation(core: Core, t: TicketRow): PublicEvaluation | undefined {
  if (t.status !== 'done') return undefined;
  return { rated: core.repos.evaluations.ofTicket(t.id) !== undefined, reasons: [...core.cfg.policy.evaluationReasons] };
}

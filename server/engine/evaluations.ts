/**
 * 好差评 rules (issue 16), pure: who may rate which ticket, when a reason is needed, the follow-up
 * deadline in the hall calendar's working days, overdue, and the RS-485 evaluator's keys.
 */
import { HallError } from '../../protocol/errors.js';
import type { TicketStatus } from '../../protocol/domain.js';
import { isLowLevel, type EvaluationChannel, type EvaluationLevel } from '../../protocol/evaluations.js';
import { addDays, isWorkingDay, type HoursConfig } from './calendar.js';

/** how far dueDay looks before deciding the calendar has no working days left */
const MAX_SEARCH_DAYS = 366 * 2;

/** Only a finished ticket is rated (一次一评: after the service), and only once. */
export function checkEvaluable(status: TicketStatus, alreadyRated: boolean): void {
  if (status !== 'done') throw new HallError('ticket-not-finished', { status });
  if (alreadyRated) throw new HallError('already-evaluated');
}

/**
 * The reasons stored with a rating. A bad one (1–2) needs at least one reason from the hall's list
 * (`policy.evaluationReasons`), and any reason given must be on it → else 422 `reason-required`
 * (`details.allowed` lists them). The RS-485 keypad has no way to give one: its bad ratings are
 * stored without reasons (they still get a follow-up deadline).
 */
export function checkReasons(level: EvaluationLevel, reasons: readonly string[], allowed: readonly string[], channel: EvaluationChannel): string[] {
  const unique = [...new Set(reasons)];
  const unknown = unique.filter((r) => !allowed.includes(r));
  if (unknown.length) throw new HallError('reason-required', { unknown, allowed: [...allowed] });
  if (isLowLevel(level) && unique.length === 0 && channel !== 'keypad') throw new HallError('reason-required', { allowed: [...allowed] });
  return unique;
}

/** The follow-up deadline of a rating made on `day`: the `workingDays`-th working day after it (the day itself not counted). */
export function dueDay(day: string, workingDays: number, hours: HoursConfig): string {
  let d = day;
  let left = workingDays;
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    d = addDays(d, 1);
    if (isWorkingDay(d, hours) && --left === 0) return d;
  }
  throw new RangeError(`fewer than ${workingDays} working days in the ${MAX_SEARCH_DAYS} days after ${day}`);
}

/** A bad rating without a follow-up is overdue once its deadline day has passed. */
export const isOverdue = (due: string | null, followedUp: boolean, today: string): boolean => due !== null && !followedUp && today > due;

/**
 * The RS-485 evaluator's keys (register 0x0001, docs/contract.md "Window LED screen"): key n is level n,
 * 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意. Any other code is no rating.
 */
export const KEYPAD_LEVELS: Readonly<Record<number, EvaluationLevel>> = { 5: 5, 4: 4, 3: 3, 2: 2, 1: 1 };
export const keypadLevel = (code: number): EvaluationLevel | null => KEYPAD_LEVELS[code] ?? null;

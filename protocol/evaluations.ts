/**
 * 好差评 (issue 16; 国办发〔2019〕51号 一次一评, GB/T 39734-2020): the five levels with the national
 * wording, the follow-up outcomes and the shapes the server answers. No zod here: the pad and the
 * status page import it.
 */

/** 5 非常满意 … 1 非常不满意, in the order a pad shows them */
export const EVALUATION_LEVELS = [5, 4, 3, 2, 1] as const;
export type EvaluationLevel = (typeof EVALUATION_LEVELS)[number];

/** the national wording of each level (zh-CN; the apps' i18n has the English) */
export const LEVEL_NAMES: Readonly<Record<EvaluationLevel, string>> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

/** a level at or below this is a bad rating (差评): it needs a reason and gets a follow-up deadline */
export const LOW_LEVEL_MAX = 2;
export const isLowLevel = (level: number) => level <= LOW_LEVEL_MAX;

/** who rated: the window's pad, the ticket's QR status page, the RS-485 evaluator keypad, or staff */
export type EvaluationChannel = 'pad' | 'qr' | 'keypad' | 'staff';
export const EVALUATION_CHANNELS = ['pad', 'qr', 'keypad', 'staff'] as const satisfies readonly EvaluationChannel[];

/** how a bad rating was handled: 已回访, 已整改, 已解释说明, 已申诉 */
export const FOLLOW_UP_OUTCOMES = ['contacted', 'rectified', 'explained', 'appealed'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export interface FollowUp { outcome: FollowUpOutcome; note: string; by: string; at: string }

/** One rating as GET /api/evaluations lists it (no personal data of the citizen). */
export interface Evaluation {
  id: string;
  ticketId: string;
  ticketNumber: string;
  /** the hall date of the rating */
  day: string;
  level: EvaluationLevel;
  reasons: string[];
  comment?: string;
  channel: EvaluationChannel;
  createdAt: string;
  window: { id: string; number: number; name: string } | null;
  /** the staff member signed in at the window when it was rated */
  staffName: string | null;
  service: { id: string; name: string } | null;
  /** a bad rating's follow-up deadline (a hall date, `policy.rectifyWorkingDays` working days on); null for 3–5 */
  dueDay: string | null;
  /** a bad rating past its deadline without a follow-up */
  overdue: boolean;
  followUp: FollowUp | null;
}

/** the socket event `evaluation:request`, to the pad of the window that finished the ticket */
export interface EvaluationRequestEvent {
  window: { id: string; number: number; name: string };
  ticket: { id: string; number: string };
  serviceName: string;
  staffName: string | null;
  /** the hall's reasons for a bad rating (`policy.evaluationReasons`), so the pad asks without a fetch */
  reasons: string[];
}

/** what a ticket's QR page needs once the ticket is finished */
export interface PublicEvaluation { rated: boolean; reasons: string[] }

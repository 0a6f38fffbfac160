/** A refusal from the server as one line: its Chinese message plus the details a person can act on. */
import { ApiError } from '../kit/client.js';
import type { Translate } from './i18n.js';
import { shortDateTime } from '../kit/time.js';

export function refusalText(e: unknown, t: Translate): string {
  if (!(e instanceof ApiError)) return String(e);
  const d = e.details ?? {};
  const extra: string[] = [];
  if (typeof d.deadline === 'string') extra.push(t('deadline', { at: shortDateTime(d.deadline) }));
  if (typeof d.barredUntil === 'string') extra.push(t('barredUntil', { date: d.barredUntil }));
  if (typeof d.forfeitedAt === 'string') extra.push(t('forfeitedAt', { at: shortDateTime(d.forfeitedAt) }));
  if (typeof d.checkinOpensAt === 'string') extra.push(t('checkinOpensAt', { at: shortDateTime(d.checkinOpensAt) }));
  return extra.length ? `${e.message}（${extra.join('；')}）` : e.message;
}

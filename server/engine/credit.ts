/**
 * Monthly credit (seed 002 "信用管理"): 当月累计三次爽约的，当月不再享受预约服务；次月清零.
 * A no-show is a forfeited booking or a reservation ticket marked no-show at the window.
 */
import type { Credit } from '../../protocol/domain.js';
import { firstOfNextMonth } from './time.js';

export function creditOf(noShowsThisMonth: number, today: string, limit: number): Credit {
  return { noShowsThisMonth, barredUntil: noShowsThisMonth >= limit ? firstOfNextMonth(today) : null };
}

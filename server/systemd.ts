/**
 * sd_notify without a native module: systemd's own `systemd-notify` tool sends READY, WATCHDOG and
 * STOPPING (the unit sets NotifyAccess=all, since the sender is our child). Nothing happens when
 * not started by systemd (no NOTIFY_SOCKET).
 */
import { execFile } from 'node:child_process';
import type pino from 'pino';

export function sdNotify(log: pino.Logger) {
  const socket = process.env.NOTIFY_SOCKET;
  const send = (...args: string[]) => {
    if (!socket) return;
    execFile('systemd-notify', args, (err) => {
      if (err) log.warn({ err: err.message }, 'systemd-notify failed');
    });
  };
  let watchdog: NodeJS.Timeout | null = null;
  return {
    ready(status: string) {
      send('--ready', `--status=${status}`);
      const usec = Number(process.env.WATCHDOG_USEC);
      if (socket && usec > 0) {
        // ping at half the interval systemd allows; the event loop being stuck stops the pings
        watchdog = setInterval(() => send('WATCHDOG=1'), Math.max(1000, usec / 2000));
        watchdog.unref();
      }
    },
    stopping() {
      if (watchdog) clearInterval(watchdog);
      send('--stopping');
    },
  };
}

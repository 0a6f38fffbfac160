/**
 * sd_notify without a native module. Node cannot send unix datagrams, so a long-lived `socat`
 * child (Debian package socat) relays each line we write to NOTIFY_SOCKET. It lives as long as we
 * do, inside our cgroup, so systemd can always tell which unit a message came from — the one-shot
 * `systemd-notify` tool can exit before systemd looks it up and the message is then dropped
 * (sd_notify(3)); it is used only when socat is missing. The unit sets NotifyAccess=all.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import type pino from 'pino';

export function sdNotify(log: pino.Logger) {
  const socket = process.env.NOTIFY_SOCKET;
  let relay: ChildProcess | null = null;
  if (socket) {
    const target = socket.startsWith('@') ? `ABSTRACT-SENDTO:${socket.slice(1)}` : `UNIX-SENDTO:${socket}`;
    relay = spawn('socat', ['-u', 'STDIN', target], { stdio: ['pipe', 'ignore', 'inherit'] });
    relay.on('error', (err) => {
      log.warn({ err: err.message }, 'socat not available: falling back to systemd-notify');
      relay = null;
    });
    relay.unref();
  }
  const send = (state: string) => {
    if (!socket) return;
    if (relay?.stdin?.writable) {
      relay.stdin.write(state + '\n');
      return;
    }
    execFile('systemd-notify', state === 'READY=1' ? ['--ready'] : [state], (err) => {
      if (err) log.warn({ err: err.message }, 'systemd-notify failed');
    });
  };
  let watchdog: NodeJS.Timeout | null = null;
  return {
    ready(status: string) {
      send('READY=1');
      send(`STATUS=${status}`);
      const usec = Number(process.env.WATCHDOG_USEC);
      if (socket && usec > 0) {
        // ping at half the interval systemd allows; a stuck event loop stops the pings
        watchdog = setInterval(() => send('WATCHDOG=1'), Math.max(1000, usec / 2000));
        watchdog.unref();
      }
    },
    stopping() {
      if (watchdog) clearInterval(watchdog);
      send('STOPPING=1');
      relay?.stdin?.end();
    },
  };
}

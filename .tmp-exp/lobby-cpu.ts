import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { SYSTEM } from '../server/hall.js';
import { startBenchHall, post } from '../bench/http.js';
import { readFileSync, readdirSync } from 'node:fs';
import { cpuSecondsOf } from '../bench/hall-sim/hall.js';
function mine(): number {
  const kids = new Map<number, number[]>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try { const ppid = Number(readFileSync(`/proc/${e}/stat`, 'utf8').split(') ')[1].split(' ')[1]); (kids.get(ppid) ?? kids.set(ppid, []).get(ppid)!).push(Number(e)); } catch {}
  }
  let total = 0;
  const walk = (pid: number) => { for (const k of kids.get(pid) ?? []) { total += cpuSecondsOf(k); walk(k); } };
  walk(process.pid);
  return total;
}

const dir = mkdtempSync(join(tmpdir(), 'lobby-cpu-'));
const hall = await startBenchHall(dir);
const display = hall.auth.createDevice(SYSTEM, { kind: 'display', name: 'x' }).token;
const kiosk = hall.auth.createDevice(SYSTEM, { kind: 'kiosk', name: 'k' }).token;
const staff = (await post(`${hall.url}/api/auth/login`, null, { username: 'staff1', password: 'demo1234' })).token;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'] });
const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
await page.goto(`${hall.url}/window-display/#token=${display}&voice=0`);
await page.waitForSelector('.root:not(.stale)');
await new Promise((r) => setTimeout(r, 2000));
const c0 = mine();
const t0 = performance.now();
for (let i = 0; i < 30; i++) {
  if (process.env.IDLE) { await new Promise((r) => setTimeout(r, 1000)); continue; }
  await post(`${hall.url}/api/tickets`, kiosk, { serviceId: 's-a01' });
  await post(`${hall.url}/api/windows/w1/call-next`, staff, {});
  await post(`${hall.url}/api/windows/w1/start`, staff, {});
  if (i === 5) await page.screenshot({ path: process.env.SHOT ?? '/tmp/lobby-flash.png' });
  await new Promise((r) => setTimeout(r, 1000));
}
console.log(`chromium CPU ${(mine() - c0).toFixed(1)} s over ${((performance.now() - t0) / 1000).toFixed(0)} s`);
await browser.close();
await hall.close();
process.exit(0);

import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceScanEvent } from '../../../protocol/events.js';
import { IdCardReader } from '../../../drivers/idcard/reader.js';
import { IdCardSimulator } from '../../../drivers/idcard/simulator.js';
import { encodeIdText, sampleCard } from '../../../drivers/idcard/text.js';
import { PeerRegistry } from '../../../drivers/serial/peer-binding.js';
import { memoryLogger, sleep, waitFor } from './helpers.js';

let reader: IdCardReader | null = null;
afterEach(async () => {
  await reader?.close();
  reader = null;
});

function setup(path: string, replyTimeoutMs = 300) {
  const sim = new IdCardSimulator();
  const peers = new PeerRegistry();
  peers.add(path, sim);
  const { logger, lines } = memoryLogger();
  reader = new IdCardReader({ path, binding: peers.binding, logger, pollMs: 10, replyTimeoutMs });
  const scans: DeviceScanEvent[] = [];
  const rejected: string[] = [];
  reader.on('scan', (e) => scans.push(e));
  reader.on('rejected', (p) => rejected.push(p));
  return { sim, peers, lines, scans, rejected, reader };
}

describe('IdCardReader on MockBinding', () => {
  it('emits one idcard scan with the ID number when a card is placed', async () => {
    const { sim, scans, reader: r } = setup('/dev/mock-id-1');
    await r.open();
    const card = sampleCard();
    sim.place(card);
    await waitFor(() => scans.length === 1);
    expect(scans[0]).toEqual({ source: 'idcard', value: card.idNumber });
  });

  it('does not read the same card again until it has been lifted', async () => {
    const { sim, scans, reader: r } = setup('/dev/mock-id-2');
    await r.open();
    sim.place(sampleCard());
    await waitFor(() => scans.length === 1);
    await sleep(100); // ~10 polls with the card still on the reader
    expect(scans).toHaveLength(1);
    expect(sim.reads).toBe(1);
    sim.lift();
    await sleep(100); // several polls see the empty reader
    sim.place(sampleCard());
    await waitFor(() => scans.length === 2);
  });

  it('refuses a card with a bad ID check digit and emits no scan', async () => {
    const { sim, scans, rejected, reader: r } = setup('/dev/mock-id-3');
    await r.open();
    const card = sampleCard();
    const bad = card.idNumber.slice(0, 17) + (card.idNumber[17] === '1' ? '2' : '1');
    sim.place({ ...card, idNumber: bad });
    await waitFor(() => rejected.length === 1);
    await sleep(50);
    expect(rejected).toEqual(['bad-id-number']);
    expect(scans).toEqual([]);
  });

  it('drops an answer with a bad checksum and reads the card on a later poll', async () => {
    const { sim, scans, lines, reader: r } = setup('/dev/mock-id-4');
    sim.corruptReplies(1);
    sim.place(sampleCard());
    await r.open();
    await waitFor(() => scans.length === 1);
    expect(lines.join('')).toMatch(/checksum/);
  });

  it('recovers after the module stops answering for a while', async () => {
    const { sim, scans, reader: r } = setup('/dev/mock-id-5', 50);
    sim.mute();
    await r.open();
    sim.place(sampleCard());
    await sleep(120);
    expect(scans).toEqual([]);
    sim.mute(false);
    await waitFor(() => scans.length === 1);
  });

  it('never logs the name or the full ID number', async () => {
    const { sim, scans, rejected, lines, reader: r } = setup('/dev/mock-id-6');
    await r.open();
    const card = sampleCard();
    sim.place(card);
    await waitFor(() => scans.length === 1);
    sim.lift();
    await sleep(100); // several polls see the empty reader
    sim.place({ ...card, birth: '1991-01-01' }, undefined);
    await waitFor(() => rejected.length === 1);
    const log = lines.join('');
    expect(log).toContain('6110**********');
    expect(log).not.toContain(card.idNumber);
    expect(log).not.toContain(card.name);
  });

  it('treats an unreadable text block as a failed read, not a scan', async () => {
    const { sim, scans, lines, reader: r } = setup('/dev/mock-id-7');
    await r.open();
    sim.place(sampleCard(), encodeIdText(sampleCard()).subarray(0, 100));
    await waitFor(() => /poll failed/.test(lines.join('')));
    expect(scans).toEqual([]);
  });

  it('fails to open when no device is at the path', async () => {
    const { peers, reader: r } = setup('/dev/mock-id-8');
    peers.unplug('/dev/mock-id-8');
    await expect(r.open()).rejects.toThrow(/No such file/);
    expect(r.isOpen).toBe(false);
  });
});

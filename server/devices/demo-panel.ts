/**
 * The demo panel (issue 14, demo only): a visitor without hardware puts a sample ID card on a
 * kiosk's simulated reader, scans a code with its simulated QR scanner, and sees the tickets its
 * virtual printer printed, as the PNG images the printer renders. Everything here drives the
 * simulators of server/devices/simulators.ts; the kiosk reacts as it would to real devices.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { HallError } from '../../protocol/errors.js';
import { isValidIdNumber, normalizeIdNumber } from '../../protocol/identity.js';
import type { DemoDevices, DemoPrintImage } from '../../protocol/responses.js';
import { sampleCard } from '../../drivers/idcard/text.js';
import type { DevicesConfig } from './config.js';
import type { SimulatorFarm } from './simulators.js';

/** a card stays on the reader this long, then is lifted so the next one reads again */
export const CARD_ON_READER_MS = 3000;
/** the newest prints listed */
export const PRINTS_LISTED = 12;

export class DemoPanel {
  constructor(private readonly config: DevicesConfig, private readonly sims: SimulatorFarm) {}

  private deviceOf(kiosk: string, kind: 'idcard' | 'scanner' | 'printer'): string | undefined {
    return this.config.devices.find((d) => d.kind === kind && d.kiosk === kiosk)?.id;
  }

  devices(): DemoDevices {
    const names = [...new Set(this.config.devices.flatMap((d) => ('kiosk' in d ? [d.kiosk] : [])))].sort();
    const kiosks = names.map((name) => ({
      name,
      reader: this.sims.idcards.has(this.deviceOf(name, 'idcard') ?? ''),
      scanner: this.sims.scanners.has(this.deviceOf(name, 'scanner') ?? ''),
      printer: this.sims.printers.has(this.deviceOf(name, 'printer') ?? ''),
    }));
    const prints = names.flatMap((kiosk) => {
      const vp = this.sims.printers.get(this.deviceOf(kiosk, 'printer') ?? '');
      return (vp?.jobs() ?? []).map((j, i) => ({ id: `${kiosk}:${i}`, kiosk, seq: i + 1, file: j.file, text: j.text }));
    });
    // file names start with the time printed: newest first across kiosks
    prints.sort((a, b) => b.file.localeCompare(a.file));
    return { kiosks, prints: prints.slice(0, PRINTS_LISTED).map(({ file: _f, ...p }) => p) };
  }

  /** Puts the sample card (with this ID number, when given) on the kiosk's reader for a few seconds. */
  placeCard(kiosk: string, idNumber?: string): { kiosk: string; idNumber: string } {
    const sim = this.sims.idcards.get(this.deviceOf(kiosk, 'idcard') ?? '');
    if (!sim) throw new HallError('device-not-found', { kiosk });
    const n = idNumber === undefined ? undefined : normalizeIdNumber(idNumber);
    if (idNumber !== undefined && (!n || !isValidIdNumber(n))) throw new HallError('invalid-id-number');
    // the card's birth date and sex follow its number, as on a real card (the reader checks the birth date)
    const card = sampleCard(n ? { idNumber: n, birth: `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`, gender: Number(n[16]) % 2 ? 'male' : 'female' } : {});
    sim.place(card);
    setTimeout(() => sim.lift(), CARD_ON_READER_MS).unref();
    return { kiosk, idNumber: card.idNumber };
  }

  /** The kiosk's scanner reads `code` (a booking's QR text). */
  scan(kiosk: string, code: string): { kiosk: string } {
    const sim = this.sims.scanners.get(this.deviceOf(kiosk, 'scanner') ?? '');
    if (!sim) throw new HallError('device-not-found', { kiosk });
    sim.scan(code);
    return { kiosk };
  }

  /** A printed ticket as a PNG data URL; `png: null` while the printer is still rendering it. */
  async image(id: string): Promise<DemoPrintImage> {
    const [kiosk, index] = [id.slice(0, id.lastIndexOf(':')), Number(id.slice(id.lastIndexOf(':') + 1))];
    const job = this.sims.printers.get(this.deviceOf(kiosk, 'printer') ?? '')?.jobs()[index];
    if (!job || !Number.isInteger(index)) throw new HallError('not-found', { id });
    if (!existsSync(job.file)) return { id, png: null };
    return { id, png: `data:image/png;base64,${(await readFile(job.file)).toString('base64')}` };
  }
}

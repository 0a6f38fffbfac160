import { describe, expect, it } from 'vitest';
import { faultOf, parseStatus } from '../../../drivers/printer/status.js';
import { PrinterError } from '../../../drivers/printer/errors.js';

// replies to DLE EOT 1, 2 and 4 as an Epson TM-T20 sends them
describe('DLE EOT status', () => {
  it('reads a ready printer as online with paper and no fault', () => {
    const s = parseStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x12 });
    expect(s).toEqual({ online: true, paperOut: false, paperNearEnd: false, coverOpen: false });
    expect(faultOf(s)).toBeNull();
  });

  it('reads paper near end as a warning, not a fault', () => {
    const s = parseStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x1e });
    expect(s.paperNearEnd).toBe(true);
    expect(faultOf(s)).toBeNull();
  });

  it('reads paper end as paper-out', () => {
    const s = parseStatus({ printer: 0x1a, offlineCause: 0x32, paper: 0x7e });
    expect(s).toMatchObject({ online: false, paperOut: true });
    expect(faultOf(s)).toBe('paper-out');
  });

  it('reads an open cover as cover-open', () => {
    const s = parseStatus({ printer: 0x1a, offlineCause: 0x16, paper: 0x12 });
    expect(s).toMatchObject({ online: false, coverOpen: true, paperOut: false });
    expect(faultOf(s)).toBe('cover-open');
  });

  it('reads offline without a cause as offline, and an error bit as error', () => {
    expect(faultOf(parseStatus({ printer: 0x1a, offlineCause: 0x12, paper: 0x12 }))).toBe('offline');
    const err = { printer: 0x1a, offlineCause: 0x52, paper: 0x12 };
    expect(faultOf(parseStatus(err), err.offlineCause)).toBe('error');
  });

  it('rejects a byte that is not a real-time status reply', () => {
    expect(() => parseStatus({ printer: 0x00, offlineCause: 0x12, paper: 0x12 })).toThrow(PrinterError);
  });
});

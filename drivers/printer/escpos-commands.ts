/**
 * ESC/POS byte sequences we emit that node-thermal-printer does not (or emits wrongly for Chinese).
 * Reference: Epson ESC/POS command reference (TM-T20/T88 family); Chinese printers follow it.
 */

/** FS & — select Chinese character mode: bytes >= 0x81 start a GB18030 multi-byte character. */
export const FS_CHINESE_ON = Buffer.from([0x1c, 0x26]);
/** FS . — cancel Chinese character mode. */
export const FS_CHINESE_OFF = Buffer.from([0x1c, 0x2e]);
/** ESC @ — initialize. */
export const ESC_INIT = Buffer.from([0x1b, 0x40]);

/** DLE EOT n — real-time status: answered at once, even while the printer is offline. */
export function dleEot(n: 1 | 2 | 4): Buffer {
  return Buffer.from([0x10, 0x04, n]);
}

/**
 * GS r 1 — transmit paper sensor status. Not real-time: the printer answers only after it has
 * processed everything sent before it, so its reply is our "the printer took the job" barrier.
 */
export const GS_R_PAPER = Buffer.from([0x1d, 0x72, 0x01]);

/** DLE DC4 fn=8 — clear receive and print buffers (drops the rest of a job stopped by paper end). */
export const DLE_DC4_CLEAR = Buffer.from([0x10, 0x14, 0x08, 0x01, 0x03, 0x14, 0x01, 0x06, 0x02, 0x08]);

/** GS ! n — character size: width and height multipliers 1..8. */
export function gsSize(width: number, height: number): Buffer {
  if (width < 1 || width > 8 || height < 1 || height > 8) throw new RangeError(`character size ${width}x${height} out of 1..8`);
  return Buffer.from([0x1d, 0x21, ((width - 1) << 4) | (height - 1)]);
}

/** A DLE EOT reply has bit 1 set, bit 4 set, bits 0 and 7 clear; a GS r reply has bit 4 clear. */
export function isRealtimeStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

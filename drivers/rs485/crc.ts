/**
 * CRC-16/MODBUS: poly 0x8005 reflected (0xA001), init 0xFFFF, no final xor.
 * On the wire the CRC goes low byte first (the only little-endian field of a Modbus RTU frame).
 */
const TABLE = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    table[n] = c;
  }
  return table;
}

export function crc16modbus(buf: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of buf) crc = (crc >>> 8) ^ TABLE[(crc ^ byte) & 0xff];
  return crc;
}

/** Appends the CRC (low byte first) to a frame body. */
export function withCrc(body: Uint8Array): Buffer {
  const out = Buffer.alloc(body.length + 2);
  out.set(body, 0);
  out.writeUInt16LE(crc16modbus(body), body.length);
  return out;
}

/** True when the last two bytes are the CRC of the rest. */
export function crcOk(frame: Uint8Array): boolean {
  if (frame.length < 3) return false;
  const body = frame.subarray(0, frame.length - 2);
  const crc = frame[frame.length - 2] | (frame[frame.length - 1] << 8);
  return crc === crc16modbus(body);
}

/** Typed failures of a Modbus RTU exchange. Callers branch on the class, never on message text. */

/** No complete reply within the timeout, after every try. */
export class ModbusTimeoutError extends Error {
  override readonly name = 'ModbusTimeoutError';
  constructor(readonly address: number, readonly fn: number, readonly tries: number) {
    super(`Modbus slave ${address} gave no reply to function 0x${fn.toString(16)} after ${tries} tries`);
  }
}

/** Standard exception codes (Modbus Application Protocol v1.1b3 §7). */
export const EXCEPTION_NAMES: Record<number, string> = {
  1: 'illegal function',
  2: 'illegal data address',
  3: 'illegal data value',
  4: 'server device failure',
  5: 'acknowledge',
  6: 'server device busy',
};

/** The slave answered with an exception reply (function | 0x80). Not retried: the slave did answer. */
export class ModbusExceptionError extends Error {
  override readonly name = 'ModbusExceptionError';
  constructor(readonly code: number, readonly address: number, readonly fn: number) {
    super(`Modbus slave ${address} refused function 0x${fn.toString(16)}: exception ${code} (${EXCEPTION_NAMES[code] ?? 'unknown'})`);
  }
}

/** A reply arrived but its CRC did not match, on every try. */
export class ModbusCrcError extends Error {
  override readonly name = 'ModbusCrcError';
  constructor(readonly address: number, readonly fn: number) {
    super(`Modbus reply from slave ${address} to function 0x${fn.toString(16)} failed its CRC`);
  }
}

/** Bytes that cannot be a frame of this profile (bad length, wrong function, wrong address). */
export class ModbusFrameError extends Error {
  override readonly name = 'ModbusFrameError';
}

/** The bus was closed while the request waited or ran. */
export class ModbusClosedError extends Error {
  override readonly name = 'ModbusClosedError';
  constructor() {
    super('Modbus bus is closed');
  }
}

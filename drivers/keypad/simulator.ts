/**
 * Simulated caller keypad and evaluator: Modbus RTU slaves holding the last event in input
 * registers 0 (sequence, wraps at 65536) and 1 (code), as the real devices do.
 */
import { RegisterSlave } from '../rs485/slave.js';
import { REG_CODE, REG_SEQUENCE, keypadCode, type KeypadAction, type Rating } from './codes.js';

class EventSlave extends RegisterSlave {
  constructor(address: number) {
    super(address, [], [[REG_SEQUENCE, REG_CODE]]);
  }

  protected record(code: number): void {
    this.input.set(REG_SEQUENCE, ((this.input.get(REG_SEQUENCE) ?? 0) + 1) & 0xffff);
    this.input.set(REG_CODE, code);
  }

  /** Sets the raw registers, e.g. to model a device that rebooted or wrapped its counter. */
  setRegisters(sequence: number, code: number): void {
    this.input.set(REG_SEQUENCE, sequence & 0xffff);
    this.input.set(REG_CODE, code);
  }
}

export class KeypadSimulator extends EventSlave {
  /** A key press: an action name or a raw code (raw codes let tests send unknown keys). */
  press(key: KeypadAction | number): void {
    this.record(typeof key === 'number' ? key : keypadCode(key));
  }
}

export class EvaluatorSimulator extends EventSlave {
  rate(n: Rating | number): void {
    this.record(n);
  }
}

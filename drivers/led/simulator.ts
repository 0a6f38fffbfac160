/**
 * A simulated window LED screen: a Modbus RTU slave that decodes the same bytes a real screen
 * gets. Lines written to 0x0010–0x008F are pending until a write to 0x0100 commits them; the
 * control word acts at once (bit0 clears what is shown).
 */
import { RegisterSlave } from '../rs485/slave.js';
import { registerBytes } from '../rs485/frame.js';
import { decodeLine } from './text.js';
import {
  LINE_REGISTERS, REG_COMMIT, REG_CONTROL, REG_LINE1, REG_LINE2, REG_WINDOW_NUMBER, SCREEN_HOLDING_RANGES, decodeControl,
} from './registers.js';

export interface LedView {
  line1: string;
  line2: string;
  blink: boolean;
  brightness: number;
  windowNumber: number;
}

export class LedSimulator extends RegisterSlave {
  private shown = { line1: '', line2: '' };
  /** Number of commits seen: lets a test wait for the next one. */
  commits = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(address: number) {
    super(address, SCREEN_HOLDING_RANGES, []);
  }

  text(): LedView {
    const control = decodeControl(this.holdingRegister(REG_CONTROL));
    return {
      ...this.shown,
      blink: control.blink,
      brightness: control.brightness,
      windowNumber: this.holdingRegister(REG_WINDOW_NUMBER),
    };
  }

  /** Resolves at the next commit. */
  nextCommit(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  protected override onWrite(start: number, values: number[]): void {
    if (start === REG_CONTROL && decodeControl(values[0]).clear) {
      this.shown = { line1: '', line2: '' };
    }
    if (start === REG_COMMIT) {
      this.shown = { line1: this.line(REG_LINE1), line2: this.line(REG_LINE2) };
      this.commits++;
      this.waiters.splice(0).forEach((w) => w());
    }
  }

  private line(first: number): string {
    const regs = Array.from({ length: LINE_REGISTERS }, (_, i) => this.holdingRegister(first + i));
    return decodeLine(registerBytes(regs));
  }
}

/**
 * One window LED screen on an RS-485 bus: (bus, address). Each show* call writes line 1, line 2,
 * the control word (blink, brightness) with the window number, then commits, so the screen
 * switches to the new text at once. The four writes are one turn of the bus FIFO.
 */
import type { ModbusBus } from '../rs485/bus.js';
import { encodeLine } from './text.js';
import { REG_COMMIT, REG_CONTROL, REG_LINE1, REG_LINE2, controlWord } from './registers.js';
import { DAY_BRIGHTNESS } from './brightness.js';

export { brightnessAt } from './brightness.js';

export class LedScreen {
  private brightness = DAY_BRIGHTNESS;
  private blink = false;

  constructor(private readonly bus: ModbusBus, readonly address: number, readonly windowNumber: number) {
    if (!Number.isInteger(address) || address < 1 || address > 247) throw new RangeError(`screen address ${address} is not 1–247`);
  }

  /** line 1 "请A012号", line 2 "到5号窗口", blinking. */
  showCall(ticketNumber: string, windowNumber: number): Promise<void> {
    return this.show(`请${ticketNumber}号`, `到${windowNumber}号窗口`, true);
  }

  /** The same text as the call, steady: the citizen has arrived and service started. */
  showServing(ticketNumber: string, windowNumber: number): Promise<void> {
    return this.show(`请${ticketNumber}号`, `到${windowNumber}号窗口`, false);
  }

  showPaused(): Promise<void> {
    return this.show('暂停服务', `${this.windowNumber}号窗口`, false);
  }

  showIdle(windowName: string): Promise<void> {
    return this.show(windowName, '', false);
  }

  /** Blanks the screen (control bit0) — for a closed window or a closed hall. */
  async clear(): Promise<void> {
    this.blink = false;
    await this.bus.writeRegisters(this.address, REG_CONTROL, [controlWord({ clear: true, brightness: this.brightness })]);
  }

  /** Changes brightness now, keeping the text and the blink state. */
  async setBrightness(level0to15: number): Promise<void> {
    const word = controlWord({ blink: this.blink, brightness: level0to15 });
    this.brightness = level0to15;
    await this.bus.writeRegisters(this.address, REG_CONTROL, [word]);
  }

  private async show(line1: string, line2: string, blink: boolean): Promise<void> {
    const word = controlWord({ blink, brightness: this.brightness });
    this.blink = blink;
    // one bus turn: 40 screens called at once each finish in turn, none waits for all the others
    await this.bus.sequence(async (s) => {
      await s.writeRegisters(this.address, REG_LINE1, encodeLine(line1));
      await s.writeRegisters(this.address, REG_LINE2, encodeLine(line2));
      await s.writeRegisters(this.address, REG_CONTROL, [word, this.windowNumber]);
      await s.writeRegisters(this.address, REG_COMMIT, [1]);
    });
  }
}

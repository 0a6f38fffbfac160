/** A USB-CDC QR scanner: `scan(code)` sends the code the way a scanner configured for CR LF does. */
import type { SerialPeer } from '../serial/peer-binding.js';

export class ScannerSimulator implements SerialPeer {
  private send: ((data: Buffer) => void) | null = null;

  get connected(): boolean {
    return this.send !== null;
  }

  /** Returns false when no host has the port open (the scan is lost, as with real hardware). */
  scan(code: string, terminator = '\r\n'): boolean {
    return this.sendRaw(Buffer.from(code + terminator, 'latin1'));
  }

  sendRaw(bytes: Buffer): boolean {
    if (!this.send) return false;
    this.send(bytes);
    return true;
  }

  connect(send: (data: Buffer) => void): void {
    this.send = send;
  }

  /** Scanners ignore what the host writes. */
  receive(_data: Buffer): void {}

  disconnect(): void {
    this.send = null;
  }
}

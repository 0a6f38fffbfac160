/**
 * Opening a serial port behind the serialport `binding` seam, so every driver runs unchanged on
 * real hardware (`SerialPort.binding`), on MockBinding, on a socat pty or on a simulator peer.
 */
import { SerialPortStream } from '@serialport/stream';
import type { BindingInterface } from './binding.js';

export type { BindingInterface };

export interface PortOptions {
  path: string;
  baudRate: number;
  binding: BindingInterface;
}

/** Resolves once the port is open; rejects with the binding's error (no such device, busy, …). */
export function openPort(opts: PortOptions): Promise<SerialPortStream> {
  return new Promise((resolve, reject) => {
    const port = new SerialPortStream({ binding: opts.binding, path: opts.path, baudRate: opts.baudRate, autoOpen: false });
    port.open((err) => (err ? reject(err) : resolve(port)));
  });
}

/** Closes if open; a port already closed by the OS (unplugged) is not an error here. */
export function closePort(port: SerialPortStream): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!port.isOpen) return resolve();
    port.close((err) => (err && port.isOpen ? reject(err) : resolve()));
  });
}

/** Writes and waits until the bytes were handed to the OS (`drain`), so "sent" is never logged early. */
export function writeAll(port: SerialPortStream, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    port.write(data, (err) => {
      if (err) return reject(err);
      port.drain((e) => (e ? reject(e) : resolve()));
    });
  });
}

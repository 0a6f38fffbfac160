/**
 * The serialport binding seam, typed locally: @serialport/bindings-interface and
 * @serialport/binding-mock ship no types reachable through their `exports` maps under
 * moduleResolution Bundler, so the few members our drivers rely on are stated here.
 */
import { SerialPort, SerialPortMock } from 'serialport';

export interface OpenOptions {
  path: string;
  baudRate: number;
  dataBits?: 5 | 6 | 7 | 8;
  stopBits?: 1 | 1.5 | 2;
  parity?: string;
  lock?: boolean;
}

/** One open port as a binding sees it (BindingPortInterface). */
export interface BindingPort {
  readonly isOpen: boolean;
  write(buffer: Buffer): Promise<void>;
  close(): Promise<void>;
}

/** BindingInterface: `open` rejects when no device is at the path. */
export interface BindingInterface {
  list(): Promise<{ path: string }[]>;
  open(options: OpenOptions): Promise<BindingPort>;
}

/** MockPortBinding: the host side of a mock port; `emitData` makes bytes arrive. */
export interface MockPort extends BindingPort {
  emitData(data: Buffer): void;
}

export interface MockBindingLike {
  createPort(path: string, opts?: { echo?: boolean; record?: boolean }): void;
  open(options: OpenOptions): Promise<MockPort>;
}

/** The operating system's serial ports (Linux: /dev/ttyUSB*, /dev/serial/by-id/…). */
export const systemBinding: BindingInterface = SerialPort.binding as BindingInterface;

/** @serialport/binding-mock's shared registry of pretend ports. */
export const mockBinding: MockBindingLike = SerialPortMock.binding as MockBindingLike;

/**
 * A serialport binding whose far end is a simulator ("peer") instead of hardware.
 * Built on @serialport/binding-mock: the host side is a real MockPortBinding, and every write
 * the host makes is handed to the peer, whose answers arrive as received bytes. Simulators
 * (ID card reader, QR scanner) therefore answer the very bytes the real driver sends.
 */
import { mockBinding, type BindingInterface, type MockPort, type OpenOptions } from './binding.js';

/** The device side of a serial line. */
export interface SerialPeer {
  /** The host opened the port: `send` delivers bytes to the host until `disconnect`. */
  connect(send: (data: Buffer) => void): void;
  /** Bytes the host wrote. */
  receive(data: Buffer): void;
  /** The host closed the port. */
  disconnect(): void;
}

/**
 * `lookup(path)` names the peer behind a path; `undefined` means no device is there, and opening
 * fails like an unplugged USB adapter does — which is how tests make a device go offline.
 */
export function peerBinding(lookup: (path: string) => SerialPeer | undefined): BindingInterface {
  return {
    async list(): Promise<{ path: string }[]> {
      return [];
    },
    async open(options: OpenOptions): Promise<MockPort> {
      const peer = lookup(options.path);
      if (!peer) throw new Error(`Error: No such file or directory, cannot open ${options.path}`);
      // a fresh mock port per open: no bytes survive from an earlier session
      mockBinding.createPort(options.path, { echo: false, record: false });
      const port = await mockBinding.open(options);
      const write = port.write.bind(port);
      const close = port.close.bind(port);
      port.write = async (buffer: Buffer) => {
        await write(buffer);
        peer.receive(Buffer.from(buffer));
      };
      port.close = async () => {
        peer.disconnect();
        await close();
      };
      peer.connect((data) => {
        if (port.isOpen) port.emitData(data);
      });
      return port;
    },
  };
}

/** A binding for a fixed set of peers, some of which can be switched off and on (tests, demo). */
export class PeerRegistry {
  private readonly peers = new Map<string, SerialPeer>();
  private readonly unplugged = new Set<string>();
  readonly binding: BindingInterface = peerBinding((path) => (this.unplugged.has(path) ? undefined : this.peers.get(path)));

  add(path: string, peer: SerialPeer): void {
    this.peers.set(path, peer);
  }

  /** Opening `path` fails until `plug(path)`. */
  unplug(path: string): void {
    this.unplugged.add(path);
  }

  plug(path: string): void {
    this.unplugged.delete(path);
  }
}

/**
 * Runs a peer on the far end of a real serial line (e.g. one end of a socat pty pair, or a USB
 * adapter looped to the hall server). Returns a function that detaches it.
 */
export function attachPeerToStream(peer: SerialPeer, stream: NodeJS.ReadWriteStream): () => void {
  const onData = (chunk: Buffer) => peer.receive(chunk);
  stream.on('data', onData);
  peer.connect((data) => {
    stream.write(data);
  });
  return () => {
    stream.off('data', onData);
    peer.disconnect();
  };
}

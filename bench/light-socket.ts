/**
 * A Socket.IO client for the benches' simulated screens: a real websocket speaking the real protocol
 * (Engine.IO 4, Socket.IO 5) to the real server, read with `ws` and no more parsing than a timing
 * needs. The event name is read from the frame's start; `onEvent` gets the name and the raw frame and
 * parses only what it times.
 *
 * In a hall every screen has a PC of its own; in a bench hundreds share one process on the server's
 * machine. socket.io-client decodes every frame fully (a JSON parse and an emitter call per event),
 * which at the benches' rates took more CPU than the server, so the figures measured starved clients
 * and how many frames they had to decode before the one timed, rather than the server.
 */
import WebSocket from 'ws';

export interface LightSocket { close(): void }
export interface LightHandlers {
  onConnect(): void;
  onError(message: string): void;
  /** a server event: its name, and the frame's text from the JSON array on (`["name",{...}]`) */
  onEvent(name: string, json: string): void;
}

const EVENT = /^42\["([^"]+)"/;

export function openLightSocket(url: string, auth: Record<string, unknown>, h: LightHandlers): LightSocket {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
  ws.on('error', (err) => h.onError(err.message));
  ws.on('message', (data: Buffer, binary: boolean) => {
    if (binary) return;
    const text = data.toString();
    switch (text.charCodeAt(0)) {
      case 0x30: // '0' Engine.IO open: connect to the main namespace with the auth
        ws.send(`40${JSON.stringify(auth)}`);
        return;
      case 0x32: // '2' ping
        ws.send('3');
        return;
      case 0x34: // '4' message: the Socket.IO packet follows
        break;
      default:
        return;
    }
    if (text.startsWith('40')) h.onConnect();
    else if (text.startsWith('44')) h.onError(text.slice(2));
    else if (text.startsWith('42')) {
      const name = EVENT.exec(text)?.[1];
      if (name) h.onEvent(name, text.slice(2));
    }
  });
  return { close: () => ws.terminate() };
}

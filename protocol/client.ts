/**
 * The one typed HTTP client of hallq (apps, tests, scripts): `fetch` only, so it runs in the browser
 * and in Node. Every call is checked against the endpoint map (protocol/api.ts, types only here, so
 * no bundle pays for zod); every failure is thrown as the one `ApiError` carrying the server's error
 * shape `{status, code, message, details}`.
 *
 *   const api = createClient({ base: '', token: () => store.token });
 *   const { ticket } = await api.call('POST /api/windows/:id/call-next', { params: { id }, body: {} });
 */
import type { CallArgs, EndpointKey, ResponseOf } from './api.js';
import type { ErrorBody } from './errors.js';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** status 0, code `network`: the request never got an answer (the server is down, the cable is out) */
export const NETWORK_MESSAGE = '无法连接服务器，请检查网络';

/**
 * The part of `fetch` the client uses, stated here so protocol/ needs neither the DOM's nor Node's
 * types (the browser's and Node's own fetch both fit it).
 */
export interface FetchResponse { ok: boolean; status: number; text(): Promise<string> }
export type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<FetchResponse>;

export interface ClientOptions {
  /** the server's origin ('' for the page's own) */
  base: string;
  /** read on every request */
  token: () => string | null;
  fetch?: Fetch;
  /** a 401 on any call but login: the server forgot this session or revoked this device */
  onUnauthorized?: (err: ApiError) => void;
}

type Call = <K extends EndpointKey>(key: K, ...args: {} extends CallArgs<K> ? [args?: CallArgs<K>] : [args: CallArgs<K>]) => Promise<ResponseOf<K>>;

export interface Client {
  call: Call;
}

/** `/api/windows/:id/call/:ticketId` with `{id, ticketId}` → the path, each value URL-encoded. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const v = params[name];
    if (typeof v !== 'string' || !v) throw new TypeError(`missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(v);
  });
}

function queryString(q: Record<string, unknown> | undefined): string {
  if (!q) return '';
  const s = Object.entries(q)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return s ? `?${s}` : '';
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    // a proxy's HTML error page: keep it visible rather than pretend it was JSON
    return { error: { code: 'bad-response', message: text.slice(0, 200), details: { parse: String(e) } } };
  }
}

export function createClient(opts: ClientOptions): Client {
  const fetcher: Fetch = opts.fetch ?? ((url, init) => (globalThis as unknown as { fetch: Fetch }).fetch(url, init));
  const call = async (key: string, args: { body?: unknown; params?: Record<string, string>; query?: Record<string, unknown> } = {}) => {
    const space = key.indexOf(' ');
    const method = key.slice(0, space);
    const path = key.slice(space + 1);
    const url = opts.base + fillPath(path, args.params) + queryString(args.query);
    const headers: Record<string, string> = {};
    const token = opts.token();
    if (token) headers.authorization = `Bearer ${token}`;
    // commands always send a JSON body (an empty object when they take none)
    const body = method === 'GET' ? undefined : JSON.stringify(args.body ?? {});
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: FetchResponse;
    try {
      res = await fetcher(url, { method, headers, body });
    } catch (e) {
      throw new ApiError(0, 'network', NETWORK_MESSAGE, { cause: String(e) });
    }
    const data = parseBody(await res.text());
    if (!res.ok) {
      const e = (data as ErrorBody | undefined)?.error;
      const err = new ApiError(res.status, e?.code ?? `http-${res.status}`, e?.message ?? `HTTP ${res.status}`, e?.details ?? {});
      if (res.status === 401 && key !== 'POST /api/auth/login') opts.onUnauthorized?.(err);
      throw err;
    }
    return data;
  };
  return { call: call as unknown as Call };
}

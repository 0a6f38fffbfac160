/**
 * HTTP commands and queries of the console (CONTRACT.md "Endpoints"). Every failure becomes an
 * ApiError carrying the server's one error shape, so the UI shows `message` and useful `details`.
 */
import type { ErrorBody } from '../../protocol/errors.js';

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: Record<string, unknown>;
  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
}

/** `token()` is read on every request; `onUnauthorized` runs when the server forgets the session (401). */
export function createApi(base: string, token: () => string | null, onUnauthorized: () => void, fetcher: typeof fetch = fetch.bind(globalThis)): Api {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    const tok = token();
    if (tok) headers.authorization = `Bearer ${tok}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetcher(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, 'network', '无法连接服务器，请检查网络', { cause: String(e) });
    }
    const text = await res.text();
    const data: unknown = text ? safeJson(text) : undefined;
    if (!res.ok) {
      const err = (data as ErrorBody | undefined)?.error;
      if (res.status === 401 && path !== '/api/auth/login') onUnauthorized();
      throw new ApiError(res.status, err?.code ?? 'http-' + res.status, err?.message ?? `HTTP ${res.status}`, err?.details);
    }
    return data as T;
  }
  return {
    get: (p) => request('GET', p),
    post: (p, b) => request('POST', p, b ?? {}),
    put: (p, b) => request('PUT', p, b ?? {}),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    // a proxy's HTML error page: keep it visible rather than pretend it was JSON
    return { error: { code: 'bad-response', message: text.slice(0, 200), details: { parse: String(e) } } };
  }
}

import { loadSession, saveSession } from './session';

/** An answer the API refused: the error body, as docs/api.md describes it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: {
      errors?: { field: string; message: string }[];
      reason?: string;
      allowed?: string[];
      code?: string;
    } = {},
  ) {
    super(message);
  }
}

/** The network failed before any answer: the console shows a retry banner, never a blank page. */
export class NetworkError extends Error {}

type Query = Record<string, string | number | boolean | undefined | null>;

let onUnauthorized: () => void = () => undefined;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const session = loadSession();
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        'accept-language': document.documentElement.lang || 'zh-CN',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(session ? { authorization: `Bearer ${session.accessToken}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    if (res.status === 401 && session) {
      saveSession(null);
      onUnauthorized();
    }
    const err = (json ?? {}) as { message?: unknown };
    throw new ApiError(
      res.status,
      typeof err.message === 'string' ? err.message : res.statusText,
      json as ApiError['body'],
    );
  }
  return json as T;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export const api = {
  get: <T>(path: string, query?: Query) => call<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    call<T>('POST', path, body ?? {}, headers),
};

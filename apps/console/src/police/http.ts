import { ApiError, NetworkError } from '../api/client';
import { loadSession } from '../api/session';

/**
 * PUT and DELETE for the team and the boundaries: the JSON client offers GET and POST only. Same
 * token, language and errors as the client, so pages word every failure the same way.
 */
export async function send<T>(method: 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
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
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const err = (json ?? {}) as { message?: unknown };
    throw new ApiError(
      res.status,
      typeof err.message === 'string' ? err.message : res.statusText,
      json ?? {},
    );
  }
  return json as T;
}

import './messages';
import { ApiError, NetworkError } from '../api/client';
import { loadSession } from '../api/session';

/**
 * Files in and out of the API: the JSON client sends and reads JSON only, so downloads (PDF,
 * DOCX, ZIP, XLSX) and uploads (multipart) go through here, with the same token and errors.
 */
function authHeaders(): Record<string, string> {
  const session = loadSession();
  return {
    'accept-language': document.documentElement.lang || 'zh-CN',
    ...(session ? { authorization: `Bearer ${session.accessToken}` } : {}),
  };
}

async function failure(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  let body: ApiError['body'] & { message?: unknown } = {};
  try {
    body = text ? (JSON.parse(text) as typeof body) : {};
  } catch {
    body = {};
  }
  return new ApiError(
    res.status,
    typeof body.message === 'string' ? body.message : res.statusText,
    body,
  );
}

/** The file name the server gave (RFC 6266 filename*), else the fallback. */
export function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      return fallback;
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/** Fetches a file with the session's token and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(path, { headers: authHeaders() });
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
  if (!res.ok) throw await failure(res);
  const name = fileNameOf(res, fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** An object URL for showing a file inline (a photo's thumbnail); the caller revokes it. */
export async function objectUrl(path: string): Promise<string> {
  const res = await fetch(path, { headers: authHeaders() });
  if (!res.ok) throw await failure(res);
  return URL.createObjectURL(await res.blob());
}

/** POSTs one file as multipart `file`. */
export async function upload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers: authHeaders(), body: form });
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

/** PUT with a JSON body (the shared client has GET and POST only). */
export async function put<T>(path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'PUT',
      headers: { ...authHeaders(), 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

/** Who is logged in, kept for the browser tab's life (sessionStorage), never in a cookie. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  unitCode: string | null;
  institution?: string | null;
}

export interface Session {
  accessToken: string;
  user: SessionUser;
}

const KEY = 'tricolor.session';

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

import type { IncomingHttpHeaders } from 'node:http';
import type { AuthUser } from './auth-user';
import type { TokenSession } from './auth.service';

/** The part of the HTTP request the auth layer reads and writes. */
export interface AuthRequest {
  headers: IncomingHttpHeaders;
  user?: AuthUser;
  /** The token's session (POST /auth/refresh renews it). */
  session?: TokenSession;
}

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer +([^\s]+) *$/i.exec(authorization ?? '');
  return match?.[1];
}

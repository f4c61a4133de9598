import type { IncomingHttpHeaders } from 'node:http';
import type { AuthUser } from './auth-user';

/** The part of the HTTP request the auth layer reads and writes. */
export interface AuthRequest {
  headers: IncomingHttpHeaders;
  user?: AuthUser;
}

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer +([^\s]+) *$/i.exec(authorization ?? '');
  return match?.[1];
}

import {
  INSTITUTIONS,
  ROLES,
  type Institution,
  type Role,
} from '../../../../libs/workflow/src/domain';

/** Who is calling: what the token says, attached to the request by the AuthGuard. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  unitCode: string;
  /** Only panel members have one. */
  institution?: Institution;
}

/** The claims we sign: the user, with its id as the standard `sub`. */
export interface AuthClaims {
  sub: string;
  username: string;
  role: Role;
  unitCode: string;
  institution?: Institution;
}

export function toClaims(user: AuthUser): AuthClaims {
  const claims: AuthClaims = {
    sub: user.id,
    username: user.username,
    role: user.role,
    unitCode: user.unitCode,
  };
  if (user.institution !== undefined) claims.institution = user.institution;
  return claims;
}

/**
 * Reads a verified token's payload back into a user. A well-signed token can still carry
 * claims we no longer accept (a role renamed since it was issued), so each one is checked.
 */
export function fromClaims(payload: unknown): AuthUser | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { sub, username, role, unitCode, institution } = payload as Partial<
    Record<keyof AuthClaims, unknown>
  >;
  if (typeof sub !== 'string' || sub === '') return undefined;
  if (typeof username !== 'string' || typeof unitCode !== 'string') return undefined;
  if (!isOneOf(ROLES, role)) return undefined;
  if (institution !== undefined && !isOneOf(INSTITUTIONS, institution)) return undefined;
  const user: AuthUser = { id: sub, username, role, unitCode };
  if (institution !== undefined) user.institution = institution;
  return user;
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

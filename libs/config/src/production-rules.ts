import type { AppConfig } from './app-config';
import { DEV_ADMIN_PASSWORD, DEV_AUDIT_KEY, DEV_DATA_KEY, DEV_JWT_SECRET } from './dev-defaults';

/** HS256 and HMAC-SHA256 keys: at least the hash's own 32 bytes. */
export const MIN_SECRET_BYTES = 32;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * What production refuses to start with (README "Security"): a guessable JWT secret or audit key,
 * a development default, the default admin password, or an unstated TLS/proxy setup. Each
 * problem names its variable; no secret is quoted.
 */
export function productionProblems(config: AppConfig, env: Env): string[] {
  const problems: string[] = [];
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  if (config.jwtSecret === DEV_JWT_SECRET) {
    problems.push('JWT_SECRET is the public development secret');
  } else if (bytes(config.jwtSecret) < MIN_SECRET_BYTES) {
    problems.push(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  for (const [id, secret] of Object.entries(config.auditKeys)) {
    if (secret === DEV_AUDIT_KEY || secret === DEV_JWT_SECRET || secret === config.jwtSecret) {
      problems.push(`AUDIT_KEYS: key "${id}" is a development default or the JWT secret`);
    } else if (bytes(secret) < MIN_SECRET_BYTES) {
      problems.push(`AUDIT_KEYS: key "${id}" must be at least ${MIN_SECRET_BYTES} bytes`);
    }
  }
  for (const [id, secret] of Object.entries(config.dataKeys)) {
    if (secret === DEV_DATA_KEY || secret === config.jwtSecret) {
      problems.push(`DATA_KEYS: key "${id}" is a development default or the JWT secret`);
    } else if (bytes(secret) < MIN_SECRET_BYTES) {
      problems.push(`DATA_KEYS: key "${id}" must be at least ${MIN_SECRET_BYTES} bytes`);
    }
  }
  if (config.adminPassword === DEV_ADMIN_PASSWORD || config.adminPassword.length < 10) {
    problems.push('ADMIN_PASSWORD must not be the default and must be at least 10 characters');
  }
  // The API speaks plain HTTP: TLS is the reverse proxy's. Which proxy to believe for the
  // client's address (login throttling per IP) and scheme must be a stated choice, not a default.
  if (config.trustProxy === true) {
    problems.push(
      'TRUST_PROXY=true trusts any client to name its own address: give the hop count or the proxy addresses',
    );
  } else if (!env.TRUST_PROXY?.trim()) {
    problems.push(
      'TRUST_PROXY must be set explicitly (the TLS-terminating proxy hops to trust, e.g. 1 or loopback; "false" only if TLS is terminated elsewhere and clients connect directly)',
    );
  }
  return problems;
}

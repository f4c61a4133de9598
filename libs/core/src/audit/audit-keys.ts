import { createHmac } from 'node:crypto';
import { DEV_AUDIT_KEY, DEV_AUDIT_KEY_ID } from '@tricolor/config';

/**
 * The keys that seal audit records (HMAC-SHA256). They live in the environment, never in the
 * database: someone who can write the database but not read the environment cannot recompute a
 * record's seal after changing it. Each record names the key that sealed it (`key_id`), so keys
 * rotate: add a new key, make it current, keep the old ones for verifying older records.
 */
export class AuditKeyring {
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(
    readonly currentId: string,
    keys: Readonly<Record<string, string>>,
  ) {
    this.keys = new Map(Object.entries(keys).map(([id, secret]) => [id, Buffer.from(secret)]));
    if (!this.keys.has(currentId)) {
      throw new Error(`AUDIT_KEY_ID: "${currentId}" is not one of the keys in AUDIT_KEYS`);
    }
  }

  has(id: string): boolean {
    return this.keys.has(id);
  }

  /** HMAC-SHA256 of `parts` under key `id`, hex; undefined when the key is unknown. */
  seal(id: string, ...parts: string[]): string | undefined {
    const key = this.keys.get(id);
    if (!key) return undefined;
    const mac = createHmac('sha256', key);
    for (const part of parts) mac.update(part);
    return mac.digest('hex');
  }
}

// Until CoreRootModule installs the configured keys: the development key (never in production,
// where loadConfig refuses it).
let installed = new AuditKeyring(DEV_AUDIT_KEY_ID, { [DEV_AUDIT_KEY_ID]: DEV_AUDIT_KEY });

/**
 * The process's keyring. Process-wide (set once at boot by CoreRootModule) rather than injected,
 * so every path that appends a chained record (transitions, case annotations, the timer worker,
 * the admin audit log) seals with the same keys without threading them through each call.
 */
export const auditKeyring = (): AuditKeyring => installed;

export function installAuditKeyring(keyring: AuditKeyring): void {
  installed = keyring;
}

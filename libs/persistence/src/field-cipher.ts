import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for the personal numbers kept at rest (parties' phone and ID numbers, and the
 * Idempotency-Key answers that may show them). Keys come from the environment (DATA_KEYS), never
 * the database; each value names its key, so keys rotate like the audit keys. A value without
 * the `enc:` prefix is read as it is: rows written before encryption stay readable until rewritten.
 */
export class FieldCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(
    readonly currentId: string,
    keys: Readonly<Record<string, string>>,
  ) {
    // Any secret of at least 32 bytes (production checks that) becomes a 256-bit key.
    this.keys = new Map(
      Object.entries(keys).map(([id, secret]) => [
        id,
        createHash('sha256').update(secret).digest(),
      ]),
    );
    if (!this.keys.has(currentId))
      throw new Error(`DATA_KEY_ID "${currentId}" is not in DATA_KEYS`);
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `enc:v1:${this.currentId}:${iv.toString('base64')}:${body.toString('base64')}`;
  }

  decrypt(value: string): string {
    if (!value.startsWith('enc:v1:')) return value;
    const [, , keyId = '', iv = '', body = ''] = value.split(':');
    const key = this.keys.get(keyId);
    if (!key)
      throw new Error(`a field is encrypted with key "${keyId}", which this server does not hold`);
    const data = Buffer.from(body, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([
      decipher.update(data.subarray(0, data.length - 16)),
      decipher.final(),
    ]).toString('utf8');
  }
}

export const DEV_DATA_KEY_ID = 'dev';
const DEV_DATA_KEY = 'tricolor-development-data-key-not-for-production';

let installed = new FieldCipher(DEV_DATA_KEY_ID, { [DEV_DATA_KEY_ID]: DEV_DATA_KEY });

/** The process's cipher; CoreRootModule installs the configured keys at boot. */
export const fieldCipher = (): FieldCipher => installed;

export function installFieldCipher(cipher: FieldCipher): void {
  installed = cipher;
}

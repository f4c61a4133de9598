import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  sign,
  type KeyObject,
} from 'node:crypto';

// PKCS#8 DER of an Ed25519 private key is this fixed prefix followed by the 32-byte seed.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface SigningKeyInfo {
  algorithm: 'Ed25519';
  /** SPKI PEM of the public key. */
  publicKeyPem: string;
  /** SHA-256 of the public key's DER, hex: what a court pins with `--public-key`. */
  fingerprint: string;
}

/**
 * Signs bundle manifests with Ed25519. The key is derived from the server's secret (JWT_SECRET),
 * so every API replica has the same one with no new setting; rotating the secret rotates the key.
 * Without a signature anyone could edit a file, recompute its hash and the chain head, and write
 * a fresh manifest; with it, a forger needs the server's key, and a court that pinned the
 * published fingerprint notices a manifest re-signed with another one.
 */
export class BundleSigner {
  private readonly privateKey: KeyObject;
  readonly info: SigningKeyInfo;

  constructor(secret: string) {
    const seed = createHmac('sha256', secret).update('tricolor bundle signing key v1').digest();
    this.privateKey = createPrivateKey({
      key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    const publicKey = createPublicKey(this.privateKey);
    const der = publicKey.export({ format: 'der', type: 'spki' });
    this.info = {
      algorithm: 'Ed25519',
      publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      fingerprint: createHash('sha256').update(der).digest('hex'),
    };
  }

  /** Base64 Ed25519 signature of exactly these bytes. */
  sign(bytes: Buffer): string {
    return sign(null, bytes, this.privateKey).toString('base64');
  }
}

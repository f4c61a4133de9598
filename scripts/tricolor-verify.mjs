#!/usr/bin/env node
// Checks, offline and with nothing but Node.js (>= 18), that a Tricolor case-file bundle is as
// the server issued it:
//   - the ZIP's entries are intact (CRC-32);
//   - manifest.sig is a valid Ed25519 signature of manifest.json (and, with --public-key, made
//     by the key whose fingerprint the court pinned);
//   - every file the manifest lists is there with its SHA-256 and size, and nothing else is;
//   - audit-trail.json is an unbroken hash chain whose last record is the manifest's chain head;
//   - each attachment's SHA-256 is the one recorded on the chain when it was added.
// Usage: node tricolor-verify.mjs bundle.zip [--public-key FINGERPRINT|key.pem] [--json]
// Exit code 0 when every check passes, 1 when one fails, 2 on bad usage.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const GENESIS_HASH = '0'.repeat(64);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The entries of a ZIP, by its central directory (stored or deflated). */
function readZip(zip) {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP file (no end of central directory)');
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('broken central directory');
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: broken local header`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    let bytes;
    if (method === 0) bytes = Buffer.from(raw);
    else if (method === 8) bytes = inflateRawSync(raw);
    else throw new Error(`${name}: unsupported compression method ${method}`);
    if (entries.has(name)) throw new Error(`${name}: appears twice`);
    entries.set(name, { bytes, crcOk: crc32(bytes) === crc });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** JSON with sorted keys, as the server hashes audit records. */
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function hashRecord(r) {
  const content = canonicalJson({
    disputeId: r.disputeId,
    seq: r.seq,
    type: r.type,
    actorId: r.actorId,
    actorRole: r.actorRole,
    payload: r.payload,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    fromTier: r.fromTier,
    toTier: r.toTier,
    at: new Date(r.at).toISOString(),
    machineVersion: r.machineVersion,
  });
  return createHash('sha256').update(r.prevHash).update(content).digest('hex');
}

function fingerprintOf(pem) {
  return sha256(createPublicKey(pem).export({ format: 'der', type: 'spki' }));
}

/** Every check on a bundle; returns {ok, checks: [{ok, check, detail}]}. */
function verifyBundle(zipBytes, options = {}) {
  const checks = [];
  const check = (ok, name, detail = '') => {
    checks.push({ ok, check: name, detail });
    return ok;
  };
  let entries;
  try {
    entries = readZip(zipBytes);
  } catch (error) {
    check(false, 'zip', error.message);
    return { ok: false, checks };
  }
  for (const [name, entry] of entries) {
    if (!entry.crcOk) check(false, 'zip', `${name}: CRC-32 does not match its bytes`);
  }
  const manifestEntry = entries.get('manifest.json');
  if (!check(manifestEntry !== undefined, 'manifest', 'manifest.json present')) {
    return { ok: false, checks };
  }
  let manifest;
  try {
    manifest = JSON.parse(manifestEntry.bytes.toString('utf8'));
  } catch {
    check(false, 'manifest', 'manifest.json is not JSON');
    return { ok: false, checks };
  }
  check(manifest.format === 'tricolor-bundle/1', 'manifest', `format ${manifest.format}`);

  // The signature: made by the key the manifest names, and that key is the pinned one.
  const sigEntry = entries.get(manifest.signature?.file ?? 'manifest.sig');
  const publicKeyPem = manifest.signature?.publicKeyPem;
  if (sigEntry && typeof publicKeyPem === 'string') {
    let valid = false;
    try {
      valid = verify(
        null,
        manifestEntry.bytes,
        createPublicKey(publicKeyPem),
        Buffer.from(sigEntry.bytes.toString('utf8').trim(), 'base64'),
      );
    } catch {
      valid = false;
    }
    check(
      valid,
      'signature',
      valid
        ? 'Ed25519 signature of manifest.json is valid'
        : 'manifest.json was changed after it was signed',
    );
    const fingerprint = fingerprintOf(publicKeyPem);
    if (options.publicKey) {
      const pinned = options.publicKey.includes('BEGIN PUBLIC KEY')
        ? fingerprintOf(options.publicKey)
        : options.publicKey.toLowerCase();
      check(
        fingerprint === pinned,
        'signing key',
        fingerprint === pinned
          ? `signed by the pinned key ${fingerprint}`
          : `signed by ${fingerprint}, not the pinned key ${pinned}`,
      );
    } else {
      check(true, 'signing key', `key fingerprint ${fingerprint} (pin it with --public-key)`);
    }
  } else {
    check(false, 'signature', 'manifest.sig or the public key is missing');
  }

  // Every listed file, with its hash and size; nothing unlisted.
  const listed = new Set(['manifest.json', manifest.signature?.file ?? 'manifest.sig']);
  for (const file of manifest.files ?? []) {
    listed.add(file.path);
    const entry = entries.get(file.path);
    if (!entry) {
      check(false, 'file', `${file.path}: listed in the manifest but missing`);
      continue;
    }
    const digest = sha256(entry.bytes);
    check(
      digest === file.sha256 && entry.bytes.length === file.size,
      'file',
      digest === file.sha256
        ? `${file.path}: SHA-256 matches`
        : `${file.path}: SHA-256 ${digest} is not the manifest's ${file.sha256}`,
    );
  }
  for (const name of entries.keys()) {
    if (!listed.has(name)) check(false, 'file', `${name}: in the bundle but not in the manifest`);
  }

  // The audit trail: an unbroken chain ending at the manifest's head.
  const trailFile = (manifest.files ?? []).find((f) => f.kind === 'audit_trail');
  const trailEntry = trailFile && entries.get(trailFile.path);
  let trail = [];
  if (trailEntry) {
    try {
      trail = JSON.parse(trailEntry.bytes.toString('utf8'));
    } catch {
      check(false, 'audit chain', 'audit-trail.json is not JSON');
    }
    let prev = GENESIS_HASH;
    let broken = null;
    trail.forEach((r, i) => {
      if (broken) return;
      if (r.seq !== i + 1) broken = `expected record ${i + 1}, found ${r.seq}`;
      else if (r.disputeId !== manifest.dispute?.id) broken = `record ${r.seq} is of another case`;
      else if (r.prevHash !== prev) broken = `record ${r.seq} does not link to the one before`;
      // A sealed record's hash is an HMAC under the office's audit key, which a court does not
      // hold: its content is vouched for by the signed manifest (the trail file's SHA-256 and the
      // chain head). Records from before sealing carry a plain SHA-256 and are recomputed here.
      else if (!r.keyId && hashRecord(r) !== r.hash)
        broken = `record ${r.seq}: content does not match its hash`;
      prev = r.hash;
    });
    const sealed = trail.filter((r) => r.keyId).length;
    check(
      broken === null,
      'audit chain',
      broken ??
        `${trail.length} records chain unbroken` +
          (sealed
            ? ` (${sealed} sealed with the office's key: covered by the signed manifest)`
            : ''),
    );
    const last = trail.at(-1);
    check(
      last?.seq === manifest.chainHead?.seq && last?.hash === manifest.chainHead?.hash,
      'chain head',
      `manifest head #${manifest.chainHead?.seq} ${manifest.chainHead?.hash}`,
    );
  } else {
    check(false, 'audit chain', 'no audit trail in the bundle');
  }

  // Each attachment is the file whose hash the chain recorded when it was added.
  const added = new Map(
    trail
      .filter((r) => r.type === 'ATTACHMENT_ADDED')
      .map((r) => [r.payload?.attachmentId, r.payload?.sha256]),
  );
  for (const file of (manifest.files ?? []).filter((f) => f.kind === 'attachment')) {
    const entry = entries.get(file.path);
    if (!entry) continue;
    const recorded = added.get(file.attachmentId);
    check(
      recorded === sha256(entry.bytes),
      'attachment',
      recorded
        ? `${file.path}: matches ATTACHMENT_ADDED on the chain`
        : `${file.path}: no ATTACHMENT_ADDED record for it`,
    );
  }
  return { ok: checks.every((c) => c.ok), checks, manifest };
}

function main(argv) {
  const args = argv.slice(2);
  const json = args.includes('--json');
  const keyAt = args.indexOf('--public-key');
  let publicKey;
  if (keyAt >= 0) {
    const value = args[keyAt + 1];
    if (!value) return usage();
    publicKey = /^[0-9a-f]{64}$/i.test(value) ? value : readFileSync(value, 'utf8');
    args.splice(keyAt, 2);
  }
  const files = args.filter((a) => a !== '--json');
  if (files.length !== 1) return usage();
  const result = verifyBundle(readFileSync(files[0]), { publicKey });
  if (json) {
    process.stdout.write(`${JSON.stringify({ ok: result.ok, checks: result.checks }, null, 2)}\n`);
  } else {
    for (const c of result.checks)
      process.stdout.write(`${c.ok ? 'OK  ' : 'FAIL'} ${c.check}: ${c.detail}\n`);
    process.stdout.write(
      result.ok
        ? 'VERIFIED: nothing in the bundle changed since it was issued\n'
        : 'NOT VERIFIED\n',
    );
  }
  return result.ok ? 0 : 1;
}

function usage() {
  process.stderr.write(
    'usage: tricolor-verify bundle.zip [--public-key FINGERPRINT|key.pem] [--json]\n',
  );
  return 2;
}

process.exitCode = main(process.argv);

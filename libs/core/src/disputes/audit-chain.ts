import { createHash } from 'node:crypto';
import type { DisputeEventEntity } from '@tricolor/persistence';

/** The hash the first record of every case chains from. */
export const GENESIS_HASH = '0'.repeat(64);

type Hashed = Pick<
  DisputeEventEntity,
  | 'disputeId'
  | 'seq'
  | 'type'
  | 'actorId'
  | 'actorRole'
  | 'payload'
  | 'fromStatus'
  | 'toStatus'
  | 'fromTier'
  | 'toTier'
  | 'at'
  | 'machineVersion'
  | 'prevHash'
>;

/** JSON with sorted keys, so a record hashes the same whatever order a driver returns keys in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Each record's hash covers its content and the hash of the record before it. */
export function hashRecord(record: Hashed): string {
  const content = canonicalJson({
    disputeId: record.disputeId,
    seq: record.seq,
    type: record.type,
    actorId: record.actorId,
    actorRole: record.actorRole,
    payload: record.payload,
    fromStatus: record.fromStatus,
    toStatus: record.toStatus,
    fromTier: record.fromTier,
    toTier: record.toTier,
    at: record.at.toISOString(),
    machineVersion: record.machineVersion,
  });
  return createHash('sha256').update(record.prevHash).update(content).digest('hex');
}

export interface ChainVerdict {
  intact: boolean;
  records: number;
  /** The first record whose hash or link does not match, when the chain is broken. */
  brokenAt?: { seq: number; problem: string };
}

/** Walks the log oldest first, recomputing every hash and link. */
export function verifyChain(records: readonly DisputeEventEntity[]): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const r of records) {
    const broken = (problem: string): ChainVerdict => ({
      intact: false,
      records: records.length,
      brokenAt: { seq: r.seq, problem },
    });
    if (r.seq !== expectedSeq) return broken(`expected record ${expectedSeq}, found ${r.seq}`);
    if (r.prevHash !== prev) return broken('does not link to the record before it');
    if (hashRecord(r) !== r.hash) return broken('its content does not match its hash');
    prev = r.hash;
    expectedSeq += 1;
  }
  return { intact: true, records: records.length };
}

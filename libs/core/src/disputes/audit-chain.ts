import { createHash } from 'node:crypto';
import type { DisputeEventEntity } from '@tricolor/persistence';
import { auditKeyring, type AuditKeyring } from '../audit/audit-keys';
import { yieldToOthers } from '../yield-to-others';

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
  | 'keyId'
  | 'response'
  | 'idempotencyKey'
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

const legacyContent = (record: Hashed): string =>
  canonicalJson({
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

/**
 * Each record's seal covers its content, the key that sealed it, the stored Idempotency-Key
 * answer, and the seal of the record before it: HMAC-SHA256 under a key from the environment
 * (`AUDIT_KEYS`). Throws when the record names a key this process does not hold.
 * Records without a key id were written before keyed chains (plain SHA-256).
 */
export function hashRecord(record: Hashed, keyring: AuditKeyring = auditKeyring()): string {
  if (record.keyId === null) {
    return createHash('sha256').update(record.prevHash).update(legacyContent(record)).digest('hex');
  }
  const content = canonicalJson({
    base: legacyContent(record),
    keyId: record.keyId,
    idempotencyKey: record.idempotencyKey,
    response: record.response,
  });
  const seal = keyring.seal(record.keyId, record.prevHash, content);
  // verifyChain asks `keyring.has` first; a writer always seals with the current key.
  if (seal === undefined) throw new Error(`audit key "${record.keyId}" is not held`);
  return seal;
}

export interface ChainProblem {
  /** The record concerned; null for a problem of the case row or of the trail as a whole. */
  seq: number | null;
  problem: string;
}

export interface ChainVerdict {
  intact: boolean;
  records: number;
  /** The case's version, when the case row was checked against its trail. */
  version?: number;
  /** The first problem, when there is one (kept for older clients). */
  brokenAt?: ChainProblem;
  /** Every problem found, oldest record first (at most MAX_PROBLEMS); absent when intact. */
  problems?: ChainProblem[];
}

/** What verify compares the replayed trail with: the case row. */
export interface CaseRowState {
  status: string;
  tier: string;
  version: number;
}

/** A rewritten trail can break every record: the answer stays small. */
export const MAX_PROBLEMS = 50;

/**
 * Walks the log oldest first: every seal and link, every record starting where the one before
 * ended (status and tier; a record that changes no state has from = to), and, given the case
 * row, the trail's length against the case's `version` (one record per version) and the row's
 * status and tier against the last record's.
 */
export function verifyChain(
  records: readonly DisputeEventEntity[],
  caseRow?: CaseRowState,
  keyring: AuditKeyring = auditKeyring(),
): ChainVerdict {
  const walk = chainWalk(caseRow, keyring);
  for (const r of records) walk.step(r);
  return walk.verdict();
}

/** Records verified between two turns of the event loop (verifyChainInTurns). */
const RECORDS_PER_TURN = 20;

/**
 * verifyChain for a request: the same verdict, with the event loop yielded every
 * RECORDS_PER_TURN records. Each record costs canonical JSON of its content and stored answer
 * and an HMAC: a trail of 200 held the API's thread, and everyone's requests, for about 80 ms
 * (issue 9, finding 6).
 */
export async function verifyChainInTurns(
  records: readonly DisputeEventEntity[],
  caseRow?: CaseRowState,
  keyring: AuditKeyring = auditKeyring(),
): Promise<ChainVerdict> {
  const walk = chainWalk(caseRow, keyring);
  for (const [i, r] of records.entries()) {
    if (i > 0 && i % RECORDS_PER_TURN === 0) await yieldToOthers();
    walk.step(r);
  }
  return walk.verdict();
}

/** The walk behind verifyChain: one record at a time, oldest first, then the verdict. */
function chainWalk(
  caseRow: CaseRowState | undefined,
  keyring: AuditKeyring,
): { step: (r: DisputeEventEntity) => void; verdict: () => ChainVerdict } {
  const problems: ChainProblem[] = [];
  const report = (seq: number | null, problem: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ seq, problem });
  };
  let prev: DisputeEventEntity | undefined;
  let expectedSeq = 1;
  let count = 0;
  const step = (r: DisputeEventEntity): void => {
    count++;
    if (r.seq !== expectedSeq) report(r.seq, `expected record ${expectedSeq}, found ${r.seq}`);
    if (r.prevHash !== (prev?.hash ?? GENESIS_HASH)) {
      report(r.seq, 'does not link to the record before it');
    }
    if (r.keyId === null) {
      report(r.seq, 'is not sealed with a key (written before keyed chains, or downgraded)');
    } else if (!keyring.has(r.keyId)) {
      report(r.seq, `is sealed with key "${r.keyId}", which this server does not hold`);
    } else if (hashRecord(r, keyring) !== r.hash) {
      report(r.seq, 'its content does not match its hash');
    }
    const fromStatus = prev?.toStatus ?? null;
    const fromTier = prev?.toTier ?? null;
    if (r.fromStatus !== fromStatus || r.fromTier !== fromTier) {
      report(
        r.seq,
        `starts from ${r.fromStatus ?? 'nothing'}/${r.fromTier ?? 'nothing'} but the record before ended at ${fromStatus ?? 'nothing'}/${fromTier ?? 'nothing'}`,
      );
    }
    prev = r;
    expectedSeq = r.seq + 1;
  };
  const verdict = (): ChainVerdict => {
    if (caseRow) {
      if (count !== caseRow.version) {
        report(
          null,
          `the case is at version ${caseRow.version} but its trail has ${count} record(s)`,
        );
      }
      if (prev && prev.seq !== caseRow.version) {
        report(
          null,
          `the case is at version ${caseRow.version} but its last record is ${prev.seq}`,
        );
      }
      if (prev && prev.toStatus !== caseRow.status) {
        report(
          null,
          `the case row says status ${caseRow.status} but its last record left it ${prev.toStatus}`,
        );
      }
      if (prev && prev.toTier !== caseRow.tier) {
        report(
          null,
          `the case row says tier ${caseRow.tier} but its last record left it ${prev.toTier}`,
        );
      }
    }
    return {
      intact: problems.length === 0,
      records: count,
      ...(caseRow ? { version: caseRow.version } : {}),
      ...(problems[0] ? { brokenAt: problems[0], problems } : {}),
    };
  };
  return { step, verdict };
}

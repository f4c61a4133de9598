import { DisputeEntity, DisputeEventEntity } from '@tricolor/persistence';
import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { GENESIS_HASH, hashRecord, verifyChain } from '../disputes/audit-chain';
import { AccountAuditLog } from './account-audit-log';
import { auditKeyring, type AuditKeyring } from './audit-keys';

/** A case whose trail was not re-sealed, and why. */
export interface ResealRefusal {
  disputeId: string;
  reference: string;
  problems: string[];
}

export interface ResealReport {
  keyId: string;
  /** Cases whose legacy records were sealed. */
  cases: number;
  records: number;
  refused: ResealRefusal[];
}

export interface ResealOptions {
  /**
   * Only records written before this instant are taken as legacy (the upgrade to keyed seals).
   * Default: the oldest keyed record in the database; with none, no bound.
   */
  before?: Date;
  keyring?: AuditKeyring;
  /** Check and report, change nothing. */
  dryRun?: boolean;
}

const UNSEALED = /^is not sealed with a key/;
const TABLE = 'dispute_events';

/**
 * Seals audit records written before keyed seals existed (`key_id` null, plain SHA-256) under
 * the current AUDIT_KEYS key, so that verify stops reporting them as unsealed and a later
 * rewrite of them shows. A case is sealed only if its whole trail verifies first: every legacy
 * record matches its SHA-256 and links to the one before, every keyed record matches its seal,
 * the trail matches the case row, no legacy record follows a keyed one (a downgrade) and none
 * is dated after keyed sealing began. Otherwise it is refused, left as it is, and reported.
 *
 * Each case sealed is recorded in the account audit log (action `reseal_trail`, with the old
 * and new head hashes, linking the SHA-256 chain a backup holds to the sealed one). The records
 * change in one transaction with the append-only trigger lifted and put back, so this runs as
 * the database owner (npm run audit:reseal, README "Security").
 */
export async function resealLegacyTrails(
  dataSource: DataSource,
  options: ResealOptions = {},
): Promise<ResealReport> {
  const keyring = options.keyring ?? auditKeyring();
  const before = options.before ?? (await firstKeyedAt(dataSource));
  const report: ResealReport = { keyId: keyring.currentId, cases: 0, records: 0, refused: [] };
  const legacy = await dataSource
    .getRepository(DisputeEventEntity)
    .createQueryBuilder('e')
    .select('DISTINCT e.dispute_id', 'id')
    .where('e.key_id IS NULL')
    .orderBy('id')
    .getRawMany<{ id: string }>();
  if (legacy.length === 0) return report;
  const driver = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  await dataSource.transaction(async (m) => {
    await liftTrigger(m, driver);
    for (const { id } of legacy) {
      const sealed = await resealCase(m, id, keyring, before, options.dryRun ?? false);
      if ('problems' in sealed) report.refused.push(sealed);
      else {
        report.cases += 1;
        report.records += sealed.records;
      }
    }
    await restoreTrigger(m, driver);
  });
  return report;
}

async function resealCase(
  m: EntityManager,
  disputeId: string,
  keyring: AuditKeyring,
  before: Date | undefined,
  dryRun: boolean,
): Promise<ResealRefusal | { records: number }> {
  const row = await m.findOne(DisputeEntity, {
    where: { id: disputeId },
    select: { id: true, reference: true, status: true, tier: true, version: true },
  });
  const records = await m.find(DisputeEventEntity, { where: { disputeId }, order: { seq: 'ASC' } });
  const problems: string[] = [];
  if (!row) problems.push('the case row is missing');
  const verdict = verifyChain(records, row ?? undefined, keyring);
  for (const p of verdict.problems ?? []) {
    if (!UNSEALED.test(p.problem)) problems.push(`${p.seq ?? 'case'}: ${p.problem}`);
  }
  let keyedSeen = false;
  for (const r of records) {
    if (r.keyId !== null) {
      keyedSeen = true;
      continue;
    }
    if (hashRecord(r, keyring) !== r.hash) {
      problems.push(`${r.seq}: its content does not match its SHA-256 hash`);
    }
    if (keyedSeen) problems.push(`${r.seq}: unsealed after a sealed record (a downgrade)`);
    if (before && r.at.getTime() >= before.getTime()) {
      problems.push(`${r.seq}: unsealed but written after keyed seals began`);
    }
  }
  if (problems.length > 0 || !row) {
    return { disputeId, reference: row?.reference ?? '?', problems };
  }
  if (dryRun) return { records: records.filter((r) => r.keyId === null).length };
  // Every record from the first legacy one on gets a new seal: a link changes each one after.
  const from = records.findIndex((r) => r.keyId === null);
  let prevHash = from === 0 ? GENESIS_HASH : records[from - 1].hash;
  const headBefore = records[records.length - 1].hash;
  for (const r of records.slice(from)) {
    const resealed = { ...r, keyId: keyring.currentId, prevHash };
    resealed.hash = hashRecord(resealed, keyring);
    await m.update(
      DisputeEventEntity,
      { id: r.id },
      { keyId: resealed.keyId, prevHash, hash: resealed.hash },
    );
    prevHash = resealed.hash;
  }
  // AccountAuditLog.append needs only the transaction it is given.
  await new AccountAuditLog(undefined as never).append(m, {
    actorId: 'system',
    actorRole: 'system',
    action: 'reseal_trail',
    targetId: disputeId,
    details: {
      reference: row.reference,
      records: records.length - from,
      fromSeq: records[from].seq,
      keyId: keyring.currentId,
      headBefore,
      headAfter: prevHash,
    },
    at: new Date(),
  });
  return { records: records.length - from };
}

async function firstKeyedAt(dataSource: DataSource): Promise<Date | undefined> {
  const first = await dataSource.getRepository(DisputeEventEntity).findOne({
    where: { keyId: Not(IsNull()) },
    order: { at: 'ASC' },
    select: { id: true, at: true },
  });
  return first?.at;
}

// The append-only triggers (migration 1767571200000): lifted for this transaction only.
async function liftTrigger(m: EntityManager, driver: 'postgres' | 'sqlite'): Promise<void> {
  if (driver === 'postgres') {
    await m.query(`ALTER TABLE "${TABLE}" DISABLE TRIGGER "tg_${TABLE}_append_only"`);
  } else {
    await m.query(`DROP TRIGGER IF EXISTS "tg_${TABLE}_no_update"`);
  }
}

async function restoreTrigger(m: EntityManager, driver: 'postgres' | 'sqlite'): Promise<void> {
  if (driver === 'postgres') {
    await m.query(`ALTER TABLE "${TABLE}" ENABLE TRIGGER "tg_${TABLE}_append_only"`);
  } else {
    await m.query(
      `CREATE TRIGGER "tg_${TABLE}_no_update" BEFORE UPDATE ON "${TABLE}"
       BEGIN SELECT RAISE(ABORT, '${TABLE} is append-only: UPDATE refused'); END`,
    );
  }
}

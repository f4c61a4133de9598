import { Injectable } from '@nestjs/common';
import {
  AccountAuditEntity,
  TransactionRunner,
  isUniqueViolation,
  newId,
  type JsonObject,
} from '@tricolor/persistence';
import type { EntityManager } from 'typeorm';
import {
  canonicalJson,
  GENESIS_HASH,
  MAX_PROBLEMS,
  type ChainProblem,
} from '../disputes/audit-chain';
import { auditKeyring, type AuditKeyring } from './audit-keys';

export type AccountAction =
  | 'create'
  | 'deactivate'
  | 'reactivate'
  | 'reset_password'
  | 'change_role'
  | 'change_unit'
  | 'change_own_password'
  /** Audit records written before keyed seals, sealed by npm run audit:reseal (a case). */
  | 'reseal_trail';

export interface AccountChange {
  actorId: string;
  actorRole: string;
  action: AccountAction;
  targetId: string;
  /** What changed; never a password or a hash of one. */
  details: JsonObject;
  at: Date;
}

export interface AccountAuditPage {
  intact: boolean;
  problems: ChainProblem[];
  /** Newest first. */
  records: Omit<AccountAuditEntity, 'prevHash'>[];
}

type Sealed = Omit<AccountAuditEntity, 'id' | 'hash'>;

function seal(r: Sealed, keyring: AuditKeyring): string | undefined {
  const content = canonicalJson({
    seq: r.seq,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorRole: r.actorRole,
    action: r.action,
    targetId: r.targetId,
    details: r.details,
    keyId: r.keyId,
  });
  return keyring.seal(r.keyId, r.prevHash, content);
}

/** Appends after the newest record; two writers racing for a number: the loser retries. */
const ATTEMPTS = 5;

/** The sealed, append-only log of account changes that admins read (GET /admin/audit). */
@Injectable()
export class AccountAuditLog {
  constructor(private readonly tx: TransactionRunner) {}

  /** Appends in the caller's transaction (the change and its record commit together). */
  async append(m: EntityManager, change: AccountChange): Promise<void> {
    const keyring = auditKeyring();
    const last = await m.findOne(AccountAuditEntity, {
      where: {},
      order: { seq: 'DESC' },
      select: { seq: true, hash: true },
    });
    const record: AccountAuditEntity = {
      id: newId(),
      ...change,
      seq: (last?.seq ?? 0) + 1,
      keyId: keyring.currentId,
      prevHash: last?.hash ?? GENESIS_HASH,
      hash: '',
    };
    record.hash = seal(record, keyring) ?? '';
    await m.insert(AccountAuditEntity, record);
  }

  /** Runs `work` and appends its record in one transaction, retrying a lost race for `seq`. */
  async record<T>(
    work: (m: EntityManager) => Promise<{ result: T; change: AccountChange }>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tx.run(async (m) => {
          const { result, change } = await work(m);
          await this.append(m, change);
          return result;
        });
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  /** The newest `limit` records, and whether the whole chain verifies. */
  read(limit: number): Promise<AccountAuditPage> {
    return this.tx.run(async (m) => {
      const all = await m.find(AccountAuditEntity, { order: { seq: 'ASC' } });
      const keyring = auditKeyring();
      const problems: ChainProblem[] = [];
      const report = (seq: number, problem: string) => {
        if (problems.length < MAX_PROBLEMS) problems.push({ seq, problem });
      };
      let prev: AccountAuditEntity | undefined;
      for (const r of all) {
        const expected = (prev?.seq ?? 0) + 1;
        if (r.seq !== expected) report(r.seq, `expected record ${expected}, found ${r.seq}`);
        if (r.prevHash !== (prev?.hash ?? GENESIS_HASH)) {
          report(r.seq, 'does not link to the record before it');
        }
        if (!keyring.has(r.keyId)) {
          report(r.seq, `is sealed with key "${r.keyId}", which this server does not hold`);
        } else if (seal(r, keyring) !== r.hash) {
          report(r.seq, 'its content does not match its hash');
        }
        prev = r;
      }
      return {
        intact: problems.length === 0,
        problems,
        records: all
          .slice(-limit)
          .reverse()
          .map(({ prevHash: _prev, ...r }) => r),
      };
    });
  }
}

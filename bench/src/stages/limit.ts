import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';

/**
 * "The limit": the writes one EXTEND_DEADLINE transition makes, as plain SQL transactions with no
 * framework in between — the case updated under its version, one event row appended, two timer
 * rows inserted and the two it replaces cancelled:
 *
 *   BEGIN
 *   UPDATE disputes SET snapshot, status, tier, …, version = v + 1 WHERE id = ? AND version = v
 *   INSERT INTO dispute_events (17 columns)
 *   INSERT INTO timers (2 rows)
 *   UPDATE timers SET status = 'cancelled' … WHERE id IN (?, ?) AND status = 'scheduled'
 *   COMMIT
 *
 * The values are the real ones (the case's own snapshot text), so rows are as wide as
 * Tricolor's. The client keeps each case's version, sequence and timer ids in memory: it needs no
 * reads, which is what makes it a limit.
 */
export interface LimitCase {
  id: string;
  version: number;
  seq: number;
  snapshot: string;
  status: string;
  tier: string;
  highestTier: string;
  timerIds: string[];
  n: number;
}

const GENESIS = '0'.repeat(64);
const HASH = 'f'.repeat(64);

function eventPayload(until: Date): string {
  return JSON.stringify({
    type: 'EXTEND_DEADLINE',
    until: until.toISOString(),
    reason: 'the parties asked for more time',
    consentingPartyIds: ['p1', 'p2'],
  });
}

const nextTimers = (c: LimitCase) => [`${c.id}-l${c.n}d`, `${c.id}-l${c.n}r`];

// ---------------------------------------------------------------- PostgreSQL

export async function loadPgCases(url: string, ids: readonly string[]): Promise<LimitCase[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const cases = await client.query<{
      id: string;
      version: number;
      snapshot: string;
      status: string;
      tier: string;
      highest_tier: string;
    }>(
      'SELECT id, version, snapshot, status, tier, highest_tier FROM disputes WHERE id = ANY($1)',
      [ids],
    );
    const seqs = await client.query<{ dispute_id: string; seq: number }>(
      'SELECT dispute_id, MAX(seq) AS seq FROM dispute_events WHERE dispute_id = ANY($1) GROUP BY dispute_id',
      [ids],
    );
    const timers = await client.query<{ id: string; dispute_id: string }>(
      `SELECT id, dispute_id FROM timers WHERE status = 'scheduled' AND dispute_id = ANY($1)`,
      [ids],
    );
    return toCases(cases.rows, seqs.rows, timers.rows);
  } finally {
    await client.end();
  }
}

function toCases(
  cases: {
    id: string;
    version: number;
    snapshot: string;
    status: string;
    tier: string;
    highest_tier: string;
  }[],
  seqs: { dispute_id: string; seq: number }[],
  timers: { id: string; dispute_id: string }[],
): LimitCase[] {
  const seqOf = new Map(seqs.map((s) => [s.dispute_id, Number(s.seq)]));
  const timersOf = new Map<string, string[]>();
  for (const t of timers) timersOf.set(t.dispute_id, [...(timersOf.get(t.dispute_id) ?? []), t.id]);
  return cases.map((c) => ({
    id: c.id,
    version: Number(c.version),
    seq: seqOf.get(c.id) ?? 1,
    snapshot: c.snapshot,
    status: c.status,
    tier: c.tier,
    highestTier: c.highest_tier,
    timerIds: timersOf.get(c.id) ?? [],
    n: 0,
  }));
}

/** One connection per concurrent caller, as a pool of that size would hand out. */
export class PgLimit {
  private clients: Client[] = [];

  constructor(private readonly url: string) {}

  async connect(connections: number): Promise<void> {
    while (this.clients.length < connections) {
      const client = new Client({ connectionString: this.url });
      await client.connect();
      this.clients.push(client);
    }
  }

  async transition(caller: number, c: LimitCase, until: Date, actorId: string): Promise<void> {
    const client = this.clients[caller];
    if (!client) throw new Error(`no connection for caller ${caller}`);
    const at = new Date();
    c.n += 1;
    const armed = nextTimers(c);
    await client.query('BEGIN');
    try {
      const updated = await client.query(
        `UPDATE disputes SET snapshot = $1, status = $2, tier = $3, highest_tier = $4, outcome = $5,
           overdue = $6, next_deadline_at = $7, version = $8, updated_at = $9, closed_at = $10
         WHERE id = $11 AND version = $12`,
        [
          c.snapshot,
          c.status,
          c.tier,
          c.highestTier,
          null,
          false,
          until,
          c.version + 1,
          at,
          null,
          c.id,
          c.version,
        ],
      );
      if (updated.rowCount !== 1) throw new Error(`version conflict on ${c.id}`);
      await client.query(
        `INSERT INTO dispute_events (id, dispute_id, seq, type, actor_id, actor_role, payload,
           from_status, to_status, from_tier, to_tier, at, machine_version, idempotency_key,
           prev_hash, hash, response)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [
          randomUUID(),
          c.id,
          c.seq + 1,
          'EXTEND_DEADLINE',
          actorId,
          'grid_worker',
          eventPayload(until),
          c.status,
          c.status,
          c.tier,
          c.tier,
          at,
          1,
          null,
          GENESIS,
          HASH,
          null,
        ],
      );
      await client.query(
        `INSERT INTO timers (id, dispute_id, kind, fires, due_at, status, state_path, created_at,
           fired_at, lateness_ms, cancel_reason)
         VALUES ($1, $2, 'deadline', 'DEADLINE_EXPIRED', $3, 'scheduled', $4, $5, NULL, NULL, NULL),
                ($6, $2, 'reminder', NULL, $7, 'scheduled', $4, $5, NULL, NULL, NULL)`,
        [armed[0], c.id, until, c.status, at, armed[1], new Date(until.getTime() - 86_400_000)],
      );
      await client.query(
        `UPDATE timers SET status = 'cancelled', cancel_reason = $1
         WHERE id = ANY($2) AND status = 'scheduled'`,
        ['left by EXTEND_DEADLINE', c.timerIds],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    c.version += 1;
    c.seq += 1;
    c.timerIds = armed;
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.end()));
    this.clients = [];
  }
}

// ---------------------------------------------------------------- SQLite

export type SyncMode = 'FULL' | 'NORMAL';

/** SQLite keeps timestamps as UTC text, as TypeORM writes them. */
const sqliteTime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

export class SqliteLimit {
  private readonly db: Database.Database;
  private readonly run: (c: LimitCase, until: Date, actorId: string) => void;

  /**
   * The synchronous level a connection gets when nothing sets it, as the product's does (TypeORM
   * sets none): better-sqlite3's build default for a WAL database.
   */
  static defaultSynchronous(dataDir: string): SyncMode {
    const db = new Database(path.join(dataDir, 'tricolor.sqlite'), { timeout: 5000 });
    try {
      db.pragma('journal_mode = WAL');
      const level = db.pragma('synchronous', { simple: true }) as number;
      return level >= 2 ? 'FULL' : 'NORMAL';
    } finally {
      db.close();
    }
  }

  constructor(dataDir: string, synchronous: SyncMode) {
    this.db = new Database(path.join(dataDir, 'tricolor.sqlite'), { timeout: 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma(`synchronous = ${synchronous}`);
    const update = this.db.prepare(
      `UPDATE disputes SET snapshot = ?, status = ?, tier = ?, highest_tier = ?, outcome = ?,
         overdue = ?, next_deadline_at = ?, version = ?, updated_at = ?, closed_at = ?
       WHERE id = ? AND version = ?`,
    );
    const insertEvent = this.db.prepare(
      `INSERT INTO dispute_events (id, dispute_id, seq, type, actor_id, actor_role, payload,
         from_status, to_status, from_tier, to_tier, at, machine_version, idempotency_key,
         prev_hash, hash, response)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertTimers = this.db.prepare(
      `INSERT INTO timers (id, dispute_id, kind, fires, due_at, status, state_path, created_at,
         fired_at, lateness_ms, cancel_reason)
       VALUES (?, ?, 'deadline', 'DEADLINE_EXPIRED', ?, 'scheduled', ?, ?, NULL, NULL, NULL),
              (?, ?, 'reminder', NULL, ?, 'scheduled', ?, ?, NULL, NULL, NULL)`,
    );
    const cancel = this.db.prepare(
      `UPDATE timers SET status = 'cancelled', cancel_reason = ?
       WHERE id IN (?, ?) AND status = 'scheduled'`,
    );
    this.run = this.db.transaction((c: LimitCase, until: Date, actorId: string) => {
      const at = sqliteTime(new Date());
      const due = sqliteTime(until);
      c.n += 1;
      const armed = nextTimers(c);
      const changed = update.run(
        c.snapshot,
        c.status,
        c.tier,
        c.highestTier,
        null,
        0,
        due,
        c.version + 1,
        at,
        null,
        c.id,
        c.version,
      ).changes;
      if (changed !== 1) throw new Error(`version conflict on ${c.id}`);
      insertEvent.run(
        randomUUID(),
        c.id,
        c.seq + 1,
        'EXTEND_DEADLINE',
        actorId,
        'grid_worker',
        eventPayload(until),
        c.status,
        c.status,
        c.tier,
        c.tier,
        at,
        1,
        null,
        GENESIS,
        HASH,
        null,
      );
      const reminder = sqliteTime(new Date(until.getTime() - 86_400_000));
      insertTimers.run(armed[0], c.id, due, c.status, at, armed[1], c.id, reminder, c.status, at);
      cancel.run('left by EXTEND_DEADLINE', c.timerIds[0] ?? '', c.timerIds[1] ?? '');
      c.version += 1;
      c.seq += 1;
      c.timerIds = armed;
    });
  }

  loadCases(ids: readonly string[]): LimitCase[] {
    const list = JSON.stringify(ids);
    const cases = this.db
      .prepare(
        `SELECT id, version, snapshot, status, tier, highest_tier FROM disputes
         WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(list) as Parameters<typeof toCases>[0];
    const seqs = this.db
      .prepare(
        `SELECT dispute_id, MAX(seq) AS seq FROM dispute_events
         WHERE dispute_id IN (SELECT value FROM json_each(?)) GROUP BY dispute_id`,
      )
      .all(list) as Parameters<typeof toCases>[1];
    const timers = this.db
      .prepare(
        `SELECT id, dispute_id FROM timers WHERE status = 'scheduled'
         AND dispute_id IN (SELECT value FROM json_each(?))`,
      )
      .all(list) as Parameters<typeof toCases>[2];
    return toCases(cases, seqs, timers);
  }

  synchronous(): number {
    return this.db.pragma('synchronous', { simple: true }) as number;
  }

  setSynchronous(mode: SyncMode): void {
    this.db.pragma(`synchronous = ${mode}`);
  }

  transition(c: LimitCase, until: Date, actorId: string): void {
    this.run(c, until, actorId);
  }

  close(): void {
    this.db.close();
  }
}

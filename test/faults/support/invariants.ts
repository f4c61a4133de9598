import { verifyChain } from '@tricolor/core';
import { DisputeEntity, DisputeEventEntity, TimerEntity } from '@tricolor/persistence';
import { waitFor } from '../../support/wait';
import type { FaultEnv } from './fault-env';

export interface InvariantReport {
  disputes: number;
  events: number;
  timers: Record<string, number>;
  /** How long the due timers took to be fired once the check began. */
  settleMs: number;
  /** The latest any timer fired after its due time. */
  maxLatenessMs: number;
  acknowledged: number;
}

interface Row {
  [column: string]: unknown;
}

const TIMER_EVENTS = `('DEADLINE_EXPIRED', 'FOLLOW_UP_DUE')`;

/**
 * What must hold after any fault, checked on the spec's database:
 * - nothing due is left unfired: every `scheduled` timer is due in the future (after a settle);
 * - nothing fired twice: one DEADLINE_EXPIRED / FOLLOW_UP_DUE per timer, each from a fired row,
 *   and no reminder notification twice;
 * - no transition lost or half-written: each case's version is its number of event records
 *   (OPEN is record 1), its status is its last record's, every timer its snapshot has armed has
 *   a live row and every scheduled row is armed, and every acknowledged transition is recorded;
 * - every audit chain verifies.
 */
export async function expectInvariants(
  env: FaultEnv,
  settleTimeoutMs = 30_000,
): Promise<InvariantReport> {
  const q = <T extends Row = Row>(sql: string) => env.ds.query<T[]>(sql);
  const started = Date.now();

  // 1. Nothing due left unfired (a short settle: the worker fires what just fell due).
  const dueUnfired = `SELECT id, kind, due_at FROM timers WHERE status = 'scheduled' AND due_at <= now() ORDER BY due_at`;
  try {
    await waitFor(
      'every due timer to fire',
      async () => (await q(dueUnfired)).length === 0,
      settleTimeoutMs,
      100,
    );
  } catch {
    expect({ dueButUnfired: await q(dueUnfired) }).toEqual({ dueButUnfired: [] });
  }
  const settleMs = Date.now() - started;

  // 2. Nothing fired twice.
  const firedTwice = await q(
    `SELECT dispute_id, type, (payload::jsonb)->>'timerId' AS timer_id, count(*)::int AS n
       FROM dispute_events WHERE type IN ${TIMER_EVENTS}
      GROUP BY 1, 2, 3 HAVING count(*) > 1`,
  );
  expect({ firedTwice }).toEqual({ firedTwice: [] });
  const eventsWithoutFiredRow = await q(
    `SELECT e.dispute_id, e.seq, e.type, t.status
       FROM dispute_events e
       LEFT JOIN timers t ON t.id = e.dispute_id || '-' || ((e.payload::jsonb)->>'timerId')
      WHERE e.type IN ${TIMER_EVENTS} AND (t.id IS NULL OR t.status <> 'fired')`,
  );
  expect({ eventsWithoutFiredRow }).toEqual({ eventsWithoutFiredRow: [] });
  const remindedTwice = await q(
    `SELECT user_id, dispute_id, message, count(*)::int AS n FROM notifications
      WHERE kind = 'reminder' GROUP BY 1, 2, 3 HAVING count(*) > 1`,
  );
  expect({ remindedTwice }).toEqual({ remindedTwice: [] });

  // 3. No transition lost or half-written.
  const versionMismatch = await q(
    `SELECT d.id, d.version, count(e.id)::int AS records, max(e.seq) AS last_seq
       FROM disputes d LEFT JOIN dispute_events e ON e.dispute_id = d.id
      GROUP BY d.id, d.version
     HAVING d.version <> count(e.id) OR max(e.seq) <> count(e.id) OR min(e.seq) <> 1`,
  );
  expect({ versionMismatch }).toEqual({ versionMismatch: [] });
  const notOpenedFirst = await q(
    `SELECT dispute_id, type FROM dispute_events WHERE seq = 1 AND type <> 'OPEN'`,
  );
  expect({ notOpenedFirst }).toEqual({ notOpenedFirst: [] });
  const statusMismatch = await q(
    `SELECT d.id, d.status, e.to_status, d.tier, e.to_tier
       FROM disputes d JOIN dispute_events e ON e.dispute_id = d.id AND e.seq = d.version
      WHERE d.status <> e.to_status OR d.tier <> e.to_tier`,
  );
  expect({ statusMismatch }).toEqual({ statusMismatch: [] });

  const disputes = await env.ds.getRepository(DisputeEntity).find({
    select: { id: true, snapshot: true },
  });
  const rows = await env.ds.getRepository(TimerEntity).find({
    select: { id: true, disputeId: true, status: true },
  });
  const rowStatus = new Map(rows.map((r) => [r.id, r.status]));
  const armedIds = new Set<string>();
  const armedWithoutLiveRow: { timer: string; row: string }[] = [];
  for (const d of disputes) {
    for (const t of d.snapshot.context.timers) {
      const id = `${d.id}-${t.id}`;
      armedIds.add(id);
      const status = rowStatus.get(id);
      if (status !== 'scheduled' && status !== 'fired') {
        armedWithoutLiveRow.push({ timer: id, row: status ?? 'missing' });
      }
    }
  }
  expect({ armedWithoutLiveRow }).toEqual({ armedWithoutLiveRow: [] });
  const scheduledNotArmed = rows
    .filter((r) => r.status === 'scheduled' && !armedIds.has(r.id))
    .map((r) => r.id);
  expect({ scheduledNotArmed }).toEqual({ scheduledNotArmed: [] });

  const records = await env.ds.getRepository(DisputeEventEntity).find({
    order: { disputeId: 'ASC', seq: 'ASC' },
  });
  const recorded = new Map(records.map((r) => [`${r.disputeId}#${r.seq}`, r.type]));
  const lost = env.ledger.all.filter((a) => recorded.get(`${a.disputeId}#${a.version}`) !== a.type);
  expect({ acknowledgedButNotRecorded: lost }).toEqual({ acknowledgedButNotRecorded: [] });
  expect({ acknowledgedTwice: env.ledger.clashes }).toEqual({ acknowledgedTwice: [] });

  // 4. Every audit chain verifies.
  const byCase = new Map<string, DisputeEventEntity[]>();
  for (const r of records) byCase.set(r.disputeId, [...(byCase.get(r.disputeId) ?? []), r]);
  const broken = [...byCase]
    .map(([disputeId, trail]) => ({ disputeId, ...verifyChain(trail) }))
    .filter((v) => !v.intact);
  expect({ brokenChains: broken }).toEqual({ brokenChains: [] });
  // And as the API itself reports it, for a few cases.
  for (const d of disputes.slice(0, 3)) {
    const res = await env.http.request<{ intact: boolean }>(
      'GET',
      `/disputes/${d.id}/audit/verify`,
      { token: env.token.super1 },
    );
    expect({ status: res.status, intact: res.body?.intact }).toEqual({ status: 200, intact: true });
  }

  const counts = await q<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM timers GROUP BY status`,
  );
  const [{ lateness }] = await q<{ lateness: number | null }>(
    `SELECT max(lateness_ms)::int AS lateness FROM timers WHERE status = 'fired'`,
  );
  return {
    disputes: disputes.length,
    events: records.length,
    timers: Object.fromEntries(counts.map((c) => [c.status, c.n])),
    settleMs,
    maxLatenessMs: lateness ?? 0,
    acknowledged: env.ledger.size,
  };
}

/** How many timers have fired so far (progress while a fault is injected). */
export async function firedCount(env: FaultEnv): Promise<number> {
  const [{ n }] = await env.ds.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM timers WHERE status = 'fired'`,
  );
  return n;
}

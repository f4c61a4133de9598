import { waitFor } from '../../support/wait';
import type { FaultEnv } from './fault-env';

/** Waits until no timer is scheduled any more (every case has run out of short timers). */
export async function drained(env: FaultEnv, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  await waitFor(
    'every timer to fire',
    async () => {
      const [{ n }] = await env.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM timers WHERE status = 'scheduled'`,
      );
      return n === 0;
    },
    timeoutMs,
    200,
  );
  return Date.now() - started;
}

/**
 * Cases that did not end as an untouched case must: escalated to yellow by its blue deadline,
 * then flagged overdue by its acceptance deadline (two DEADLINE_EXPIRED, each once; `expired`
 * says how many when the case was escalated by hand, null for "either").
 */
export async function casesOffTrack(
  env: FaultEnv,
  { expired = 2, ids }: { expired?: number | null; ids?: readonly string[] } = {},
): Promise<unknown[]> {
  const cases = await env.ds.query<
    { id: string; status: string; overdue: boolean; expired: number }[]
  >(
    `SELECT d.id, d.status, d.overdue,
            (SELECT count(*)::int FROM dispute_events e
              WHERE e.dispute_id = d.id AND e.type = 'DEADLINE_EXPIRED') AS expired
       FROM disputes d`,
  );
  return cases
    .filter((c) => !ids || ids.includes(c.id))
    .filter(
      (c) =>
        c.status !== 'yellow.awaitingAcceptance' ||
        !c.overdue ||
        (expired !== null && c.expired !== expired),
    );
}

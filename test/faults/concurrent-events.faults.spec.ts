import { sleep } from '../support/wait';
import { startFaultEnv, type Actor, type CaseBody, type FaultEnv } from './support/fault-env';
import { Tally, type Answer } from './support/http';
import { expectInvariants } from './support/invariants';
import { isAlive, report } from './support/report';

const N = 100;

interface Request {
  user: Actor;
  event: Record<string, unknown>;
  key?: string;
}

const shuffle = <T>(items: T[]): T[] => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
};

const byStatus = (answers: Answer<CaseBody>[], status: number) =>
  answers.filter((a) => a.status === status);

// 100 events sent at once to one case. Each transition updates the case under its version in
// the transaction that appends its record, so exactly the winners are written, each once, and
// every loser gets 409 (raced) or 422 (no longer allowed): never a 500, never half a transition.
describe(`fault: ${N} concurrent events on one case`, () => {
  let env: FaultEnv;

  beforeAll(async () => {
    env = await startFaultEnv();
    env.startWorker();
  }, 120_000);
  afterAll(() => env?.close());

  const storm = async (id: string, requests: Request[]) => {
    const started = Date.now();
    const answers = await Promise.all(
      requests.map((r) =>
        env.send(r.user, id, r.event, r.key ? { 'Idempotency-Key': r.key } : undefined),
      ),
    );
    const tally = new Tally();
    answers.forEach((a) => tally.add(a));
    return { answers, tally, ms: Date.now() - started };
  };

  const recordsOf = (id: string) =>
    env.ds.query<{ seq: number; type: string; actor_id: string }[]>(
      `SELECT seq, type, actor_id FROM dispute_events WHERE dispute_id = $1 ORDER BY seq`,
      [id],
    );

  // The resumed clock may run out meanwhile: the timer's own records are checked elsewhere.
  const byPeople = async (id: string) =>
    (await recordsOf(id)).filter((r) => r.actor_id !== 'system').map((r) => r.type);

  it('writes each winning event once, while its deadline falls due', async () => {
    const opened = await env.open();
    expect(opened.status).toBe(201);
    const c = opened.body;
    const partyIds = c.parties.map((p) => p.id);
    // Start just before the reminder (1.6 s) and the deadline (2 s) fall due.
    await sleep(Math.max(0, Date.parse(c.deadlines[0].dueAt) - Date.now() - 500));
    const now = Date.now();
    const requests: Request[] = [];
    for (let i = 0; i < 30; i++) {
      requests.push({
        user: i % 2 ? 'gw1' : 'super1',
        event: {
          type: 'EXTEND_DEADLINE',
          until: new Date(now + 20_000 + i * 1000).toISOString(),
          reason: 'the parties asked for time',
          consentingPartyIds: partyIds,
        },
      });
    }
    for (let i = 0; i < 20; i++)
      requests.push({ user: 'gw1', event: { type: 'SUSPEND', reason: 'a party is away' } });
    for (let i = 0; i < 20; i++) requests.push({ user: 'super1', event: { type: 'RESUME' } });
    for (let i = 0; i < 10; i++)
      requests.push({ user: 'gw1', event: { type: 'RESUME', expectedVersion: 1 } });
    for (let i = 0; i < 15; i++) {
      requests.push({
        user: 'super1',
        event: { type: 'SUSPEND', reason: 'asked twice' },
        key: `suspend-${i % 5}`,
      });
    }
    for (let i = 0; i < 5; i++)
      requests.push({ user: 'super1', event: { type: 'ESCALATE', reason: 'needs a lawyer' } });
    expect(requests).toHaveLength(N);

    const { answers, tally, ms } = await storm(c.id, shuffle(requests));
    expect(tally.unexpected([200, 409, 422])).toEqual({});
    const ok = byStatus(answers, 200);
    expect(ok.length).toBeGreaterThan(0);
    for (const refused of byStatus(answers, 422)) {
      expect(refused.body).toMatchObject({ statusCode: 422, allowedEvents: expect.any(Array) });
    }
    for (const raced of byStatus(answers, 409)) {
      expect(raced.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    }
    // One Idempotency-Key, one answer; and no two writes were answered with one version.
    const sorted = [...requests];
    const keyed = new Map<string, number[]>();
    const unkeyed: number[] = [];
    answers.forEach((a, i) => {
      if (a.status !== 200) return;
      const key = sorted[i].key;
      if (key) keyed.set(key, [...(keyed.get(key) ?? []), a.body.version]);
      else unkeyed.push(a.body.version);
    });
    for (const versions of keyed.values()) expect(new Set(versions).size).toBe(1);
    const written = [...unkeyed, ...[...keyed.values()].map((v) => v[0])];
    expect(new Set(written).size).toBe(written.length);

    const invariants = await expectInvariants(env);
    const records = await recordsOf(c.id);
    const system = records.filter((r) => r.actor_id === 'system').length;
    expect(records).toHaveLength(1 + written.length + system);

    report(`${N} concurrent events on one case`, {
      stormMs: ms,
      answers: tally.summary(),
      transitionsWritten: written.length,
      timerEventsInterleaved: system,
      trail: records.map((r) => r.type).join(' → '),
      ...invariants,
    });
  });

  it(`lets exactly one of ${N} events with the same expectedVersion win`, async () => {
    const c = (await env.open()).body;
    const suspended = await env.send('gw1', c.id, { type: 'SUSPEND', reason: 'stop the clock' });
    expect(suspended.status).toBe(200);
    const requests = Array.from({ length: N }, (): Request => ({
      user: 'super1',
      event: { type: 'RESUME', expectedVersion: suspended.body.version },
    }));
    const { tally } = await storm(c.id, requests);
    expect(Object.fromEntries(tally.byStatus)).toEqual({ 200: 1, 409: N - 1 });
    expect(await byPeople(c.id)).toEqual(['OPEN', 'SUSPEND', 'RESUME']);
    await expectInvariants(env);
    report(`${N} events with one expectedVersion`, { answers: tally.summary() });
  });

  it(`answers ${N} events with one Idempotency-Key alike, writing one`, async () => {
    const c = (await env.open()).body;
    expect((await env.send('gw1', c.id, { type: 'SUSPEND', reason: 'wait' })).status).toBe(200);
    const requests = Array.from({ length: N }, (): Request => ({
      user: 'super1',
      event: { type: 'RESUME' },
      key: 'resume-once',
    }));
    const { answers, tally } = await storm(c.id, requests);
    expect(Object.fromEntries(tally.byStatus)).toEqual({ 200: N });
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(await byPeople(c.id)).toEqual(['OPEN', 'SUSPEND', 'RESUME']);
    const invariants = await expectInvariants(env);
    expect(env.workers.every(isAlive)).toBe(true);
    expect(env.api.alive()).toBe(true);
    report(`${N} events with one Idempotency-Key`, { answers: tally.summary(), ...invariants });
  });
});

import {
  ConflictError,
  EventRefusedError,
  JurisdictionService,
  Metrics,
  NotFoundError,
  SendEventService,
  TimerQueue,
  timerRowId,
  wakeUpAt,
  wakeUpJobId,
  type DisputeView,
  type SendEventCommand,
} from '@tricolor/core';
import {
  AgreementEntity,
  DeferredWrites,
  DisputeAssignmentEntity,
  DisputeEntity,
  DisputeEventEntity,
  NotificationEntity,
  TimerEntity,
  TransactionRunner,
  UserEntity,
} from '@tricolor/persistence';
import type { Actor } from '@tricolor/workflow';
import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import {
  buildWorld,
  disputeBody,
  PARTIES,
  USERS,
  type Username,
  type World,
} from '../support/world';

/**
 * The one path every transition takes (`SendEventService`), called directly on a real database
 * and Redis: what a transition writes (the case row, its audit record, its timer rows, the
 * notices), what it refuses and why, idempotent replays, and the conflicts that keep a write
 * from landing half-done. The HTTP suites go through it too; this file is what the mutation
 * run of the core scope holds `send-event.service.ts` to (a mutant there would otherwise need
 * an API started per test file).
 */

const HOUR = 3_600_000;

describe.each(DRIVERS)('sending an event to a case, on %s', (driver) => {
  let api: TestApi;
  let world: World;
  let service: SendEventService;

  beforeAll(async () => {
    api = await startApi(driver, {
      // No worker: nothing fires behind the tests' backs. The judicial office's acceptance
      // deadline falls inside the wake-up horizon (2 × RECONCILE_INTERVAL, 60 s), so an
      // escalation queues a wake-up for it.
      RUN_WORKER: 'false',
      DEADLINE_YELLOW_ACCEPTANCE: 'PT20S',
    });
    world = await buildWorld(api, ['gw1', 'gw3', 'officer1', 'lawyer1', 'super1', 'police1']);
    service = api.app.get(SendEventService);
  }, 120_000);
  afterAll(() => api?.close());

  const repo = <T extends object>(entity: new () => T) =>
    api.app.get(DataSource).getRepository<T>(entity);
  const row = (id: string) => repo(DisputeEntity).findOneByOrFail({ id });
  const records = (id: string) =>
    repo(DisputeEventEntity).find({ where: { disputeId: id }, order: { seq: 'ASC' } });
  const notices = (id: string, kind: string) =>
    repo(NotificationEntity).find({ where: { disputeId: id, kind } });

  const actor = (username: Username): Promise<Actor> => {
    const u = USERS[username];
    return api.app.get(JurisdictionService).actorFor({
      id: world.id[username],
      role: u.role,
      unitCode: u.unitCode,
      ...('institution' in u ? { institution: u.institution } : {}),
    });
  };
  const SYSTEM: Actor = { id: 'system', role: 'system' };

  async function open(overrides: object = {}): Promise<DisputeView> {
    const res = await api
      .http()
      .post('/disputes')
      .set('Authorization', `Bearer ${world.token.gw1}`)
      .send(disputeBody(overrides));
    expect(res.status).toBe(201);
    return res.body as DisputeView;
  }
  async function send(
    username: Username | 'system',
    disputeId: string,
    event: SendEventCommand['event'],
    more: Partial<SendEventCommand> = {},
  ): Promise<DisputeView> {
    const who = username === 'system' ? SYSTEM : await actor(username);
    return service.send({ actor: who, disputeId, event, ...more });
  }
  /** What the call threw (it must throw). */
  async function failure(promise: Promise<unknown>): Promise<Error> {
    const outcome = await promise.then(
      () => null,
      (error: Error) => error,
    );
    if (!outcome) throw new Error('expected the call to fail');
    return outcome;
  }
  async function count(event: string, result: string): Promise<number> {
    const { values } = await api.app.get(Metrics).transitions.get();
    return values.find((v) => v.labels.event === event && v.labels.result === result)?.value ?? 0;
  }
  const extend = (days: number) => ({
    type: 'EXTEND_DEADLINE' as const,
    until: new Date(Date.now() + days * 24 * HOUR).toISOString(),
    reason: 'the parties asked for time',
    consentingPartyIds: ['p1', 'p2'],
  });
  const blueDeadline = (c: DisputeView) => c.deadlines.find((d) => d.kind === 'deadline')!;

  describe('an applied event', () => {
    it('moves the case, appends its chained record and rewrites its timers in one write', async () => {
      const c = await open();
      const opened = await row(c.id);
      const [first] = await records(c.id);
      const at = new Date(opened.createdAt.getTime() + 90_000);
      const applied = await count('ESCALATE', 'applied');

      const view = await send('gw1', c.id, { type: 'ESCALATE', reason: 'needs a lawyer' }, { at });

      expect(view).toMatchObject({ id: c.id, tier: 'yellow', highestTier: 'yellow', version: 2 });
      const after = await row(c.id);
      expect(after).toMatchObject({
        status: view.status,
        tier: 'yellow',
        highestTier: 'yellow',
        outcome: null,
        overdue: false,
        version: 2,
        updatedAt: at,
        closedAt: null,
        agreementReached: false,
        judiciallyConfirmed: false,
        // The tier clock: 90 s at blue, yellow reached now.
        tierSince: at,
        blueMs: 90_000,
        yellowMs: 0,
      });
      const yellowDeadline = view.deadlines.find((d) => d.kind === 'deadline')!;
      expect(after.nextDeadlineAt).toEqual(new Date(yellowDeadline.dueAt));
      expect(after.snapshot).not.toEqual(opened.snapshot);

      const trail = await records(c.id);
      expect(trail).toHaveLength(2);
      expect(trail[1]).toMatchObject({
        seq: 2,
        type: 'ESCALATE',
        actorId: world.id.gw1,
        actorRole: 'grid_worker',
        payload: { type: 'ESCALATE', reason: 'needs a lawyer' },
        fromStatus: 'blue.mediating',
        toStatus: view.status,
        fromTier: 'blue',
        toTier: 'yellow',
        at,
        machineVersion: after.snapshot.machineVersion,
        idempotencyKey: null,
        // An answer is kept only for a request that may be retried with its key.
        response: null,
        prevHash: first.hash,
      });

      // The blue deadline's row is cancelled by this event; the yellow ones are scheduled.
      const timers = await repo(TimerEntity).find({ where: { disputeId: c.id } });
      const blue = timers.find((t) => t.id === timerRowId(c.id, blueDeadline(c).timerId))!;
      expect(blue).toMatchObject({ status: 'cancelled', cancelReason: 'left by ESCALATE' });
      const yellow = timers.find((t) => t.id === timerRowId(c.id, yellowDeadline.timerId))!;
      expect(yellow).toMatchObject({ status: 'scheduled', dueAt: new Date(yellowDeadline.dueAt) });
      expect(await count('ESCALATE', 'applied')).toBe(applied + 1);
    });

    it('tells the new tier’s handlers and the street’s supervisors, with the reason', async () => {
      const c = await open();
      await send('gw1', c.id, { type: 'ESCALATE', reason: 'needs a lawyer' });
      const sent = await notices(c.id, 'escalation');
      expect(sent.map((n) => n.userId).sort()).toEqual([world.id.officer1, world.id.super1].sort());
      for (const n of sent) {
        expect(n.message).toMatch(/was escalated from blue to yellow at .* Reason: needs a lawyer/);
        expect(n.message).not.toMatch(/automatically/);
      }
    });

    it('says an escalation by a passed deadline was automatic, in the system’s name', async () => {
      const c = await open();
      const deadline = blueDeadline(c);
      const view = await send(
        'system',
        c.id,
        { type: 'DEADLINE_EXPIRED', timerId: deadline.timerId },
        { at: new Date(deadline.dueAt) },
      );
      expect(view.tier).toBe('yellow');
      const [, record] = await records(c.id);
      expect(record).toMatchObject({ actorId: 'system', actorRole: 'system', toTier: 'yellow' });
      const sent = await notices(c.id, 'escalation');
      expect(sent.length).toBeGreaterThan(0);
      for (const n of sent) expect(n.message).toMatch(/automatically, because its deadline passed/);
    });

    it('queues a wake-up for a timer it arms within the horizon, after the commit', async () => {
      const c = await open();
      const view = await send('gw1', c.id, { type: 'ESCALATE', reason: 'needs a lawyer' });
      const acceptance = view.deadlines.find((d) => d.kind === 'deadline')!;
      const due = Date.parse(acceptance.dueAt);
      expect(due - Date.now()).toBeLessThan(60_000);
      const queue = api.app.get(TimerQueue).queue;
      const jobId = wakeUpJobId(wakeUpAt(due));
      // Queued without holding up the answer: wait for it, briefly.
      const until = Date.now() + 5_000;
      while (!(await queue.getJob(jobId)) && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await queue.getJob(jobId)).toBeDefined();
    });

    it('keeps the tier clock and sends no notice when the case stays at its tier', async () => {
      const c = await open();
      const opened = await row(c.id);
      const started = Date.now();
      const view = await send('gw1', c.id, extend(9));
      const after = await row(c.id);
      expect(after).toMatchObject({
        tier: 'blue',
        tierSince: opened.tierSince,
        blueMs: 0,
        yellowMs: null,
        version: 2,
      });
      // No clock handed in: the server's.
      expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(started - 5);
      expect(after.updatedAt.getTime()).toBeLessThanOrEqual(Date.now() + 5);
      expect(after.nextDeadlineAt).toEqual(new Date(blueDeadline(view).dueAt));
      expect(await notices(c.id, 'escalation')).toEqual([]);
      const old = await repo(TimerEntity).findOneByOrFail({
        id: timerRowId(c.id, blueDeadline(c).timerId),
      });
      expect(old).toMatchObject({ status: 'cancelled', cancelReason: 'left by EXTEND_DEADLINE' });
    });

    it('records an agreement, its confirmation and the closing, for the statistics', async () => {
      const c = await open();
      const agreed = await send('gw1', c.id, {
        type: 'REACH_AGREEMENT',
        terms: 'Fix the pipe within a week',
        signedByPartyIds: ['p1', 'p2'],
      });
      expect(agreed.status).toBe('agreed');
      expect(await row(c.id)).toMatchObject({ agreementReached: true, judiciallyConfirmed: false });
      expect(await repo(AgreementEntity).findBy({ disputeId: c.id })).toEqual([
        expect.objectContaining({ terms: 'Fix the pipe within a week', tier: 'blue' }),
      ]);
      await send('gw1', c.id, { type: 'REQUEST_JUDICIAL_CONFIRMATION' });
      await send('super1', c.id, { type: 'RECORD_CONFIRMATION', confirmed: true, note: 'valid' });
      expect(await row(c.id)).toMatchObject({ agreementReached: true, judiciallyConfirmed: true });
      const at = new Date(Date.now() + HOUR);
      const closed = await send(
        'gw1',
        c.id,
        { type: 'RECORD_FOLLOW_UP', performed: 'full' },
        { at },
      );
      expect(closed).toMatchObject({ status: 'closed', outcome: 'resolved' });
      expect(await row(c.id)).toMatchObject({
        status: 'closed',
        outcome: 'resolved',
        closedAt: at,
        nextDeadlineAt: null,
        // Once reached, an agreement stays counted whatever follows.
        agreementReached: true,
        judiciallyConfirmed: true,
      });
    });

    it('reaches the police and the community police’s inbox with a report (PML Art. 25)', async () => {
      const c = await open({
        riskIndicators: ['threat_of_revenge'],
        requestedTier: 'blue',
        tierReason: 'the grid worker knows both families well',
      });
      await send('gw1', c.id, {
        type: 'REPORT_TO_POLICE',
        risk: 'threats',
        reason: 'said he would settle it himself',
      });
      const sent = await notices(c.id, 'police_report');
      expect(sent.map((n) => n.userId)).toContain(world.id.police1);
      expect(await notices(c.id, 'escalation')).toEqual([]);
    });

    it('names in ACCEPT only active users, placed in their street', async () => {
      const c = await open();
      await send('gw1', c.id, { type: 'ESCALATE', reason: 'needs a lawyer' });
      const accept = {
        type: 'ACCEPT' as const,
        officerId: world.id.officer1,
        lawyerId: world.id.lawyer1,
      };
      await repo(UserEntity).update({ id: world.id.lawyer1 }, { active: false });
      try {
        const refused = await failure(send('officer1', c.id, accept));
        expect(refused).toBeInstanceOf(EventRefusedError);
        expect((await row(c.id)).version).toBe(2);
      } finally {
        await repo(UserEntity).update({ id: world.id.lawyer1 }, { active: true });
      }
      const accepted = await send('officer1', c.id, accept);
      expect(accepted).toMatchObject({ tier: 'yellow', status: 'yellow.jointReview' });
      const assigned = await repo(DisputeAssignmentEntity).findBy({ disputeId: c.id });
      expect(assigned.map((a) => a.userId).sort()).toEqual(
        [world.id.officer1, world.id.lawyer1].sort(),
      );
    });
  });

  describe('a refused event writes nothing', () => {
    it('refuses an event the state cannot take, with the reason, its code and what is allowed', async () => {
      const c = await open();
      const refusedBefore = await count('ACCEPT', 'refused');
      const error = await failure(
        send('gw1', c.id, {
          type: 'ACCEPT',
          officerId: world.id.officer1,
          lawyerId: world.id.lawyer1,
        }),
      );
      expect(error).toBeInstanceOf(EventRefusedError);
      const refused = error as EventRefusedError;
      expect(refused.message).toMatch(/ACCEPT is not possible while the case is blue.mediating/);
      expect(refused.allowedEvents).toEqual(
        expect.arrayContaining(['ESCALATE', 'REACH_AGREEMENT']),
      );
      expect(refused.allowedEvents).not.toContain('ACCEPT');
      expect(refused.code).toEqual(expect.any(String));
      expect(await row(c.id)).toMatchObject({ version: 1, status: 'blue.mediating' });
      expect(await records(c.id)).toHaveLength(1);
      expect(await count('ACCEPT', 'refused')).toBe(refusedBefore + 1);
    });

    it('refuses a stale expectedVersion, naming both versions, and takes the current one', async () => {
      const c = await open();
      const conflicts = await count('EXTEND_DEADLINE', 'conflict');
      const error = await failure(send('gw1', c.id, extend(5), { expectedVersion: 7 }));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toBe('stale version: expected 7, the case is at 1');
      expect(await count('EXTEND_DEADLINE', 'conflict')).toBe(conflicts + 1);
      expect((await row(c.id)).version).toBe(1);
      const view = await send('gw1', c.id, extend(5), { expectedVersion: 1 });
      expect(view.version).toBe(2);
    });

    it('does not find a case outside the sender’s scope', async () => {
      const c = await open();
      const refusedBefore = await count('EXTEND_DEADLINE', 'refused');
      const error = await failure(send('gw3', c.id, extend(5)));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(await count('EXTEND_DEADLINE', 'refused')).toBe(refusedBefore + 1);
      expect((await row(c.id)).version).toBe(1);
    });

    it('is a conflict, and writes nothing, when the case changed after it was read', async () => {
      const c = await open();
      const tx = api.app.get(TransactionRunner);
      const stale = await row(c.id);
      const [head] = (await records(c.id)).slice(-1);
      // Someone else's transition lands between the read and the write.
      await send('gw1', c.id, extend(6));
      const fresh = (await records(c.id)).slice(-1)[0];
      const actorGw1 = await actor('gw1');
      // (a) the case row moved on, and so did its trail: the record number is taken.
      const taken = await failure(
        tx.run((m) =>
          service.applyWithin(m, {
            actor: actorGw1,
            disputeId: c.id,
            event: extend(8),
            loaded: { dispute: stale, head: { seq: head.seq, hash: head.hash } },
          }),
        ),
      );
      expect(taken).toBeInstanceOf(ConflictError);
      expect(taken.message).toBe('the case changed while EXTEND_DEADLINE was being applied: retry');
      // (b) the trail's head is current but the row's version is not: the update changes no row.
      const missed = await failure(
        tx.run((m) =>
          service.applyWithin(m, {
            actor: actorGw1,
            disputeId: c.id,
            event: extend(8),
            loaded: { dispute: stale, head: { seq: fresh.seq, hash: fresh.hash } },
          }),
        ),
      );
      expect(missed).toBeInstanceOf(ConflictError);
      expect(missed.message).toBe(
        'the case changed while EXTEND_DEADLINE was being applied: retry',
      );
      expect(await records(c.id)).toHaveLength(2);
      expect((await row(c.id)).version).toBe(2);
    });
  });

  describe('a deferred event (a batch of timer firings)', () => {
    it('hands its writes to the batch, the case update first and checked, and writes nothing itself', async () => {
      const c = await open();
      const tx = api.app.get(TransactionRunner);
      const actorGw1 = await actor('gw1');
      const defer = new DeferredWrites();
      const applied = await tx.run(async (m) => {
        const result = await service.applyWithin(m, {
          actor: actorGw1,
          disputeId: c.id,
          event: extend(7),
          defer,
        });
        // Nothing written yet, in this very transaction.
        expect((await m.findOneByOrFail(DisputeEntity, { id: c.id })).version).toBe(1);
        return result;
      });
      expect(applied.after?.version).toBe(2);
      expect(applied.timers?.armed.length).toBeGreaterThan(0);
      // The update, the record, the new timer rows and the old one's cancellation.
      expect(defer.size).toBeGreaterThanOrEqual(3);
      expect((await row(c.id)).version).toBe(1);
      expect(await records(c.id)).toHaveLength(1);

      // The batch runs them; had the case moved meanwhile, the checked update stops it.
      await send('gw1', c.id, extend(6));
      await expect(tx.run((m) => defer.run(m))).rejects.toThrow();
      expect(await records(c.id)).toHaveLength(2);
    });

    it('writes what it handed over when the batch runs it', async () => {
      const c = await open();
      const tx = api.app.get(TransactionRunner);
      const actorGw1 = await actor('gw1');
      const defer = new DeferredWrites();
      await tx.run(async (m) => {
        await service.applyWithin(m, {
          actor: actorGw1,
          disputeId: c.id,
          event: extend(7),
          defer,
        });
        await defer.run(m);
      });
      expect((await row(c.id)).version).toBe(2);
      expect((await records(c.id)).map((r) => r.type)).toEqual(['OPEN', 'EXTEND_DEADLINE']);
    });
  });

  describe('idempotent retries', () => {
    it('answers a repeated key with the first answer and writes nothing more', async () => {
      const c = await open();
      const event = extend(5);
      const first = await send('gw1', c.id, event, { idempotencyKey: 'retry-1' });
      const replays = await count('EXTEND_DEADLINE', 'replayed');
      const again = await send('gw1', c.id, event, { idempotencyKey: 'retry-1' });
      expect(again).toEqual(first);
      expect(await count('EXTEND_DEADLINE', 'replayed')).toBe(replays + 1);
      const trail = await records(c.id);
      expect(trail).toHaveLength(2);
      expect(trail[1]).toMatchObject({ idempotencyKey: 'retry-1', response: { version: 2 } });
      expect((await row(c.id)).version).toBe(2);
    });

    it('refuses a key someone else used on the case', async () => {
      const c = await open();
      const event = extend(5);
      await send('gw1', c.id, event, { idempotencyKey: 'retry-2' });
      const error = await failure(send('super1', c.id, event, { idempotencyKey: 'retry-2' }));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toBe(
        'Idempotency-Key retry-2 was already used on this case by someone else',
      );
      expect(await records(c.id)).toHaveLength(2);
    });

    it('refuses a key sent again with another request, saying what may be sent now', async () => {
      const c = await open();
      await send('gw1', c.id, extend(5), { idempotencyKey: 'retry-3' });
      const error = await failure(
        send('gw1', c.id, { type: 'ESCALATE', reason: 'x' }, { idempotencyKey: 'retry-3' }),
      );
      expect(error).toBeInstanceOf(EventRefusedError);
      const refused = error as EventRefusedError;
      expect(refused.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(refused.params).toEqual({ key: 'retry-3' });
      expect(refused.allowedEvents).toEqual(
        expect.arrayContaining(['ESCALATE', 'EXTEND_DEADLINE']),
      );
      expect(refused.allowedEvents).not.toContain('ACCEPT');
      expect(await records(c.id)).toHaveLength(2);
    });

    it('masks a replayed answer for a caller who may no longer see the numbers', async () => {
      const c = await open();
      const event = extend(5);
      const first = await send('gw1', c.id, event, { idempotencyKey: 'retry-4' });
      expect(first.parties[0].phone).toBe(PARTIES[0].phone);
      // Closed: its former handler sees the numbers masked from now on.
      await send('gw1', c.id, { type: 'WITHDRAW', reason: 'the applicant withdrew' });
      const replay = await send('gw1', c.id, event, { idempotencyKey: 'retry-4' });
      expect(replay.version).toBe(2);
      expect(replay.parties[0].phone).not.toBe(PARTIES[0].phone);
      expect(replay.parties[0].phone).toMatch(/\*/);
      expect(replay.parties[0].name).toBe(PARTIES[0].name);
    });

    it('gives two racing sends with one key the one answer', async () => {
      const c = await open();
      const event = extend(5);
      const [a, b] = await Promise.all([
        send('gw1', c.id, event, { idempotencyKey: 'retry-5' }),
        send('gw1', c.id, event, { idempotencyKey: 'retry-5' }),
      ]);
      expect(a).toEqual(b);
      expect(await records(c.id)).toHaveLength(2);
    });
  });
});

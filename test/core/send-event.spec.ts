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
import { Logger } from '@nestjs/common';
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
    world = await buildWorld(api, [
      'gw1',
      'gw3',
      'officer1',
      'lawyer1',
      'super1',
      'police1',
      'pPolice',
      'pJudicial',
      'pLaw',
      'pCourt',
    ]);
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
      // Told once: the case's later events do not report it again.
      await send('gw1', c.id, extend(5));
      expect(await notices(c.id, 'police_report')).toHaveLength(sent.length);
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

  describe('what stays counted', () => {
    it('keeps an agreement counted after it fails at follow-up and the case goes back to mediation', async () => {
      const c = await open();
      await send('gw1', c.id, { type: 'ESCALATE', reason: 'needs a lawyer' });
      await send('officer1', c.id, {
        type: 'ACCEPT',
        officerId: world.id.officer1,
        lawyerId: world.id.lawyer1,
      });
      await send('officer1', c.id, {
        type: 'REACH_AGREEMENT',
        terms: 'Pay 500',
        signedByPartyIds: ['p1', 'p2'],
      });
      await send('officer1', c.id, { type: 'REQUEST_JUDICIAL_CONFIRMATION' });
      await send('super1', c.id, { type: 'RECORD_CONFIRMATION', confirmed: true, note: 'valid' });
      const back = await send('officer1', c.id, { type: 'RECORD_FOLLOW_UP', performed: 'partial' });
      expect(back.status).toBe('yellow.jointReview');
      expect((await row(c.id)).snapshot.context.agreement).toBeNull();
      expect(await row(c.id)).toMatchObject({ agreementReached: true, judiciallyConfirmed: true });
    });

    it('counts no agreement for a case from before the columns (NULL) until one is reached', async () => {
      const c = await open();
      await api.app
        .get(DataSource)
        .query(
          `UPDATE disputes SET agreement_reached = NULL, judicially_confirmed = NULL WHERE id = ${
            driver === 'postgres' ? '$1' : '?'
          }`,
          [c.id],
        );
      await send('gw1', c.id, extend(5));
      expect(await row(c.id)).toMatchObject({
        agreementReached: false,
        judiciallyConfirmed: false,
      });
    });

    it('times every applied transition by its event, in seconds', async () => {
      const c = await open();
      const histogram = async () => {
        const { values } = await api.app.get(Metrics).transitionSeconds.get();
        const of = (suffix: string) =>
          values.find(
            (v) =>
              v.metricName === `tricolor_transition_duration_seconds_${suffix}` &&
              v.labels.event === 'RECORD_CONSENT',
          )?.value ?? 0;
        return { count: of('count'), sum: of('sum') };
      };
      const before = await histogram();
      await send('gw1', c.id, { type: 'RECORD_CONSENT', partyIds: ['p1'], form: 'application' });
      const after = await histogram();
      expect(after.count).toBe(before.count + 1);
      expect(after.sum - before.sum).toBeGreaterThan(0);
      expect(after.sum - before.sum).toBeLessThan(10);
    });

    it('logs each transition with ids, event and states, never a party’s name or number', async () => {
      const lines = (spy: jest.SpyInstance) =>
        spy.mock.calls
          .filter((_, i) => (spy.mock.contexts[i] as { context?: string }).context === 'Transition')
          .map(([line]) => line as Record<string, unknown>);
      const c = await open();
      const info = jest.spyOn(Logger.prototype, 'log');
      const error = jest.spyOn(Logger.prototype, 'error');
      try {
        await send('gw1', c.id, extend(5));
        await failure(send('gw1', c.id, extend(5), { expectedVersion: 1 }));
        expect(lines(info)).toEqual([
          {
            msg: 'transition applied',
            event: 'EXTEND_DEADLINE',
            result: 'applied',
            caseId: c.id,
            userId: world.id.gw1,
            from: 'blue.mediating',
            to: 'blue.mediating',
          },
          {
            msg: 'transition conflict',
            event: 'EXTEND_DEADLINE',
            result: 'conflict',
            caseId: c.id,
            userId: world.id.gw1,
            error: 'stale version: expected 1, the case is at 2',
          },
        ]);
        expect(lines(error)).toEqual([]);
        const logged = JSON.stringify(lines(info));
        for (const p of PARTIES) {
          expect(logged).not.toContain(p.name);
          expect(logged).not.toContain(p.phone);
        }
      } finally {
        info.mockRestore();
        error.mockRestore();
      }
    });

    it('a write the database fails is an error: counted, logged as one, and nothing is written', async () => {
      const c = await open();
      const db = api.app.get(DataSource);
      const errors = await count('ESCALATE', 'error');
      const logged = jest.spyOn(Logger.prototype, 'error');
      // The escalation's notices cannot be written: the table is gone for the moment.
      await db.query('ALTER TABLE notifications RENAME TO notifications_away');
      let failed: Error;
      let errorLines: unknown[];
      try {
        failed = await failure(send('gw1', c.id, { type: 'ESCALATE', reason: 'needs a lawyer' }));
        errorLines = logged.mock.calls.map(([line]) => line);
      } finally {
        await db.query('ALTER TABLE notifications_away RENAME TO notifications');
        logged.mockRestore();
      }
      expect(failed).not.toBeInstanceOf(ConflictError);
      expect(failed).not.toBeInstanceOf(EventRefusedError);
      expect(await count('ESCALATE', 'error')).toBe(errors + 1);
      expect(errorLines).toContainEqual(
        expect.objectContaining({ msg: 'transition error', result: 'error', caseId: c.id }),
      );
      // Nothing half-done: the case, its trail and its timers are as they were.
      expect(await row(c.id)).toMatchObject({ version: 1, tier: 'blue', status: 'blue.mediating' });
      expect(await records(c.id)).toHaveLength(1);
      const blue = await repo(TimerEntity).findOneByOrFail({
        id: timerRowId(c.id, blueDeadline(c).timerId),
      });
      expect(blue.status).toBe('scheduled');
    });

    it('names in CONVENE_PANEL and REPLACE_MEDIATOR the users the event carries', async () => {
      const red = await open({ requestedTier: 'red', tierReason: 'a threat of violence' });
      const convened = await send('pPolice', red.id, {
        type: 'CONVENE_PANEL',
        members: [
          { userId: world.id.pPolice, institution: 'police_station' },
          { userId: world.id.pJudicial, institution: 'judicial_office' },
          { userId: world.id.pLaw, institution: 'law_firm' },
          { userId: world.id.pCourt, institution: 'court' },
        ],
      });
      expect(convened.status).toBe('red.panelMediation');

      const yellow = await open();
      await send('gw1', yellow.id, { type: 'ESCALATE', reason: 'needs a lawyer' });
      await send('officer1', yellow.id, {
        type: 'ACCEPT',
        officerId: world.id.officer1,
        lawyerId: world.id.lawyer1,
      });
      const created = await api
        .http()
        .post('/admin/users')
        .set('Authorization', `Bearer ${world.token.admin}`)
        .send({
          username: 'lawyer-two',
          password: 'password-123',
          displayName: 'lawyer two',
          role: 'lawyer',
          unitCode: 'S1',
        });
      expect(created.status).toBe(201);
      const replaced = await send('officer1', yellow.id, {
        type: 'REPLACE_MEDIATOR',
        replacedUserId: world.id.lawyer1,
        replacementUserId: (created.body as { id: string }).id,
        reason: 'a party asked',
      });
      expect(replaced.lawyerId).toBe((created.body as { id: string }).id);
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
      // (An event that arms no timer: a new timer row would collide with the other's first.)
      const missed = await failure(
        tx.run((m) =>
          service.applyWithin(m, {
            actor: actorGw1,
            disputeId: c.id,
            event: { type: 'RECORD_CONSENT', partyIds: ['p1'], form: 'application' },
            loaded: { dispute: stale, head: { seq: fresh.seq, hash: fresh.hash } },
          }),
        ),
      );
      expect(missed).toBeInstanceOf(ConflictError);
      expect(missed.message).toBe('the case changed while RECORD_CONSENT was being applied: retry');
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

    it('the batch stops on the checked case update alone, when the case row moved on', async () => {
      const c = await open();
      const tx = api.app.get(TransactionRunner);
      const actorGw1 = await actor('gw1');
      const defer = new DeferredWrites();
      await tx.run((m) =>
        service.applyWithin(m, {
          actor: actorGw1,
          disputeId: c.id,
          event: { type: 'RECORD_CONSENT', partyIds: ['p1'], form: 'application' },
          defer,
        }),
      );
      // Only the row's version moves: the record and timer writes alone would all succeed.
      await repo(DisputeEntity).update({ id: c.id }, { version: 5 });
      await expect(tx.run((m) => defer.run(m))).rejects.toThrow();
      expect(await records(c.id)).toHaveLength(1);
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
      const refusedBefore = await count('ESCALATE', 'refused');
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
      // Counted once, as a refusal.
      expect(await count('ESCALATE', 'refused')).toBe(refusedBefore + 1);
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

    (driver === 'postgres' ? it : it.skip)(
      'gives a send that lost the race for its key the winner’s answer (PostgreSQL)',
      async () => {
        // Both sends read the case and find no record of the key, then wait at their write
        // while the test holds the row; released, one writes and the other fails on the key
        // and answers with the winner's record. (SQLite runs one transaction at a time: the
        // second finds the first's record before it writes, the test below.)
        const c = await open();
        const db = api.app.get(DataSource);
        const holder = db.createQueryRunner();
        await holder.connect();
        await holder.startTransaction();
        try {
          await holder.query('SELECT id FROM disputes WHERE id = $1 FOR UPDATE', [c.id]);
          const event = extend(5);
          const racing = [1, 2].map(() =>
            send('gw1', c.id, event, { idempotencyKey: 'retry-6' }).then(
              (view) => view,
              (error: Error) => error,
            ),
          );
          const until = Date.now() + 10_000;
          const waiting = async (): Promise<number> => {
            const [{ n }] = await db.query<{ n: number }[]>(
              `SELECT count(*)::int AS n FROM pg_stat_activity
               WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            );
            return n;
          };
          while ((await waiting()) < 2 && Date.now() < until) {
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          expect(await waiting()).toBe(2);
          await holder.rollbackTransaction();
          const [a, b] = await Promise.all(racing);
          expect(a).not.toBeInstanceOf(Error);
          expect(b).toEqual(a);
          expect(await records(c.id)).toHaveLength(2);
        } finally {
          if (holder.isTransactionActive) await holder.rollbackTransaction();
          await holder.release();
        }
      },
    );

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

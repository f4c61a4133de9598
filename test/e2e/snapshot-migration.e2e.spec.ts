/**
 * Machine versions 2 and 3 (the People's Mediation Law review, docs/law.md): every open case
 * persisted by version 1 or 2 is migrated when the server starts — in the same state, its timers
 * intact, the migration in its audit trail — on SQLite and on PostgreSQL.
 */
import { MIGRATION_RECORD_TYPE, SendEventService, SnapshotMigrationService } from '@tricolor/core';
import {
  DisputeEntity,
  DisputeEventEntity,
  RowCodec,
  TimerEntity,
  TransactionRunner,
  WriteBatch,
} from '@tricolor/persistence';
import { MACHINE_VERSION, type PersistedWorkflow } from '@tricolor/workflow';
import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../support/api';
import { worldClient } from '../support/client';
import { DRIVERS } from '../support/databases';
import { buildWorld, type World } from '../support/world';

/** The context fields machine version 2 added: a version-1 snapshot has none of them. */
const V2_FIELDS = [
  'source',
  'consents',
  'rightsNotices',
  'routesNotice',
  'otherRoute',
  'screening',
  'policeReportRequired',
  'policeReports',
];

interface Opened {
  id: string;
  status: string;
}

describe.each(DRIVERS)(
  `snapshot migration to machine version ${MACHINE_VERSION} on %s`,
  (driver) => {
    let api: TestApi;
    let world: World;
    let cases: Record<string, string> = {};
    /** The same states, persisted by version 2 (issue 16, points 8–9 and the window fix). */
    let casesV2: Record<string, string> = {};
    const client = worldClient(
      () => api,
      () => world,
    );
    const { as, send } = client;
    const open = async (overrides: object = {}) => (await client.open<Opened>('gw1', overrides)).id;

    beforeAll(async () => {
      api = await startApi(driver, { RUN_WORKER: 'false' });
      world = await buildWorld(api);
      const accept = { type: 'ACCEPT', officerId: world.id.officer1, lawyerId: world.id.lawyer1 };
      const panel = {
        type: 'CONVENE_PANEL',
        members: [
          { userId: world.id.pPolice, institution: 'police_station' },
          { userId: world.id.pJudicial, institution: 'judicial_office' },
          { userId: world.id.pLaw, institution: 'law_firm' },
          { userId: world.id.pCourt, institution: 'court' },
        ],
      };
      const agreement = {
        type: 'REACH_AGREEMENT',
        terms: 'Fix the pipe',
        signedByPartyIds: ['p1', 'p2'],
      };

      cases = await openEveryState(accept, panel, agreement);
      for (const id of Object.values(cases)) await asVersion1(id);
      casesV2 = await openEveryState(accept, panel, agreement);
      for (const id of Object.values(casesV2)) await asVersion2(id);
    }, 240_000);
    afterAll(() => api?.close());

    /** A fresh case in every status, through the API. */
    async function openEveryState(
      accept: object,
      panel: object,
      agreement: object,
    ): Promise<Record<string, string>> {
      const cases: Record<string, string> = {};
      cases['blue.mediating'] = await open();
      cases['yellow.awaitingAcceptance'] = await open();
      await send('gw1', cases['yellow.awaitingAcceptance'], { type: 'ESCALATE', reason: 'legal' });
      cases['yellow.jointReview'] = await open({ requestedTier: 'yellow' });
      await send('officer1', cases['yellow.jointReview'], accept);
      cases['red.convening'] = await open({ requestedTier: 'red' });
      cases['red.panelMediation'] = await open({ requestedTier: 'red' });
      await send('super1', cases['red.panelMediation'], panel);
      cases.agreed = await open();
      await send('gw1', cases.agreed, agreement);
      cases['agreed.judicialConfirmation'] = await open();
      await send('gw1', cases['agreed.judicialConfirmation'], agreement);
      await send('gw1', cases['agreed.judicialConfirmation'], {
        type: 'REQUEST_JUDICIAL_CONFIRMATION',
      });
      cases.followUp = await open();
      await send('gw1', cases.followUp, agreement);
      const followUpTimer = (await load(cases.followUp)).snapshot.context.timers.find(
        (t) => t.fires === 'FOLLOW_UP_DUE',
      );
      await api.app.get(SendEventService).send({
        actor: { id: 'system', role: 'system' },
        disputeId: cases.followUp,
        event: { type: 'FOLLOW_UP_DUE', timerId: followUpTimer?.id ?? '' },
        at: new Date(followUpTimer?.dueAt ?? ''),
      });
      cases.suspended = await open();
      await send('gw1', cases.suspended, { type: 'SUSPEND', reason: 'in hospital' });
      cases.closed = await open();
      await send('gw1', cases.closed, { type: 'WITHDRAW', reason: 'settled themselves' });
      return cases;
    }

    const load = async (id: string) =>
      await api.app.get(DataSource).manager.findOneOrFail(DisputeEntity, { where: { id } });
    const timerRows = (id: string) =>
      api.app
        .get(DataSource)
        .manager.find(TimerEntity, { where: { disputeId: id }, order: { id: 'ASC' } });
    const trail = (id: string) =>
      api.app
        .get(DataSource)
        .manager.find(DisputeEventEntity, { where: { disputeId: id }, order: { seq: 'ASC' } });

    /** Rewrites a case as machine version 1 persisted it. */
    async function asVersion1(id: string): Promise<void> {
      const dispute = await load(id);
      const context: Record<string, unknown> = { ...dispute.snapshot.context };
      for (const field of V2_FIELDS) delete context[field];
      const snapshot = {
        ...dispute.snapshot,
        machineVersion: 1,
        context,
      } as unknown as PersistedWorkflow;
      await api.app.get(TransactionRunner).run((m) =>
        new WriteBatch()
          .add(
            RowCodec.of(m, DisputeEntity).update({ snapshot, machineVersion: 1 }, 'id = :id', {
              id,
            }),
          )
          .run(m),
      );
    }

    /**
     * Rewrites a case as machine version 2 persisted it: no signature records, and a case in
     * followUp without the window's timers (version 2 cancelled them on the way there).
     */
    async function asVersion2(id: string): Promise<void> {
      const dispute = await load(id);
      const snapshot = JSON.parse(JSON.stringify(dispute.snapshot)) as PersistedWorkflow;
      if (snapshot.context.agreement) delete snapshot.context.agreement.signatures;
      const windowIds =
        dispute.status === 'followUp'
          ? snapshot.context.timers.filter((t) => t.scope === 'agreed').map((t) => t.id)
          : [];
      snapshot.context.timers = snapshot.context.timers.filter((t) => !windowIds.includes(t.id));
      await api.app.get(TransactionRunner).run(async (m) => {
        await new WriteBatch()
          .add(
            RowCodec.of(m, DisputeEntity).update(
              { snapshot: { ...snapshot, machineVersion: 2 }, machineVersion: 2 },
              'id = :id',
              { id },
            ),
          )
          .run(m);
        for (const timerId of windowIds)
          await m.update(
            TimerEntity,
            { id: `${id}-${timerId}` },
            { status: 'cancelled', cancelReason: 'version 2 left agreed' },
          );
      });
    }

    it('migrates every open case once, keeping its state and timers, and records it in its trail', async () => {
      const before = new Map<
        string,
        { dispute: DisputeEntity; timers: TimerEntity[]; records: number }
      >();
      for (const [status, id] of Object.entries(cases)) {
        const dispute = await load(id);
        expect([status, dispute.status, dispute.machineVersion]).toEqual([status, status, 1]);
        before.set(id, { dispute, timers: await timerRows(id), records: (await trail(id)).length });
      }

      for (const [status, id] of Object.entries(casesV2)) {
        const dispute = await load(id);
        expect([status, dispute.status, dispute.machineVersion]).toEqual([status, status, 2]);
        before.set(id, { dispute, timers: await timerRows(id), records: (await trail(id)).length });
      }

      const report = await api.app.get(SnapshotMigrationService).migrateAll();
      const open = Object.entries(cases).filter(([s]) => s !== 'closed');
      const openV2 = Object.entries(casesV2).filter(([s]) => s !== 'closed');
      expect(report.migrated.sort()).toEqual([...open, ...openV2].map(([, id]) => id).sort());
      expect(report.skipped).toEqual([]);

      for (const [status, id] of openV2) {
        const was = before.get(id);
        if (!was) throw new Error(status);
        const now = await load(id);
        expect([now.status, now.machineVersion]).toEqual([status, MACHINE_VERSION]);
        expect(now.snapshot.value).toEqual(was.dispute.snapshot.value);
        expect(now.snapshot.context.timers).toEqual(was.dispute.snapshot.context.timers);
        expect(await timerRows(id)).toEqual(was.timers);
        if (now.snapshot.context.agreement)
          expect(now.snapshot.context.agreement.signatures).toEqual([
            { partyId: 'p1', signedBy: 'p1', as: 'party' },
            { partyId: 'p2', signedBy: 'p2', as: 'party' },
          ]);
        const records = await trail(id);
        expect(records).toHaveLength(was.records + 1);
        expect(records.at(-1)).toMatchObject({
          type: MIGRATION_RECORD_TYPE,
          actorId: 'system',
          fromStatus: status,
          toStatus: status,
          payload: { fromVersion: 2, toVersion: MACHINE_VERSION },
        });
        if (status === 'followUp')
          expect(JSON.stringify(records.at(-1)?.payload)).toMatch(
            /joint application is accepted until/,
          );
        const verdict = await as('super1').get(`/disputes/${id}/audit/verify`);
        expect(verdict.body).toMatchObject({ intact: true });
      }

      for (const [status, id] of open) {
        const was = before.get(id);
        if (!was) throw new Error(status);
        const now = await load(id);
        expect(now.status).toBe(status);
        expect(now.machineVersion).toBe(MACHINE_VERSION);
        expect(now.snapshot.machineVersion).toBe(MACHINE_VERSION);
        expect(now.version).toBe(was.dispute.version + 1);
        expect(now.snapshot.value).toEqual(was.dispute.snapshot.value);
        // timers intact: in the snapshot and as rows
        expect(now.snapshot.context.timers).toEqual(was.dispute.snapshot.context.timers);
        expect(now.snapshot.context.pausedTimers).toEqual(
          was.dispute.snapshot.context.pausedTimers,
        );
        expect(await timerRows(id)).toEqual(was.timers);
        expect(now.snapshot.context.consents).toEqual([]);
        const records = await trail(id);
        expect(records).toHaveLength(was.records + 1);
        const last = records.at(-1);
        expect(last).toMatchObject({
          type: MIGRATION_RECORD_TYPE,
          actorId: 'system',
          fromStatus: status,
          toStatus: status,
          machineVersion: MACHINE_VERSION,
          payload: { fromVersion: 1, toVersion: MACHINE_VERSION },
        });
        const verdict = await as('super1').get(`/disputes/${id}/audit/verify`);
        expect(verdict.body).toMatchObject({ intact: true });
      }

      // A closed case is never written again; it still reads.
      const closed = await load(cases.closed ?? '');
      expect(closed.machineVersion).toBe(1);
      expect((await load(casesV2.closed ?? '')).machineVersion).toBe(2);
      const allowed = await as('gw1').get(`/disputes/${cases.closed}/allowed-events`);
      expect(allowed.status).toBe(200);

      // Running again (a second process starting) changes nothing.
      expect(await api.app.get(SnapshotMigrationService).migrateAll()).toEqual({
        migrated: [],
        skipped: [],
      });
    });

    it('PML Art. 33: a version-2 followUp case applies for confirmation while its window runs', async () => {
      const id = casesV2.followUp ?? '';
      await send('gw1', id, { type: 'REQUEST_JUDICIAL_CONFIRMATION' });
      expect((await load(id)).status).toBe('agreed.judicialConfirmation');
    });

    it('a migrated case goes on: consent first (PML Art. 17), then the agreement', async () => {
      const id = cases['blue.mediating'] ?? '';
      const refused = await as('gw1').post(`/disputes/${id}/events`, {
        type: 'REACH_AGREEMENT',
        terms: 'Fix the pipe',
        signedByPartyIds: ['p1', 'p2'],
      });
      expect(refused.status).toBe(422);
      expect(JSON.stringify(refused.body)).toMatch(/RECORD_CONSENT/);
      await send('gw1', id, { type: 'RECORD_CONSENT', partyIds: ['p1', 'p2'], form: 'consent' });
      await send('gw1', id, {
        type: 'REACH_AGREEMENT',
        terms: 'Fix the pipe',
        signedByPartyIds: ['p1', 'p2'],
      });
      expect((await load(id)).status).toBe('agreed');
    });
  },
);

import { ReportOverdueService } from '@tricolor/core';
import type { Response } from 'supertest';
import { startApi, type TestApi } from '../support/api';
import { worldClient } from '../support/client';
import { DRIVERS } from '../support/databases';
import { PARTIES, buildWorld, type World } from '../support/world';

/** The community police room (issue 15): the team, 社情 reports, the overdue flag and the map. */
describe.each(DRIVERS)('the community police room on %s', (driver) => {
  let api: TestApi;
  let world: World;
  // Team members the shared world lacks: two auxiliary police and a volunteer.
  const extra = {} as Record<'aux1' | 'aux2' | 'vol1', { id: string; token: string }>;

  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false' });
    world = await buildWorld(api);
    const admin = world.token.admin;
    for (const [username, role, unitCode] of [
      ['aux1', 'auxiliary_police', 'C1'],
      ['aux2', 'auxiliary_police', 'C1'],
      ['vol1', 'volunteer', 'G1'],
    ] as const) {
      const res = await api
        .http()
        .post('/admin/users')
        .set('Authorization', `Bearer ${admin}`)
        .send({ username, password: 'password-123', displayName: username, role, unitCode });
      expect(res.status).toBe(201);
      extra[username] = { id: (res.body as { id: string }).id, token: await api.login(username) };
    }
  }, 120_000);
  afterAll(() => api?.close());

  const client = worldClient(
    () => api,
    () => world,
  );
  type Who = Parameters<typeof client.as>[0] | keyof typeof extra;
  const tokenOf = (who: Who) =>
    who in extra
      ? extra[who as keyof typeof extra].token
      : world.token[who as Parameters<typeof client.as>[0]];
  const idOf = (who: Who): string =>
    who in extra ? extra[who as keyof typeof extra].id : world.id[who as keyof World['id']];
  const as = (who: Who) => ({
    get: (path: string) =>
      api
        .http()
        .get(path)
        .set('Authorization', `Bearer ${tokenOf(who)}`),
    post: (path: string, body: object = {}) =>
      api
        .http()
        .post(path)
        .set('Authorization', `Bearer ${tokenOf(who)}`)
        .send(body),
    put: (path: string, body: object) =>
      api
        .http()
        .put(path)
        .set('Authorization', `Bearer ${tokenOf(who)}`)
        .send(body),
    delete: (path: string) =>
      api
        .http()
        .delete(path)
        .set('Authorization', `Bearer ${tokenOf(who)}`),
  });

  interface Report {
    id: string;
    reference: string;
    status: string;
    version: number;
    concerned: { name: string; phone?: string; idNumber?: string; note?: string }[];
    disclosure: string;
    reviewDueAt: string;
    lookedAt: string | null;
    disputeId: string | null;
    handlingNote: string | null;
    location: { lon: number; lat: number } | null;
  }
  const fraudReport = {
    gridCode: 'G1',
    category: 'fraud_risk',
    urgency: 'high',
    summary: 'Ms Li may have received a fraud call: 11 of the 15 features of the bank script',
    place: 'Building 3, unit 2',
    concerned: [
      { name: '李女士', phone: '13800138000', idNumber: '370202199001011234', note: 'lives alone' },
    ],
    location: { lon: 120.3826, lat: 36.0671 },
  };
  async function file(who: Who, overrides: object = {}): Promise<Report> {
    const res = await as(who).post('/community/reports', { ...fraudReport, ...overrides });
    expect(res.status).toBe(201);
    return res.body as Report;
  }
  const messageOf = (res: Response) => (res.body as { message: string | string[] }).message;

  describe('the 1+1+2+N+N team', () => {
    it('is set up by the admin, shown with its roles and gaps, and every change is audited', async () => {
      for (const [who, teamRole] of [
        ['super1', 'cadre'],
        ['police1', 'community_police'],
        ['aux1', 'auxiliary_police'],
        ['gw1', 'grid_worker'],
        ['gw2', 'grid_worker'],
        ['vol1', 'volunteer'],
      ] as const) {
        const res = await as('admin').post('/communities/C1/team', { userId: idOf(who), teamRole });
        expect(res.status).toBe(201);
      }
      const team = await as('police1').get('/communities/C1/team');
      expect(team.status).toBe(200);
      const body = team.body as {
        members: { username: string; teamRole: string }[];
        counts: Record<string, number>;
        gaps: string[];
      };
      expect(body.members.map((m) => [m.teamRole, m.username])).toEqual([
        ['cadre', 'super1'],
        ['community_police', 'police1'],
        ['auxiliary_police', 'aux1'],
        ['grid_worker', 'gw1'],
        ['grid_worker', 'gw2'],
        ['volunteer', 'vol1'],
      ]);
      expect(body.gaps).toEqual(['1 of 2 auxiliary police']);

      // A supervisor of the street completes it; a grid worker may not touch it.
      expect(
        (
          await as('gw1').post('/communities/C1/team', {
            userId: idOf('aux2'),
            teamRole: 'auxiliary_police',
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await as('super1').post('/communities/C1/team', {
            userId: idOf('aux2'),
            teamRole: 'auxiliary_police',
          })
        ).status,
      ).toBe(201);
      expect(
        ((await as('gw1').get('/communities/C1/team')).body as { gaps: string[] }).gaps,
      ).toEqual([]);

      // The wrong person for a team role, or twice on the team.
      const misfit = await as('admin').post('/communities/C1/team', {
        userId: idOf('gw3'),
        teamRole: 'grid_worker',
      });
      expect(misfit.status).toBe(400);
      expect(messageOf(misfit)).toMatch(/^teamRole .*grid of community C1/);
      expect(
        (
          await as('admin').post('/communities/C1/team', {
            userId: idOf('gw1'),
            teamRole: 'grid_worker',
          })
        ).status,
      ).toBe(409);
      // Another street's people do not see the team.
      expect((await as('gw3').get('/communities/C1/team')).status).toBe(404);
      expect((await as('super2').get('/communities/C1/team')).status).toBe(404);

      expect((await as('admin').delete(`/communities/C1/team/${idOf('gw2')}`)).status).toBe(200);
      const changes = (await as('super1').get('/communities/C1/team/changes')).body as {
        userId: string;
        change: string;
        teamRole: string;
        actorRole: string;
      }[];
      expect(changes.map((c) => c.change)).toEqual([...Array<string>(7).fill('added'), 'removed']);
      expect(changes[7]).toMatchObject({
        userId: idOf('gw2'),
        teamRole: 'grid_worker',
        actorRole: 'admin',
      });
      expect(changes[6]).toMatchObject({ userId: idOf('aux2'), actorRole: 'supervisor' });
    });
  });

  describe('社情 reports', () => {
    it('go from the grid to the queue to a dispute that keeps the link and the pre-filled form', async () => {
      const filed = await file('gw1');
      expect(filed).toMatchObject({
        status: 'open',
        disclosure: 'full',
        lookedAt: null,
        version: 1,
      });
      expect(filed.concerned[0].phone).toBe('13800138000');
      expect(Date.parse(filed.reviewDueAt)).toBeGreaterThan(Date.now());

      // The community police officer's queue, next morning: the open reports, urgent first.
      await file('gw2', {
        gridCode: 'G2',
        urgency: 'low',
        category: 'safety_hazard',
        concerned: [],
      });
      const queue = await as('police1').get('/community/reports?status=open');
      expect(queue.status).toBe(200);
      const items = (queue.body as { items: Report[] }).items;
      expect(items[0].id).toBe(filed.id);
      expect(items[0].concerned[0].idNumber).toBe('370202199001011234');
      // Only G1 for its grid worker; nothing for another street.
      expect(
        ((await as('gw1').get('/community/reports')).body as { items: Report[] }).items.map(
          (r) => r.id,
        ),
      ).toEqual([filed.id]);
      expect(((await as('gw3').get('/community/reports')).body as { total: number }).total).toBe(0);
      expect((await as('gw3').get(`/community/reports/${filed.id}`)).status).toBe(404);
      expect((await as('lawyer1').get(`/community/reports/${filed.id}`)).status).toBe(404);

      const intake = await as('police1').get(`/community/reports/${filed.id}/intake`);
      expect(intake.status).toBe(200);
      expect(intake.body).toMatchObject({
        title: fraudReport.summary,
        category: 'fraud_risk',
        gridCode: 'G1',
        parties: [{ name: '李女士', role: 'applicant', phone: '13800138000' }],
        riskIndicators: ['vulnerable_party'],
        location: fraudReport.location,
      });
      expect((intake.body as { description: string }).description).toContain(filed.reference);

      // One party is not enough for a dispute: the completed form is checked as POST /disputes.
      const short = await as('police1').post(`/community/reports/${filed.id}/convert`, {});
      expect(short.status).toBe(400);
      expect(JSON.stringify(short.body)).toMatch(/parties/);
      // Auxiliary police work reports but do not open cases.
      const aux = await as('aux1').post(`/community/reports/${filed.id}/convert`, {
        parties: PARTIES,
      });
      expect(aux.status).toBe(403);

      const converted = await as('police1').post(`/community/reports/${filed.id}/convert`, {
        parties: [
          { name: '李女士', role: 'applicant', phone: '13800138000' },
          { name: '王某', role: 'respondent' },
        ],
        expectedVersion: 1,
      });
      expect(converted.status).toBe(201);
      const { report, dispute } = converted.body as {
        report: Report;
        dispute: { id: string; reportId: string; location: unknown; title: string; status: string };
      };
      expect(report).toMatchObject({ status: 'converted', disputeId: dispute.id, version: 2 });
      expect(report.lookedAt).not.toBeNull();
      expect(dispute).toMatchObject({
        reportId: filed.id,
        location: fraudReport.location,
        status: 'blue.mediating',
      });
      const read = await as('gw1').get(`/disputes/${dispute.id}`);
      expect(read.body).toMatchObject({ reportId: filed.id, title: fraudReport.summary });
      const opened = (
        (await as('gw1').get(`/disputes/${dispute.id}/events`)).body as {
          type: string;
          payload: object;
        }[]
      )[0];
      expect(opened).toMatchObject({ type: 'OPEN', payload: { reportId: filed.id } });

      const trail = (await as('police1').get(`/community/reports/${filed.id}/events`)).body as {
        type: string;
        seq: number;
        actorId: string;
      }[];
      expect(trail.map((e) => [e.seq, e.type, e.actorId])).toEqual([
        [1, 'FILED', idOf('gw1')],
        [2, 'CONVERTED', idOf('police1')],
      ]);
      // Converted once: again is a conflict, and no second case is opened.
      expect(
        (await as('police1').post(`/community/reports/${filed.id}/convert`, { parties: PARTIES }))
          .status,
      ).toBe(409);
    });

    it('are handled with a note or assigned to a team member, each step audited', async () => {
      const r = await file('gw1', { category: 'help_needed', urgency: 'normal' });
      // Only a team member can take the follow-up.
      const outsider = await as('aux1').post(`/community/reports/${r.id}/assign`, {
        assigneeId: idOf('gw3'),
        followUp: 'visit',
      });
      expect(outsider.status).toBe(400);
      expect(messageOf(outsider)).toMatch(
        /^assigneeId is not a member of the team of community C1/,
      );
      // A grid worker neither assigned nor police does not work it.
      expect(
        (await as('gw1').post(`/community/reports/${r.id}/handle`, { note: 'done' })).status,
      ).toBe(403);

      const assigned = await as('aux1').post(`/community/reports/${r.id}/assign`, {
        assigneeId: idOf('gw1'),
        followUp: 'Take her to the pharmacy on Thursday',
      });
      expect(assigned.status).toBe(200);
      expect(assigned.body).toMatchObject({ status: 'open', assigneeId: idOf('gw1') });
      // The assignee now works it, and closes it.
      const stale = await as('gw1').post(`/community/reports/${r.id}/handle`, {
        note: 'Done',
        expectedVersion: 1,
      });
      expect(stale.status).toBe(409);
      const handled = await as('gw1').post(`/community/reports/${r.id}/handle`, {
        note: 'Went with her; all well',
      });
      expect(handled.status).toBe(200);
      expect(handled.body).toMatchObject({
        status: 'handled',
        handlingNote: 'Went with her; all well',
        version: 3,
      });
      expect(
        (await as('police1').post(`/community/reports/${r.id}/handle`, { note: 'again' })).status,
      ).toBe(409);
      const trail = (await as('super1').get(`/community/reports/${r.id}/events`)).body as {
        type: string;
        actorRole: string;
      }[];
      expect(trail.map((e) => `${e.type}:${e.actorRole}`)).toEqual([
        'FILED:grid_worker',
        'ASSIGNED:auxiliary_police',
        'HANDLED:grid_worker',
      ]);
    });

    it('may be filed by volunteers, who see no personal data and no cases', async () => {
      const own = await file('vol1');
      expect(own.disclosure).toBe('none');
      expect(own.concerned).toEqual([
        { name: '***', phone: '***********', idNumber: '******************' },
      ]);
      expect(
        (await as('vol1').post('/community/reports', { ...fraudReport, gridCode: 'G2' })).status,
      ).toBe(403);

      // The community police see the volunteer's report in full; a supervisor the last digits.
      const full = (await as('police1').get(`/community/reports/${own.id}`)).body as Report;
      expect(full.concerned[0]).toMatchObject({
        name: '李女士',
        phone: '13800138000',
        note: 'lives alone',
      });
      const masked = (await as('super1').get(`/community/reports/${own.id}`)).body as Report;
      expect(masked.disclosure).toBe('masked');
      expect(masked.concerned[0]).toMatchObject({
        name: '李女士',
        phone: '*******8000',
        idNumber: '**************1234',
      });

      await as('police1').post(`/community/reports/${own.id}/handle`, {
        note: 'Called 李女士 on 13800138000',
      });
      const after = (await as('vol1').get(`/community/reports/${own.id}`)).body as Report;
      expect(after.handlingNote).toBe('***');
      const listed = (await as('vol1').get('/community/reports')).body as { items: Report[] };
      expect(listed.items.length).toBeGreaterThan(0);
      expect(JSON.stringify(listed.items)).not.toMatch(/李女士|13800138000|1234/);
      const trail = JSON.stringify(
        (await as('vol1').get(`/community/reports/${own.id}/events`)).body,
      );
      expect(trail).not.toMatch(/13800138000/);

      // No case exists for a volunteer, and the intake form shows them nothing personal.
      await client.open('gw1');
      expect(((await as('vol1').get('/disputes')).body as { total: number }).total).toBe(0);
      const form = (await as('vol1').get(`/community/reports/${own.id}/intake`)).body as {
        parties: { name: string }[];
      };
      expect(form.parties[0].name).toBe('***');
    });

    it('left unlooked-at past the next working day are flagged to the supervisors once', async () => {
      const late = await file('gw1', { urgency: 'normal', category: 'public_order' });
      const seen = await file('gw1', { urgency: 'normal', category: 'public_order' });
      await as('police1').post(`/community/reports/${seen.id}/assign`, {
        assigneeId: idOf('gw1'),
        followUp: 'watch',
      });

      const sweeper = api.app.get(ReportOverdueService);
      const before = new Date(Date.parse(late.reviewDueAt) - 60_000);
      expect(await sweeper.sweep(before)).not.toContain(late.reference);
      const after = new Date(Date.parse(late.reviewDueAt) + 60_000);
      const flagged = await sweeper.sweep(after);
      expect(flagged).toContain(late.reference);
      expect(flagged).not.toContain(seen.reference);
      expect(await sweeper.sweep(after)).toEqual([]);

      const inbox = (await as('super1').get('/me/notifications')).body as {
        items: { kind: string; message: string }[];
      };
      const notices = inbox.items.filter(
        (n) => n.kind === 'report_overdue' && n.message.includes(late.reference),
      );
      expect(notices).toHaveLength(1);
      expect(
        (
          (await as('super2').get('/me/notifications')).body as { items: { kind: string }[] }
        ).items.filter((n) => n.kind === 'report_overdue'),
      ).toEqual([]);
      const trail = (await as('police1').get(`/community/reports/${late.id}/events`)).body as {
        type: string;
        actorId: string;
      }[];
      expect(trail.at(-1)).toMatchObject({ type: 'FLAGGED_OVERDUE', actorId: 'system' });
      const reread = (await as('police1').get(`/community/reports/${late.id}`)).body as {
        overdueFlaggedAt: string | null;
      };
      expect(reread.overdueFlaggedAt).not.toBeNull();
    });

    it('refuse bad input with a 400 naming the field', async () => {
      const bad = async (body: object, field: RegExp) => {
        const res = await as('gw1').post('/community/reports', { ...fraudReport, ...body });
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body)).toMatch(field);
      };
      await bad({ category: 'gossip' }, /category must be one of/);
      await bad({ location: { lon: 200, lat: 36 } }, /location\.lon/);
      await bad({ gridCode: 'C1' }, /gridCode C1 is not a known grid/);
      await bad({ summary: '' }, /summary should not be empty/);
      expect((await as('gw1').get('/community/reports?day=2026-13-01')).status).toBe(400);
      const rolled = await as('gw1').get('/community/reports?day=2026-02-31');
      expect(rolled.status).toBe(400);
      expect(messageOf(rolled)).toBe('day 2026-02-31 is not a calendar date');
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const ofToday = (await as('police1').get(`/community/reports?day=${today}`)).body as {
        total: number;
      };
      expect(ofToday.total).toBeGreaterThan(0);
      const lastYear = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
      expect(
        ((await as('police1').get(`/community/reports?day=${lastYear}`)).body as { total: number })
          .total,
      ).toBe(0);
      expect((await as('gw1').get('/community/reports/not-a-uuid')).status).toBe(400);
    });
  });

  describe('the map', () => {
    const square = (x: number, y: number) => [
      [x, y],
      [x + 0.01, y],
      [x + 0.01, y + 0.01],
      [x, y + 0.01],
      [x, y],
    ];

    it('takes valid grid boundaries only, from the admin or the street supervisor', async () => {
      const set = (who: Who, code: string, geometry: unknown) =>
        as(who).put(`/admin/grids/${code}/boundary`, { geometry });
      const ok = await set('admin', 'G1', {
        type: 'Polygon',
        coordinates: [square(120.38, 36.06)],
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ gridCode: 'G1', bbox: [120.38, 36.06, 120.39, 36.07] });
      expect(
        (
          await set('super1', 'G2', {
            type: 'MultiPolygon',
            coordinates: [[square(120.39, 36.06)]],
          })
        ).status,
      ).toBe(200);
      expect(
        (await set('super2', 'G2', { type: 'Polygon', coordinates: [square(0, 0)] })).status,
      ).toBe(403);
      expect(
        (await set('gw1', 'G1', { type: 'Polygon', coordinates: [square(0, 0)] })).status,
      ).toBe(403);
      expect(
        (await set('admin', 'G9', { type: 'Polygon', coordinates: [square(0, 0)] })).status,
      ).toBe(404);

      for (const [geometry, message] of [
        [
          { type: 'Polygon', coordinates: [square(0, 0).slice(0, 4)] },
          'geometry.coordinates[0] is not closed',
        ],
        [
          {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [0, 0],
              ],
            ],
          },
          'geometry.coordinates[0] must have at least 4 positions',
        ],
        [
          {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [0, 95],
                [1, 1],
                [0, 0],
              ],
            ],
          },
          'geometry.coordinates[0][1] has latitude 95',
        ],
        [
          {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 1],
                [1, 0],
                [0, 1],
                [0, 0],
              ],
            ],
          },
          'geometry.coordinates[0] intersects itself',
        ],
        [{ type: 'LineString', coordinates: [] }, 'geometry.type must be Polygon or MultiPolygon'],
        ['nope', 'geometry must be a GeoJSON geometry object'],
      ] as const) {
        const res = await set('admin', 'G1', geometry);
        expect(res.status).toBe(400);
        expect(messageOf(res)).toContain(message);
      }
    });

    it("shows a street's grids, counts and points, with coordinates only for who may see the case", async () => {
      const at = (lon: number, lat: number) => ({ location: { lon, lat } });
      await client.open('gw1', { ...at(120.385, 36.065), title: 'Leak' });
      await client.open('gw1', { ...at(120.386, 36.066), requestedTier: 'red', title: 'Threats' });
      await client.open('gw2', { ...at(120.395, 36.065), gridCode: 'G2', title: 'Parking' });
      const unplaced = await client.open<{ id: string }>('gw2', {
        gridCode: 'G2',
        title: 'No location',
      });
      await file('gw2', { gridCode: 'G2', ...at(120.396, 36.066), concerned: [] });

      const map = async (who: Who, query = '') => {
        const res = await as(who).get(`/map?street=S1${query}`);
        expect(res.status).toBe(200);
        return res.body as {
          grids: { code: string; boundary: unknown; openCases: number }[];
          cases: { gridCode: string; tier: string; lon: number }[];
          reports: { gridCode: string }[];
        };
      };
      const whole = await map('super1');
      expect(whole.grids.map((g) => [g.code, g.boundary !== null])).toEqual([
        ['G1', true],
        ['G2', true],
        ['G4', false], // the street's second community (C3) has no boundary drawn
      ]);
      const casesIn = (m: typeof whole, grid: string) =>
        m.cases.filter((c) => c.gridCode === grid).length;
      expect(casesIn(whole, 'G1')).toBeGreaterThanOrEqual(2);
      expect(casesIn(whole, 'G2')).toBe(1);
      expect(whole.cases.every((c) => typeof c.lon === 'number')).toBe(true);
      expect(whole.grids.find((g) => g.code === 'G2')?.openCases).toBe(2);
      expect((await map('super1', '&tier=red')).cases.map((c) => c.tier)).toEqual(['red']);
      expect(
        (await map('super1', `&from=${new Date(Date.now() + 3_600_000).toISOString()}`)).cases,
      ).toEqual([]);

      // A grid worker's map: every grid's boundary, but only their own grid's cases and counts.
      const own = await map('gw1');
      expect(own.grids).toHaveLength(3);
      expect(casesIn(own, 'G2')).toBe(0);
      expect(own.grids.find((g) => g.code === 'G2')?.openCases).toBe(0);
      // A volunteer sees report points of their grid and no case at all.
      const volunteer = await map('vol1');
      expect(volunteer.cases).toEqual([]);
      expect(volunteer.reports.every((r) => r.gridCode === 'G1')).toBe(true);
      expect((await as('super2').get('/map?street=S1')).status).toBe(404);

      // A case opened without a location is placed on the map later, on its audit trail.
      const place = (who: Who, body: object) =>
        as(who).put(`/disputes/${unplaced.id}/location`, body);
      expect((await place('gw1', { lon: 120.397, lat: 36.067 })).status).toBe(404);
      expect((await place('officer1', { lon: 120.397, lat: 36.067 })).status).toBe(403);
      expect((await place('gw2', { lon: 200, lat: 36.067 })).status).toBe(400);
      expect((await place('gw2', { lon: 120.397, lat: 36.067, expectedVersion: 7 })).status).toBe(
        409,
      );
      const placed = await place('gw2', { lon: 120.397, lat: 36.067, expectedVersion: 1 });
      expect(placed.status).toBe(200);
      expect(placed.body).toMatchObject({ version: 2, location: { lon: 120.397, lat: 36.067 } });
      const trail = (await as('gw2').get(`/disputes/${unplaced.id}/events`)).body as {
        type: string;
        payload: object;
      }[];
      expect(trail.at(-1)).toMatchObject({
        type: 'LOCATION_SET',
        payload: { lon: 120.397, lat: 36.067 },
      });
      expect((await as('gw2').get(`/disputes/${unplaced.id}/audit/verify`)).body).toMatchObject({
        intact: true,
        records: 2,
      });
      expect(casesIn(await map('super1'), 'G2')).toBe(2);
      expect((await as('super1').get('/map?street=S1&tier=purple')).status).toBe(400);
    });
  });

  describe('the weekly agenda', () => {
    it("lists the week's reports beside the cases", async () => {
      // Rebuilding an agenda is a supervisor's (issue 9).
      const res = await as('super1').get('/agenda?unit=C1&fresh=true');
      expect(res.status).toBe(200);
      const agenda = res.body as {
        open: unknown[];
        reports: { reference: string; status: string }[];
      };
      expect(agenda.open.length).toBeGreaterThan(0);
      expect(agenda.reports.map((r) => r.status)).toEqual(
        expect.arrayContaining(['converted', 'handled', 'open']),
      );
      // The other community's agenda has none of C1's reports.
      const street = (await as('super1').get('/agenda?unit=S1&fresh=true')).body as {
        communities: { reports: unknown[] }[];
      };
      expect(street.communities[0].reports.length).toBe(agenda.reports.length);
    });
  });

  describe('the OpenAPI document', () => {
    interface Doc {
      paths: Record<
        string,
        Record<
          string,
          { operationId?: string; summary?: string; responses: Record<string, unknown> }
        >
      >;
      components: {
        schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
      };
    }
    let doc: Doc;
    beforeAll(async () => {
      doc = (await api.http().get('/docs-json')).body as Doc;
    });

    it('documents every community operation with its id, summary and error statuses', () => {
      const expected: Record<string, [string, string[]]> = {
        'post /community/reports': ['fileReport', ['201', '400', '401', '403']],
        'get /community/reports': ['listReports', ['200', '400', '401']],
        'get /community/reports/{id}': ['getReport', ['200', '400', '401', '404']],
        'get /community/reports/{id}/events': ['getReportEvents', ['200', '400', '401', '404']],
        'post /community/reports/{id}/handle': [
          'handleReport',
          ['200', '400', '401', '403', '404', '409'],
        ],
        'post /community/reports/{id}/assign': [
          'assignReport',
          ['200', '400', '401', '403', '404', '409'],
        ],
        'get /community/reports/{id}/intake': ['getReportIntake', ['200', '400', '401', '404']],
        'post /community/reports/{id}/convert': [
          'convertReport',
          ['201', '400', '401', '403', '404', '409'],
        ],
        'get /communities/{code}/team': ['getTeam', ['200', '401', '404']],
        'get /communities/{code}/team/changes': ['getTeamChanges', ['200', '401', '404']],
        'post /communities/{code}/team': [
          'addTeamMember',
          ['201', '400', '401', '403', '404', '409'],
        ],
        'delete /communities/{code}/team/{userId}': [
          'removeTeamMember',
          ['200', '400', '401', '403', '404'],
        ],
        'put /admin/grids/{code}/boundary': [
          'setGridBoundary',
          ['200', '400', '401', '403', '404'],
        ],
        // The map is a heavy read: past the per-user cap it answers 429 (HEAVY_QUERY_CONCURRENCY).
        'get /map': ['getMap', ['200', '400', '401', '404', '429']],
        'put /disputes/{id}/location': [
          'setDisputeLocation',
          ['200', '400', '401', '403', '404', '409'],
        ],
      };
      for (const [key, [operationId, statuses]] of Object.entries(expected)) {
        const [method, path] = key.split(' ');
        const operation = doc.paths[path]?.[method];
        expect({ key, operationId: operation?.operationId }).toEqual({ key, operationId });
        expect(operation?.summary).toBeTruthy();
        // Every signed-in write may also be throttled (429, THROTTLE_WRITE_*).
        const throttled = method === 'get' ? [] : ['429'];
        expect({ key, statuses: Object.keys(operation?.responses ?? {}).sort() }).toEqual({
          key,
          statuses: [...statuses, ...throttled].sort(),
        });
      }
    });

    it('describes every field the responses carry', async () => {
      const fieldsOf = (schema: string) =>
        Object.keys(doc.components.schemas[schema]?.properties ?? {}).sort();
      const report = (await as('police1').get('/community/reports')).body as { items: object[] };
      expect(Object.keys(report.items[0]).sort()).toEqual(fieldsOf('ReportResponse'));
      const team = (await as('police1').get('/communities/C1/team')).body as object;
      expect(Object.keys(team).sort()).toEqual(fieldsOf('TeamResponse'));
      const map = (await as('super1').get('/map?street=S1')).body as {
        grids: object[];
        cases: object[];
        reports: object[];
      };
      expect(Object.keys(map).sort()).toEqual(fieldsOf('MapDataResponse'));
      expect(Object.keys(map.grids[0]).sort()).toEqual(fieldsOf('MapGridResponse'));
      expect(Object.keys(map.cases[0]).sort()).toEqual(fieldsOf('MapCasePointResponse'));
      expect(Object.keys(map.reports[0]).sort()).toEqual(fieldsOf('MapReportPointResponse'));
    });
  });
});

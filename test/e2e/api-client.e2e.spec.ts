import {
  createTricolorClient,
  type Dispute,
  type DisputeEvent,
  type Schemas,
  type TricolorClient,
} from '@tricolor/api-client';
import { startApi, type TestApi } from '../support/api';
import { OpenApiValidator } from '../support/openapi-validator';
import { waitFor } from '../support/wait';

/**
 * A whole case through the generated client (libs/api-client), as an integrator would write it:
 * every path, parameter, body and answer is typed from docs/openapi.json, with no `any` and no
 * casts, so this file stops compiling when the document stops describing the flow. Every answer
 * is also checked against the document at run time.
 */

/** The data of a successful answer, or a failure naming the status and the error body. */
function ok<T>(what: string, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) {
    throw new Error(`${what}: ${result.response.status} ${JSON.stringify(result.error)}`);
  }
  return result.data;
}

describe('the generated API client walks a whole case (sqlite)', () => {
  let api: TestApi;
  let baseUrl: string;
  let validator: OpenApiValidator;

  const client = (token?: string): TricolorClient => {
    const c = createTricolorClient({ baseUrl, ...(token !== undefined ? { token } : {}) });
    // Hold every answer to the document, as the supertest suites do.
    c.use({
      async onResponse({ request, response }) {
        const text = await response.clone().text();
        const body: unknown = text === '' ? undefined : JSON.parse(text);
        const problem = validator.problem(request.method, request.url, {
          status: response.status,
          body,
          text,
          headers: Object.fromEntries(response.headers.entries()),
        });
        if (problem !== null) throw new Error(`OpenAPI contract: ${problem}\nbody: ${text}`);
        return response;
      },
    });
    return c;
  };

  async function login(username: string, password: string): Promise<TricolorClient> {
    const session = ok(
      `login ${username}`,
      await client().POST('/auth/login', { body: { username, password } }),
    );
    expect(session.tokenType).toBe('Bearer');
    return client(session.accessToken);
  }

  async function send(as: TricolorClient, id: string, event: DisputeEvent): Promise<Dispute> {
    return ok(
      event.type,
      await as.POST('/disputes/{id}/events', { params: { path: { id } }, body: event }),
    );
  }

  beforeAll(async () => {
    // The blue deadline expires in a second, so the worker escalates the case by itself.
    api = await startApi('sqlite', { DEADLINE_BLUE_MEDIATION: 'PT1S' });
    await api.app.listen(0, '127.0.0.1');
    baseUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    validator = OpenApiValidator.forApp(api.app);
  });

  afterAll(() => api.close());

  it('sets up, opens, escalates, accepts, agrees, follows up, verifies and reads timers and inbox', async () => {
    // An admin sets up the district and its people.
    const admin = await login('admin', 'admin-password');
    const district: Schemas['CreateUnit'][] = [
      { code: 'S1', name: '八大湖街道', kind: 'street' },
      { code: 'C1', name: 'Community one', kind: 'community', parentCode: 'S1' },
      { code: 'G1', name: 'Grid one', kind: 'grid', parentCode: 'C1' },
    ];
    for (const unit of district) {
      ok(`unit ${unit.code}`, await admin.POST('/admin/units', { body: unit }));
    }
    const units = ok('units', await admin.GET('/admin/units'));
    expect(units.map((u) => u.code)).toEqual(['C1', 'G1', 'S1']);
    const people: Record<string, Pick<Schemas['CreateUser'], 'role' | 'unitCode'>> = {
      wang: { role: 'grid_worker', unitCode: 'G1' },
      zhou: { role: 'judicial_officer', unitCode: 'S1' },
      lin: { role: 'lawyer', unitCode: 'S1' },
    };
    const ids: Record<string, string> = {};
    for (const [username, person] of Object.entries(people)) {
      const user = ok(
        username,
        await admin.POST('/admin/users', {
          body: { username, password: 'password-123', displayName: username, ...person },
        }),
      );
      ids[username] = user.id;
    }
    const wang = await login('wang', 'password-123');
    const zhou = await login('zhou', 'password-123');

    // A grid worker opens a case; the checklist suggests blue.
    const opened = ok(
      'open',
      await wang.POST('/disputes', {
        body: {
          title: 'Water leaking into the flat below',
          description: 'The bathroom upstairs leaks; the ceiling below is stained.',
          category: 'neighbour',
          gridCode: 'G1',
          parties: [
            { name: '张三', role: 'applicant', phone: '13800138000' },
            { name: '李四', role: 'respondent' },
          ],
          riskIndicators: ['property_damage'],
        },
      }),
    );
    expect(opened).toMatchObject({ tier: 'blue', status: 'blue.mediating', version: 1 });
    expect(opened.riskAssessment.matched.map((m) => m.code)).toEqual(['property_damage']);
    const id = opened.id;
    const path = { params: { path: { id } } };

    // Nobody settles it in time: the deadline escalates it to the judicial office.
    const escalated = await waitFor('the deadline to escalate the case', async () => {
      const { data } = await zhou.GET('/disputes/{id}', path);
      return data?.status === 'yellow.awaitingAcceptance' ? data : undefined;
    });
    expect(escalated.lastEscalation).toMatchObject({ from: 'blue', to: 'yellow', automatic: true });

    // The officer sees what they may do, and accepts it with a lawyer.
    const allowed = ok('allowed', await zhou.GET('/disputes/{id}/allowed-events', path));
    expect(allowed.allowed).toContain('ACCEPT');
    await send(zhou, id, { type: 'ACCEPT', officerId: ids.zhou, lawyerId: ids.lin });

    // A stale version is refused with 409, a refused event with 422: both typed.
    const stale = await zhou.POST('/disputes/{id}/events', {
      ...path,
      body: { type: 'SUSPEND', reason: 'party in hospital', expectedVersion: 1 },
    });
    expect(stale.response.status).toBe(409);
    expect(stale.error?.message).toMatch(/stale version/);
    const refused = await zhou.POST('/disputes/{id}/events', {
      ...path,
      body: { type: 'RESUME' },
    });
    expect(refused.response.status).toBe(422);
    if (refused.response.status === 422 && refused.error !== undefined) {
      expect(refused.error.message).toMatch(/RESUME refused/);
    }

    // The joint review reaches an agreement both parties sign; the follow-up finds it performed.
    const current = ok('get', await zhou.GET('/disputes/{id}', path));
    const agreed = await send(zhou, id, {
      type: 'REACH_AGREEMENT',
      terms: 'The upstairs owner repairs the pipe and repaints the ceiling by Friday.',
      signedByPartyIds: current.parties.map((p) => p.id),
      expectedVersion: current.version,
    });
    expect(agreed.status).toBe('agreed');
    expect(agreed.agreement?.signedByPartyIds).toHaveLength(2);
    const closed = await send(zhou, id, { type: 'RECORD_FOLLOW_UP', performed: 'full' });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'resolved', tier: 'yellow' });

    // The audit trail is intact, and tells the story.
    const trail = ok('events', await zhou.GET('/disputes/{id}/events', path));
    expect(trail.map((r) => r.type)).toEqual(
      expect.arrayContaining(['DEADLINE_EXPIRED', 'ACCEPT', 'REACH_AGREEMENT', 'RECORD_FOLLOW_UP']),
    );
    const verdict = ok('verify', await zhou.GET('/disputes/{id}/audit/verify', path));
    expect(verdict).toMatchObject({ intact: true, records: trail.length });

    // The timers: the blue deadline fired, the later ones were cancelled when the case moved on.
    const timers = ok('timers', await zhou.GET('/disputes/{id}/timers', path));
    expect(timers.find((t) => t.kind === 'deadline' && t.status === 'fired')).toBeDefined();
    expect(timers.filter((t) => t.status === 'scheduled')).toEqual([]);

    // The case is in the lists and the figures, and the escalation reached the officer's inbox.
    const list = ok(
      'list',
      await zhou.GET('/disputes', { params: { query: { status: 'closed', pageSize: 10 } } }),
    );
    expect(list.items.map((d) => d.id)).toEqual([id]);
    const stats = ok('stats', await zhou.GET('/stats', { params: { query: { unit: 'S1' } } }));
    expect(stats.settled.atTier.yellow.count).toBe(1);
    const inbox = ok('inbox', await zhou.GET('/me/notifications', { params: { query: {} } }));
    expect(inbox.items.some((n) => n.disputeId === id)).toBe(true);
    const read = ok('read all', await zhou.POST('/me/notifications/read-all'));
    expect(read.marked).toBe(inbox.unread);
  });
});

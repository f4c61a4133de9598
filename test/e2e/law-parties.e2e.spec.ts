/**
 * Issue 16, points 8–9 over HTTP (docs/law.md), on SQLite and PostgreSQL: a guardian who signs
 * for a minor (PML Art. 23, Art. 29; 民法典 Art. 23) and is named in the agreement document; a
 * private case redacted on the weekly agenda (PML Arts. 15, 23); the mediation type and the
 * agreement reached counted apart by /stats and the monthly report (人民调解工作统计).
 */
import { binaryParser, pdfText } from '../support/casefile';
import { startApi, type TestApi } from '../support/api';
import { worldClient } from '../support/client';
import { DRIVERS } from '../support/databases';
import { buildWorld, disputeBody, type World } from '../support/world';

interface Opened {
  id: string;
  reference: string;
  status: string;
  outcome: string | null;
  mediationType: string;
  private: boolean;
  parties: { id: string; capacity?: string; representative?: { id: string; kind: string } }[];
  agreement: { signatures?: { partyId: string; signedBy: string; as: string }[] } | null;
}

const WARD_PARTIES = [
  { name: '王芳', role: 'applicant' },
  {
    name: '李小明',
    role: 'respondent',
    capacity: 'minor',
    representative: { name: '李伟', kind: 'guardian', relation: '父亲' },
  },
];

describe.each(DRIVERS)('guardians, privacy and the statistics on %s', (driver) => {
  let api: TestApi;
  let world: World;
  const { as, open, send } = worldClient(
    () => api,
    () => world,
  );

  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false' });
    world = await buildWorld(api);
  }, 120_000);
  afterAll(() => api?.close());

  it('民法典 Art. 23: a guardian only for a minor or incapacitated party, and every such party has one (400 naming the party)', async () => {
    const noGuardian = await as('gw1').post(
      '/disputes',
      disputeBody({
        parties: [
          { name: '王芳', role: 'applicant' },
          { name: '李小明', role: 'respondent', capacity: 'minor' },
        ],
      }),
    );
    expect(noGuardian.status).toBe(400);
    expect(JSON.stringify(noGuardian.body)).toMatch(/parties\[1\]/);
    expect(JSON.stringify(noGuardian.body)).toMatch(/name their guardian/);
    const needless = await as('gw1').post(
      '/disputes',
      disputeBody({
        parties: [
          { name: '王芳', role: 'applicant', representative: { name: '王强', kind: 'guardian' } },
          { name: '李四', role: 'respondent' },
        ],
      }),
    );
    expect(needless.status).toBe(400);
    expect(JSON.stringify(needless.body)).toMatch(/parties\[0\]/);
    const badKind = await as('gw1').post(
      '/disputes',
      disputeBody({
        parties: [
          { name: '王芳', role: 'applicant', representative: { name: '王强', kind: 'uncle' } },
          { name: '李四', role: 'respondent' },
        ],
      }),
    );
    expect(badKind.status).toBe(400);
  });

  it('PML Art. 29 with 民法典 Art. 23: the guardian signs for the minor, and the agreement says so', async () => {
    const c = await open<Opened>('gw1', { parties: WARD_PARTIES });
    expect(c.parties[1]).toMatchObject({
      id: 'p2',
      capacity: 'minor',
      representative: { id: 'p2-g', kind: 'guardian' },
    });
    const own = await as('gw1').post(`/disputes/${c.id}/events`, {
      type: 'REACH_AGREEMENT',
      terms: '李伟代李小明赔偿王芳玻璃损失300元',
      signedByPartyIds: ['p1', 'p2'],
    });
    expect(own.status).toBe(422);
    expect(JSON.stringify(own.body)).toMatch(
      /party p2 is a minor: their guardian \(p2-g\) signs for them/,
    );
    expect(JSON.stringify(own.body)).not.toMatch(/李/);
    await send('gw1', c.id, {
      type: 'REACH_AGREEMENT',
      terms: '李伟代李小明赔偿王芳玻璃损失300元',
      signedByPartyIds: ['p1', 'p2-g'],
    });
    const agreed = (await as('gw1').get(`/disputes/${c.id}`)).body as Opened;
    expect(agreed.agreement?.signatures).toEqual([
      { partyId: 'p1', signedBy: 'p1', as: 'party' },
      { partyId: 'p2', signedBy: 'p2-g', as: 'guardian' },
    ]);
    const pdf = await as('gw1')
      .get(`/disputes/${c.id}/documents/agreement?format=pdf`)
      .buffer(true)
      .parse(binaryParser);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body as Buffer).replace(/\s+/g, '');
    expect(text).toContain('法定代理人（监护人）：李伟（父亲）');
    expect(text).toContain('被申请人：李小明法定代理人（监护人）（签名/按指印）：李伟');
  });

  it('PML Arts. 15, 23: a private case is on the weekly agenda without its title or reason', async () => {
    const secret = await open<Opened>('gw1', {
      title: '王家婚外情引发的邻里纠纷',
      private: true,
    });
    expect(secret.private).toBe(true);
    await send('gw1', secret.id, { type: 'ESCALATE', reason: '涉及当事人隐私，需司法所处理' });
    const plain = await open<Opened>('gw1', { title: '楼上漏水' });
    const res = await as('super1').get('/agenda?unit=C1&fresh=true');
    expect(res.status).toBe(200);
    const agenda = res.body as {
      open: { id: string; reference: string; title: string; tier: string; private?: boolean }[];
      escalated: { disputeId: string; title: string; reason: string; private?: boolean }[];
    };
    const listed = agenda.open.find((x) => x.id === secret.id);
    expect(listed).toMatchObject({
      reference: secret.reference,
      tier: 'yellow',
      title: '',
      private: true,
    });
    expect(agenda.escalated.find((e) => e.disputeId === secret.id)).toMatchObject({
      title: '',
      reason: '',
      private: true,
    });
    expect(agenda.open.find((x) => x.id === plain.id)).toMatchObject({
      title: '楼上漏水',
      private: false,
    });
    expect(JSON.stringify(res.body)).not.toContain('婚外情');
  });

  it('人民调解工作统计: mediation type and agreement reached are counted apart from outcome, performance and confirmation', async () => {
    const unit = 'G2';
    const police = await open<Opened>('gw2', { gridCode: unit, mediationType: 'police' });
    expect(police.mediationType).toBe('police');
    const court = await open<Opened>('gw2', { gridCode: unit, mediationType: 'court' });
    const people = await open<Opened>('gw2', { gridCode: unit });
    expect(people.mediationType).toBe('people');
    // Agreement reached, then not performed: still 调解成功 in the count.
    await send('gw2', people.id, {
      type: 'REACH_AGREEMENT',
      terms: '修好水管',
      signedByPartyIds: ['p1', 'p2'],
    });
    await send('gw2', people.id, { type: 'RECORD_FOLLOW_UP', performed: 'partial' });
    // The parties settle by themselves: its own outcome, no Art. 26 notice.
    await send('gw2', court.id, {
      type: 'WITHDRAW',
      reason: '双方已自行和解',
      ground: 'settled_by_parties',
    });
    const settled = (await as('gw2').get(`/disputes/${court.id}`)).body as Opened & {
      law: { routesNotice: unknown };
    };
    expect([settled.status, settled.outcome, settled.law.routesNotice]).toEqual([
      'closed',
      'settled_by_parties',
      null,
    ]);
    await send('gw2', police.id, { type: 'WITHDRAW', reason: '申请人撤回' });

    const stats = await as('super1').get(`/stats?unit=${unit}`);
    expect(stats.status).toBe(200);
    const body = stats.body as {
      agreements: { reached: number; confirmed: number; performed: number };
      byOutcome: Record<string, number>;
      byMediationType: Record<
        string,
        {
          total: number;
          closed: number;
          agreementsReached: number;
          outcomes: Record<string, number>;
        }
      >;
    };
    expect(body.agreements).toEqual({ reached: 1, confirmed: 0, performed: 0 });
    expect(body.byOutcome).toMatchObject({ settled_by_parties: 1, withdrawn: 1, resolved: 0 });
    expect(body.byMediationType.people).toMatchObject({
      total: 1,
      closed: 0,
      agreementsReached: 1,
    });
    expect(body.byMediationType.police).toMatchObject({ total: 1, closed: 1 });
    expect(body.byMediationType.police?.outcomes.withdrawn).toBe(1);
    expect(body.byMediationType.court?.outcomes.settled_by_parties).toBe(1);

    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const csv = await as('super1')
      .get(`/reports/monthly?unit=${unit}&month=${month}&format=csv`)
      .buffer(true)
      .parse(binaryParser);
    expect(csv.status).toBe(200);
    const text = (csv.body as Buffer).toString('utf8');
    expect(text).toContain('受理,调解类型：治安调解,1');
    expect(text).toContain('受理,调解类型：诉前/法院调解,1');
    expect(text).toContain('受理,调解类型：人民调解,1');
    expect(text).toContain('结案,结果：settled_by_parties,1');
  });
});

import ExcelJS from 'exceljs';
import {
  MONTHLY_REPORT_EVENT_TYPES,
  aggregateMonthly,
  reportRows,
  type MonthlyReport,
  type ReportAgreement,
  type ReportCase,
  type ReportEvent,
} from '@tricolor/core';
import type { Outcome, Tier } from '@tricolor/workflow';
import { startApi, type TestApi } from '../support/api';
import { binaryParser } from '../support/casefile';
import { worldClient } from '../support/client';
import { DRIVERS } from '../support/databases';
import { buildWorld, type World } from '../support/world';

interface Opened {
  id: string;
  createdAt: string;
}
interface TrailRecord {
  seq: number;
  type: string;
  at: string;
  payload: Record<string, unknown>;
  toStatus: string;
  toTier: Tier;
}

// How a closing record's type names the outcome (DESIGN.md §3): the trail alone says it.
function outcomeOf(closing: TrailRecord, tier: Tier): Outcome {
  switch (closing.type) {
    case 'WITHDRAW':
      return 'withdrawn';
    case 'TRANSFER':
      return 'transferred';
    case 'RECORD_REFUSAL':
      return 'refused';
    case 'REFER_TO_LITIGATION':
      return 'referred_to_litigation';
    case 'RECORD_FOLLOW_UP':
      return closing.payload.performed === 'full' || tier !== 'red'
        ? 'resolved'
        : 'agreement_not_performed';
    default:
      throw new Error(`unexpected closing record ${closing.type}`);
  }
}

/** The report rebuilt from nothing but the cases' audit trails, as an inspector would. */
function rebuild(unit: string, month: string, trails: TrailRecord[][]): MonthlyReport {
  const cases: ReportCase[] = [];
  const agreements: ReportAgreement[] = [];
  const events: ReportEvent[] = [];
  trails.forEach((trail, i) => {
    const id = String(i);
    const open = trail[0];
    const closing = trail.find((r) => r.toStatus === 'closed') ?? null;
    cases.push({
      id,
      source: typeof open.payload.source === 'string' ? open.payload.source : 'grid',
      category: open.payload.category as string,
      openedTier: open.toTier,
      amount: typeof open.payload.amount === 'number' ? open.payload.amount : null,
      createdAt: new Date(open.at),
      closedAt: closing ? new Date(closing.at) : null,
      outcome: closing ? outcomeOf(closing, closing.toTier) : null,
      closedTier: closing ? closing.toTier : null,
    });
    for (const r of trail) {
      if (r.type === 'REACH_AGREEMENT') {
        agreements.push({
          disputeId: id,
          reachedAt: new Date(r.at),
          form: r.payload.form === 'oral' ? 'oral' : 'written',
        });
      }
      if ((MONTHLY_REPORT_EVENT_TYPES as readonly string[]).includes(r.type)) {
        events.push({ disputeId: id, type: r.type, at: new Date(r.at), payload: r.payload });
      }
    }
  });
  return aggregateMonthly(unit, month, cases, agreements, events);
}

describe.each(DRIVERS)('the monthly report on %s', (driver) => {
  let api: TestApi;
  let world: World;
  let month: string;
  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false' });
    world = await buildWorld(api);
    const { open, send } = worldClient(
      () => api,
      () => world,
    );
    const agreement = {
      type: 'REACH_AGREEMENT',
      terms: '赔偿500元',
      signedByPartyIds: ['p1', 'p2'],
    };
    const a = await open<Opened>('gw1', { amount: 500 });
    await send('gw1', a.id, agreement);
    await send('gw1', a.id, { type: 'RECORD_FOLLOW_UP', performed: 'full' });
    const b = await open<Opened>('gw2', { category: 'parking', gridCode: 'G2' });
    await send('gw2', b.id, { type: 'WITHDRAW', reason: '当事人自行和解' });
    const c = await open<Opened>('gw1', { amount: 1200.5, category: 'debt' });
    await send('gw1', c.id, agreement);
    await send('gw1', c.id, { type: 'REQUEST_JUDICIAL_CONFIRMATION' });
    await send('super1', c.id, { type: 'RECORD_CONFIRMATION', confirmed: true, note: '裁定有效' });
    const d = await open<Opened>('gw1');
    // 督办 on d, answered by its grid worker: the month's supervision figures.
    const pressed = await as('super1').post(`/disputes/${d.id}/supervision`, {
      reason: '当事人多次来访',
      dueBy: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(pressed.status).toBe(201);
    const answered = await as('gw1').post(
      `/disputes/${d.id}/supervision/${(pressed.body as { id: string }).id}/acknowledge`,
      { note: '已约双方调解' },
    );
    expect(answered.status).toBe(200);
    await send('gw1', d.id, { type: 'ESCALATE', reason: '需要法律意见' });
    await open<Opened>('gw3', { gridCode: 'G3' }); // another street: never in S1's figures
    const created = new Date(Date.parse(a.createdAt) + 8 * 3600_000);
    month = `${created.getUTCFullYear()}-${String(created.getUTCMonth() + 1).padStart(2, '0')}`;
  }, 180_000);
  afterAll(() => api?.close());

  const { as } = worldClient(
    () => api,
    () => world,
  );
  const get = (user: 'super1' | 'officer1' | 'gw1' | 'super2', query: string) =>
    as(user).get(`/reports/monthly?${query}`).buffer(true).parse(binaryParser);

  it('equals the report rebuilt from the audit events alone', async () => {
    const served = (await as('super1').get(`/reports/monthly?unit=S1&month=${month}&format=json`))
      .body as MonthlyReport;
    expect(served).toMatchObject({
      accepted: { total: 4, amount: 1700.5, byTier: { blue: 4, yellow: 0, red: 0 } },
      closed: { total: 2, byOutcome: { resolved: 1, withdrawn: 1 } },
      mediation: { successful: 2, concluded: 3 },
      agreements: { written: 2, oral: 0, amount: 1700.5 },
      performance: { full: 1, partial: 0, none: 0 },
      judicialConfirmation: { applied: 1, granted: 1, refused: 0 },
      settledByTier: { blue: 1, total: 1, shares: { blue: 1 } },
      supervision: { issued: 1, pressedCases: 1, acknowledged: 1, breachedAfterPressing: 0 },
    });

    const list = (await as('super1').get('/disputes?unit=S1&pageSize=200')).body as {
      items: { id: string }[];
    };
    const trails: TrailRecord[][] = [];
    for (const item of list.items) {
      trails.push((await as('super1').get(`/disputes/${item.id}/events`)).body as TrailRecord[]);
    }
    expect(rebuild('S1', month, trails)).toEqual(served);
  });

  it('serves XLSX and CSV with the same figures, by format= or Accept', async () => {
    const served = (await as('officer1').get(`/reports/monthly?unit=S1&month=${month}&format=json`))
      .body as MonthlyReport;
    const rows = reportRows(served).map(([s, i, v]) => [s, i, String(v)]);

    const xlsx = await get('super1', `unit=S1&month=${month}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    const sheet = workbook.getWorksheet('人民调解工作统计')!;
    const cells: string[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) cells.push([1, 2, 3].map((c) => row.getCell(c).text));
    });
    expect(cells).toEqual(rows);

    const csv = await as('super1')
      .get(`/reports/monthly?unit=S1&month=${month}`)
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse(binaryParser);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const text = (csv.body as Buffer).toString('utf8').replace(/^\uFEFF/, '');
    const lines = text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(lines).toEqual(rows);
    expect(text).toContain('小事不出网格占比,100.00%');
  });

  it('is for supervisors and judicial officers of the unit only, and names bad input', async () => {
    expect((await get('gw1', `unit=S1&month=${month}`)).status).toBe(403);
    expect((await get('super2', `unit=S1&month=${month}`)).status).toBe(403);
    expect((await get('super1', `unit=NOPE&month=${month}`)).status).toBe(404);
    const bad = await as('super1').get('/reports/monthly?unit=S1&month=2026-13');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('month must be YYYY-MM');
    expect((await as('super1').get(`/reports/monthly?month=${month}`)).status).toBe(400);
    const grid = (await as('super1').get(`/reports/monthly?unit=G2&month=${month}&format=json`))
      .body as MonthlyReport;
    expect(grid).toMatchObject({ accepted: { total: 1 }, closed: { total: 1 } });
  });
});

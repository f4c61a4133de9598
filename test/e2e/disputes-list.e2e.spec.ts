import { DisputeEntity } from '@tricolor/persistence';
import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { buildWorld, disputeBody, type Username, type World } from '../support/world';

interface ListBody {
  items: { id: string; gridCode: string }[];
  total: number;
  totalIsExact: boolean;
  page: number | null;
  pageSize: number;
  nextCursor: string | null;
}

/** More cases than the count cap, all in grid G3 and sharing one created_at. */
const BULK = 10_001;

describe.each(DRIVERS)('the case list on %s', (driver) => {
  let api: TestApi;
  let world: World;
  const g1: string[] = [];
  let g3Template: string;

  const get = async (user: Username | 'admin', path: string, status = 200) => {
    const res = await api.http().get(path).set('Authorization', `Bearer ${world.token[user]}`);
    if (res.status !== status) {
      throw new Error(`GET ${path} as ${user}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body as ListBody;
  };

  beforeAll(async () => {
    api = await startApi(driver);
    world = await buildWorld(api);
    const open = async (user: Username, gridCode: string) => {
      const res = await api
        .http()
        .post('/disputes')
        .set('Authorization', `Bearer ${world.token[user]}`)
        .send(disputeBody({ gridCode }));
      expect(res.status).toBe(201);
      return (res.body as { id: string }).id;
    };
    for (let i = 0; i < 5; i++) g1.push(await open('gw1', 'G1'));
    await open('gw2', 'G2');
    g3Template = await open('gw3', 'G3');
    // Copies of the G3 case, written with SQL (opening ten thousand over HTTP would take
    // minutes): older than every opened case, all at one instant, so ties on created_at are
    // broken by id across pages.
    const dataSource = api.app.get(DataSource);
    const columns = dataSource
      .getMetadata(DisputeEntity)
      .columns.map((c) => c.databaseName)
      .filter((c) => c !== 'id' && c !== 'reference' && c !== 'created_at');
    const list = columns.map((c) => `"${c}"`).join(', ');
    const param = driver === 'postgres' ? '$1' : '?';
    await dataSource.query(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${BULK})
       INSERT INTO disputes ("id", "reference", "created_at", ${list})
       SELECT 'bulk-' || (100000 + n.i), 'BULK-' || (100000 + n.i), '2020-01-01 00:00:00.000', ${list
         .split(', ')
         .map((c) => `t.${c}`)
         .join(', ')}
       FROM n, disputes t WHERE t.id = ${param}`,
      [g3Template],
    );
  }, 180_000);
  afterAll(() => api?.close());

  it('counts up to 10,000 exactly and says when there are more', async () => {
    const all = await get('admin', '/disputes');
    expect(all).toMatchObject({ total: 10_000, totalIsExact: false, page: 1, pageSize: 20 });
    expect(all.items).toHaveLength(20);
    const s1 = await get('admin', '/disputes?unit=S1');
    expect(s1).toMatchObject({ total: 6, totalIsExact: true, nextCursor: null });
    const officer2 = await get('officer2', '/disputes?pageSize=1');
    expect(officer2).toMatchObject({ total: 10_000, totalIsExact: false });
  });

  it('counts a text search up to 1,000', async () => {
    const hits = await get('admin', '/disputes?text=LEAKING');
    expect(hits).toMatchObject({ total: 1_000, totalIsExact: false });
    expect(await get('gw1', '/disputes?text=leaking')).toMatchObject({
      total: 5,
      totalIsExact: true,
    });
  });

  it('finds a text among the newest cases first, and older ones past them', async () => {
    // The bulk copies' references run BULK-100001 … BULK-110001, newest (by id, one instant)
    // last: the newest 2,000 cases searched first hold BULK-108009 … BULK-110001.
    const ref = (n: number) => `bulk-${n}`;
    const common = await get('admin', '/disputes?text=BULK-1099');
    expect(common.items.map((d) => d.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => ref(109_999 - i)),
    );
    // 100 match, all among the newest: the total is what was seen there, a floor.
    expect(common).toMatchObject({
      total: 100,
      totalIsExact: false,
      nextCursor: expect.any(String),
    });
    // The last page asks past what the newest held: counted over every case, exact.
    const last = await get('admin', '/disputes?text=BULK-1099&page=5');
    expect(last.items.map((d) => d.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => ref(109_919 - i)),
    );
    expect(last).toMatchObject({ total: 100, totalIsExact: true, nextCursor: null });
    // Only an old case matches: the newest hold none, the whole list is searched.
    const old = await get('admin', '/disputes?text=bulk-100001');
    expect(old).toMatchObject({ total: 1, totalIsExact: true });
    expect(old.items.map((d) => d.id)).toEqual([ref(100_001)]);
    // A list smaller than the window: every match seen, so the total is exact.
    const grid = await get('gw1', '/disputes?text=leaking&pageSize=2');
    expect(grid).toMatchObject({ total: 5, totalIsExact: true });
    expect(grid.items).toHaveLength(2);
  });

  it('knows the exact total on the last page, however deep', async () => {
    // G3: the opened case and its copies, 10,002: the 51st page of 200 holds the last two.
    const last = await get('admin', '/disputes?unit=G3&pageSize=200&page=51');
    expect(last).toMatchObject({ total: BULK + 1, totalIsExact: true, nextCursor: null });
    expect(last.items).toHaveLength(2);
    const beyond = await get('admin', '/disputes?unit=G3&pageSize=200&page=52');
    expect(beyond).toMatchObject({ items: [], total: 10_000, totalIsExact: false });
    const empty = await get('admin', '/disputes?unit=S1&page=3');
    expect(empty).toMatchObject({ items: [], total: 6, totalIsExact: true });
  });

  it('filters by a street, a community or a grid, and finds nothing for an unknown unit', async () => {
    const ids = async (q: string) => (await get('admin', `/disputes?${q}`)).items.map((d) => d.id);
    expect(await ids('unit=G1')).toEqual([...g1].reverse());
    expect((await get('admin', '/disputes?unit=C1')).total).toBe(6);
    expect((await get('admin', '/disputes?unit=S2')).totalIsExact).toBe(false);
    expect(await get('admin', '/disputes?unit=NOPE')).toMatchObject({ items: [], total: 0 });
  });

  it('pages with a cursor through the same cases as pages do, ties included', async () => {
    const byPage: string[] = [];
    for (let page = 1; ; page++) {
      const body = await get('admin', `/disputes?unit=S2&pageSize=200&page=${page}`);
      byPage.push(...body.items.map((d) => d.id));
      if (body.items.length < 200) break;
    }
    const byCursor: string[] = [];
    let after: string | null = null;
    do {
      const body: ListBody = await get(
        'admin',
        `/disputes?unit=S2&pageSize=200${after ? `&after=${after}` : ''}`,
      );
      expect(body.page).toBe(after ? null : 1);
      byCursor.push(...body.items.map((d) => d.id));
      after = body.nextCursor;
    } while (after);
    expect(byPage).toHaveLength(BULK + 1);
    expect(new Set(byCursor).size).toBe(BULK + 1);
    expect(byCursor).toEqual(byPage);
  }, 120_000);

  it('gives the next page after a cursor, and no cursor on the last one', async () => {
    const first = await get('gw1', '/disputes?pageSize=2');
    expect(first.items.map((d) => d.id)).toEqual([g1[4], g1[3]]);
    const second = await get('gw1', `/disputes?pageSize=2&after=${first.nextCursor}`);
    expect(second.items.map((d) => d.id)).toEqual([g1[2], g1[1]]);
    expect(second).toMatchObject({ total: 5, totalIsExact: true, page: null });
    const third = await get('gw1', `/disputes?pageSize=2&after=${second.nextCursor}`);
    expect(third.items.map((d) => d.id)).toEqual([g1[0]]);
    expect(third.nextCursor).toBeNull();
  });

  it('answers a bad cursor with a 400 naming the field', async () => {
    const cursor = (await get('gw1', '/disputes?pageSize=1')).nextCursor ?? '';
    const bad = async (user: Username, query: string, field: RegExp) => {
      const res = await api
        .http()
        .get(`/disputes?${query}`)
        .set('Authorization', `Bearer ${world.token[user]}`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(field);
    };
    await bad('gw1', 'after=not%20a%20cursor', /after/);
    await bad('gw1', 'after=YWJj', /after/);
    await bad('gw1', `after=${'A'.repeat(101)}`, /after/);
    await bad('gw1', `after=${cursor}&page=2`, /page/);
    // A cursor of a case the caller cannot see is no cursor of theirs: it says nothing of it.
    await bad('gw2', `after=${cursor}`, /after/);
  });
});

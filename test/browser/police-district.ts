import type { TestApi } from '../support/api';

/**
 * 八大湖街道 as a community police room would find it: two communities of two grids each, their
 * boundaries near Nanchang's 八大湖 (lon/lat, WGS-84), the 1+1+2+N+N team of 抚河社区, and
 * cases placed on the map at each tier.
 */
export const PASSWORD = 'Mediation-2026!';

export const POLICE_PEOPLE = {
  wangjg: { displayName: '王建国', role: 'grid_worker', unitCode: 'G1' },
  liufang: { displayName: '刘芳', role: 'grid_worker', unitCode: 'G2' },
  zhouqiang: { displayName: '周强', role: 'grid_worker', unitCode: 'G3' },
  wuli: { displayName: '吴丽', role: 'grid_worker', unitCode: 'G4' },
  lijh: { displayName: '李建华', role: 'community_police', unitCode: 'C1' },
  huhao: { displayName: '胡浩', role: 'auxiliary_police', unitCode: 'C1' },
  xuyang: { displayName: '许阳', role: 'auxiliary_police', unitCode: 'C1' },
  chenzy: { displayName: '陈志愿', role: 'volunteer', unitCode: 'G1' },
  sunli: { displayName: '孙立', role: 'supervisor', unitCode: 'S1' },
  zhaomin: { displayName: '赵敏', role: 'judicial_officer', unitCode: 'S1' },
} as const;
export type PolicePerson = keyof typeof POLICE_PEOPLE;

// Shared corners, so the four grids tile the street with no gaps (a 2 × 2 block, ~1.2 × 1.2 km).
const A = [115.884, 28.683];
const B = [115.8952, 28.6834];
const C = [115.9075, 28.6828];
const D = [115.8843, 28.6776];
const E = [115.896, 28.6772];
const F = [115.9072, 28.6779];
const G = [115.8846, 28.6721];
const H = [115.8956, 28.6718];
const I = [115.907, 28.6724];
const ring = (...points: number[][]) => ({
  type: 'Polygon',
  coordinates: [[...points, points[0]]],
});

export const BOUNDARIES: Record<string, object> = {
  G1: ring(A, [115.89, 28.6839], B, E, D),
  G2: ring(B, [115.901, 28.6836], C, F, E),
  G3: ring(D, E, H, [115.89, 28.6716], G),
  G4: ring(E, F, I, [115.902, 28.672], H),
};

/** A point inside each grid, nudged so that points of one grid do not sit on top of each other. */
export const INSIDE: Record<string, [number, number]> = {
  G1: [115.8898, 28.6812],
  G2: [115.9014, 28.6813],
  G3: [115.8899, 28.6738],
  G4: [115.9014, 28.674],
};

export const CASES: {
  grid: string;
  by: PolicePerson;
  title: string;
  category: string;
  tier: 'blue' | 'yellow' | 'red';
  close?: 'resolved' | 'withdrawn';
}[] = [
  { grid: 'G1', by: 'wangjg', title: '楼上装修噪音扰民', category: 'neighbour', tier: 'blue' },
  { grid: 'G1', by: 'wangjg', title: '小区车位被长期占用', category: 'property', tier: 'blue' },
  { grid: 'G1', by: 'wangjg', title: '邻里借款三万元未还', category: 'debt', tier: 'yellow' },
  {
    grid: 'G1',
    by: 'wangjg',
    title: '空调外机滴水纠纷',
    category: 'neighbour',
    tier: 'blue',
    close: 'resolved',
  },
  { grid: 'G2', by: 'liufang', title: '物业费收费标准争议', category: 'property', tier: 'blue' },
  { grid: 'G2', by: 'liufang', title: '装修公司拖欠农民工工资', category: 'labour', tier: 'red' },
  {
    grid: 'G2',
    by: 'liufang',
    title: '宠物狗咬伤邻居赔偿',
    category: 'damage',
    tier: 'blue',
    close: 'resolved',
  },
  { grid: 'G3', by: 'zhouqiang', title: '赡养老人费用分摊', category: 'family', tier: 'yellow' },
  { grid: 'G3', by: 'zhouqiang', title: '门面租金押金退还', category: 'debt', tier: 'blue' },
  {
    grid: 'G3',
    by: 'zhouqiang',
    title: '楼道堆放杂物争执',
    category: 'neighbour',
    tier: 'blue',
    close: 'withdrawn',
  },
  { grid: 'G4', by: 'wuli', title: '菜市场摊位划分矛盾', category: 'other', tier: 'blue' },
];

const PARTIES = [
  { name: '张桂兰', role: 'applicant', phone: '13807091234', idNumber: '360102195803154321' },
  { name: '刘志强', role: 'respondent', phone: '13979112345' },
];

export interface PoliceDistrict {
  ids: Record<PolicePerson, string>;
  cases: { id: string; tier: string; grid: string }[];
}

export async function buildPoliceDistrict(api: TestApi): Promise<PoliceDistrict> {
  const admin = await api.login('admin', 'admin-password');
  const call = async (method: 'post' | 'put', path: string, body: object, token = admin) => {
    const res = await api.http()[method](path).set('Authorization', `Bearer ${token}`).send(body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; tier: string };
  };
  for (const unit of [
    { code: 'S1', name: '八大湖街道', kind: 'street' },
    { code: 'C1', name: '抚河社区', kind: 'community', parentCode: 'S1' },
    { code: 'C2', name: '站前社区', kind: 'community', parentCode: 'S1' },
    { code: 'G1', name: '抚河第一网格', kind: 'grid', parentCode: 'C1' },
    { code: 'G2', name: '抚河第二网格', kind: 'grid', parentCode: 'C1' },
    { code: 'G3', name: '站前第一网格', kind: 'grid', parentCode: 'C2' },
    { code: 'G4', name: '站前第二网格', kind: 'grid', parentCode: 'C2' },
  ]) {
    await call('post', '/admin/units', unit);
  }
  for (const [grid, geometry] of Object.entries(BOUNDARIES)) {
    await call('put', `/admin/grids/${grid}/boundary`, { geometry });
  }
  const ids = {} as Record<PolicePerson, string>;
  for (const [username, person] of Object.entries(POLICE_PEOPLE) as [
    PolicePerson,
    (typeof POLICE_PEOPLE)[PolicePerson],
  ][]) {
    ids[username] = (
      await call('post', '/admin/users', { username, password: PASSWORD, ...person })
    ).id;
  }
  // The 1+1+2+N+N team of 抚河社区 (the street's supervisor is its 包联干部).
  for (const [user, teamRole] of [
    ['sunli', 'cadre'],
    ['lijh', 'community_police'],
    ['huhao', 'auxiliary_police'],
    ['xuyang', 'auxiliary_police'],
    ['wangjg', 'grid_worker'],
    ['liufang', 'grid_worker'],
    ['chenzy', 'volunteer'],
  ] as const) {
    await call('post', '/communities/C1/team', { userId: ids[user], teamRole });
  }

  const tokens = new Map<string, string>();
  const token = async (who: PolicePerson) => {
    if (!tokens.has(who)) tokens.set(who, await api.login(who, PASSWORD));
    return tokens.get(who) as string;
  };
  const event = async (who: PolicePerson, id: string, body: object) => {
    const res = await api
      .http()
      .post(`/disputes/${id}/events`)
      .set('Authorization', `Bearer ${await token(who)}`)
      .send(body);
    if (res.status !== 200)
      throw new Error(`${JSON.stringify(body)}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const cases: PoliceDistrict['cases'] = [];
  for (const c of CASES) {
    const [lon, lat] = INSIDE[c.grid];
    // Spread a grid's points a little (about 60 m apart) so each can be clicked on its own.
    const n = cases.filter((x) => x.grid === c.grid).length;
    const opened = await call(
      'post',
      '/disputes',
      {
        title: c.title,
        description: `${c.title}。网格员走访了解情况后登记。`,
        category: c.category,
        gridCode: c.grid,
        parties: PARTIES,
        riskIndicators: [],
        location: {
          lon: lon + (n % 2) * 0.0016 - 0.0008,
          lat: lat + Math.floor(n / 2) * 0.0012 - 0.0006,
        },
      },
      await token(c.by),
    );
    if (c.tier !== 'blue')
      await event(c.by, opened.id, {
        type: 'ESCALATE',
        reason: '涉及金额较大，需司法所会同律师调解',
      });
    if (c.tier === 'red')
      await event('sunli', opened.id, { type: 'ESCALATE', reason: '涉及人数多，需街道联合调处' });
    if (c.close === 'resolved') {
      await event(c.by, opened.id, {
        type: 'REACH_AGREEMENT',
        terms: '双方当面协商一致，当场履行',
        signedByPartyIds: ['p1', 'p2'],
      });
      await event(c.by, opened.id, { type: 'RECORD_FOLLOW_UP', performed: 'full' });
    }
    if (c.close === 'withdrawn') {
      await event(c.by, opened.id, {
        type: 'WITHDRAW',
        reason: '双方已自行和解',
        noticeHow: 'oral',
      });
    }
    cases.push({ id: opened.id, tier: c.tier, grid: c.grid });
  }
  return { ids, cases };
}

/** A report filed through the API, as a grid worker's phone would. */
export async function fileReport(
  api: TestApi,
  who: PolicePerson,
  body: object,
): Promise<{ id: string }> {
  const res = await api
    .http()
    .post('/community/reports')
    .set('Authorization', `Bearer ${await api.login(who, PASSWORD)}`)
    .send(body);
  if (res.status !== 201) throw new Error(`report: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

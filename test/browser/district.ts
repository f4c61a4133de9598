import type { TestApi } from '../support/api';

/** A small district with real names, as a street office would set it up. */
export const PEOPLE = {
  wangjg: { displayName: '王建国', role: 'grid_worker', unitCode: 'G1' },
  zhaomin: { displayName: '赵敏', role: 'judicial_officer', unitCode: 'S1' },
  qianjun: { displayName: '钱律师', role: 'lawyer', unitCode: 'S1' },
  sunli: { displayName: '孙主任', role: 'supervisor', unitCode: 'S1' },
  liwei: {
    displayName: '李警官',
    role: 'panel_member',
    unitCode: 'S1',
    institution: 'police_station',
  },
  zhoujie: {
    displayName: '周司法',
    role: 'panel_member',
    unitCode: 'S1',
    institution: 'judicial_office',
  },
  wuming: { displayName: '吴律师', role: 'panel_member', unitCode: 'S1', institution: 'law_firm' },
  zhengyi: { displayName: '郑法官', role: 'panel_member', unitCode: 'S1', institution: 'court' },
} as const;
export type Person = keyof typeof PEOPLE;
export const PASSWORD = 'Mediation-2026!';

export async function buildDistrict(api: TestApi): Promise<Record<Person, string>> {
  const admin = await api.login('admin', 'admin-password');
  const post = async (path: string, body: object) => {
    const res = await api.http().post(path).set('Authorization', `Bearer ${admin}`).send(body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  await post('/admin/units', { code: 'S1', name: '八大湖街道', kind: 'street' });
  await post('/admin/units', {
    code: 'C1',
    name: '宁海路社区',
    kind: 'community',
    parentCode: 'S1',
  });
  await post('/admin/units', {
    code: 'G1',
    name: '宁海路第一网格',
    kind: 'grid',
    parentCode: 'C1',
  });
  const ids = {} as Record<Person, string>;
  for (const [username, person] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    ids[username] = (await post('/admin/users', { username, password: PASSWORD, ...person })).id;
  }
  return ids;
}

export const LEAK = {
  title: '楼上卫生间漏水致楼下天花板受损',
  description: '302室卫生间防水层老化，连续两周向202室渗水，天花板霉变。双方多次协商未果。',
  category: 'neighbour',
  gridCode: 'G1',
  riskIndicators: [],
  parties: [
    { name: '张桂兰', role: 'applicant', phone: '13800138000', idNumber: '370202195803154321' },
    { name: '刘志强', role: 'respondent', phone: '13912345678' },
  ],
};

/** Opens a case through the API as the grid worker; the tests that start mid-journey use it. */
export async function openCase(
  api: TestApi,
  overrides: object = {},
): Promise<{ id: string; version: number }> {
  const token = await api.login('wangjg', PASSWORD);
  const res = await api
    .http()
    .post('/disputes')
    .set('Authorization', `Bearer ${token}`)
    .send({ ...LEAK, ...overrides });
  if (res.status !== 201) throw new Error(`open: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number };
}

export async function sendAs(api: TestApi, user: Person, id: string, event: object): Promise<void> {
  const token = await api.login(user, PASSWORD);
  const res = await api
    .http()
    .post(`/disputes/${id}/events`)
    .set('Authorization', `Bearer ${token}`)
    .send(event);
  if (res.status !== 200)
    throw new Error(`${JSON.stringify(event)}: ${res.status} ${JSON.stringify(res.body)}`);
}

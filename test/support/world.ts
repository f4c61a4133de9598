import type { TestApi } from './api';

/**
 * A small district: street S1 with community C1 (grids G1, G2) and street S2 with C2/G3, and a
 * user of every role. Tokens are keyed by username.
 *
 * So that grid, community and street scopes differ visibly, every street has a second community
 * (S1: C3/G4, S2: C4/G5), and a third street S10 reuses the names of S1, C1, G1 and C2 under
 * codes that start like theirs (S10, C10, G10, C11/G11): a rule that compares names, or codes
 * by prefix, or a community by its street, lets someone see a case they must not.
 */
export const USERS = {
  gw1: { role: 'grid_worker', unitCode: 'G1' },
  gw2: { role: 'grid_worker', unitCode: 'G2' },
  gw3: { role: 'grid_worker', unitCode: 'G3' },
  police1: { role: 'community_police', unitCode: 'C1' },
  officer1: { role: 'judicial_officer', unitCode: 'S1' },
  officer2: { role: 'judicial_officer', unitCode: 'S2' },
  lawyer1: { role: 'lawyer', unitCode: 'S1' },
  super1: { role: 'supervisor', unitCode: 'S1' },
  super2: { role: 'supervisor', unitCode: 'S2' },
  pPolice: { role: 'panel_member', unitCode: 'S1', institution: 'police_station' },
  pJudicial: { role: 'panel_member', unitCode: 'S1', institution: 'judicial_office' },
  pLaw: { role: 'panel_member', unitCode: 'S1', institution: 'law_firm' },
  pCourt: { role: 'panel_member', unitCode: 'S1', institution: 'court' },
  pCourt2: { role: 'panel_member', unitCode: 'S2', institution: 'court' },
  // Added for scope differences (see above); nobody else's inbox or counts change.
  gw4: { role: 'grid_worker', unitCode: 'G4' },
  police3: { role: 'community_police', unitCode: 'C3' },
  gw10: { role: 'grid_worker', unitCode: 'G10' },
  police10: { role: 'community_police', unitCode: 'C10' },
  officer10: { role: 'judicial_officer', unitCode: 'S10' },
  super10: { role: 'supervisor', unitCode: 'S10' },
} as const;
export type Username = keyof typeof USERS;

export interface World {
  token: Record<Username | 'admin', string>;
  id: Record<Username, string>;
}

/**
 * Builds the world through the API, as an admin would. `users` narrows it to the users a suite
 * logs in as (every unit is still made): each user costs two scrypt computations (the hash,
 * then the login), most of what building the whole world costs, which a suite started once per
 * mutant (mutation testing) pays every time. Tokens and ids of users left out are absent.
 */
export async function buildWorld(
  api: TestApi,
  users: readonly Username[] = Object.keys(USERS) as Username[],
): Promise<World> {
  const admin = await api.login('admin', 'admin-password');
  const post = async (path: string, body: object) => {
    const res = await api.http().post(path).set('Authorization', `Bearer ${admin}`).send(body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  for (const unit of [
    { code: 'S1', name: 'Street one', kind: 'street' },
    { code: 'S2', name: 'Street two', kind: 'street' },
    { code: 'C1', name: 'Community one', kind: 'community', parentCode: 'S1' },
    { code: 'C2', name: 'Community two', kind: 'community', parentCode: 'S2' },
    { code: 'G1', name: 'Grid one', kind: 'grid', parentCode: 'C1' },
    { code: 'G2', name: 'Grid two', kind: 'grid', parentCode: 'C1' },
    { code: 'G3', name: 'Grid three', kind: 'grid', parentCode: 'C2' },
    { code: 'C3', name: 'Community three', kind: 'community', parentCode: 'S1' },
    { code: 'G4', name: 'Grid four', kind: 'grid', parentCode: 'C3' },
    { code: 'C4', name: 'Community four', kind: 'community', parentCode: 'S2' },
    { code: 'G5', name: 'Grid five', kind: 'grid', parentCode: 'C4' },
    // Same names as S1's units, codes that begin like theirs.
    { code: 'S10', name: 'Street one', kind: 'street' },
    { code: 'C10', name: 'Community one', kind: 'community', parentCode: 'S10' },
    { code: 'G10', name: 'Grid one', kind: 'grid', parentCode: 'C10' },
    { code: 'C11', name: 'Community two', kind: 'community', parentCode: 'S10' },
    { code: 'G11', name: 'Grid three', kind: 'grid', parentCode: 'C11' },
  ]) {
    await post('/admin/units', unit);
  }
  const id = {} as Record<Username, string>;
  const token = { admin } as Record<Username | 'admin', string>;
  for (const username of users) {
    const u = USERS[username];
    const created = await post('/admin/users', {
      username,
      password: 'password-123',
      displayName: username,
      ...u,
    });
    id[username] = created.id;
    token[username] = await api.login(username);
  }
  return { token, id };
}

export const PARTIES = [
  { name: '张三', role: 'applicant', phone: '13800138000', idNumber: '370202199001011234' },
  { name: '李四', role: 'respondent', phone: '13900139000' },
];

export function disputeBody(overrides: object = {}) {
  return {
    title: 'Water leaking into the flat below',
    description: 'The bathroom upstairs leaks; the ceiling below is stained.',
    category: 'neighbour',
    gridCode: 'G1',
    parties: PARTIES,
    riskIndicators: [],
    ...overrides,
  };
}

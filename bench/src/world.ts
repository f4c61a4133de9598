import { UserEntity } from '@tricolor/persistence';
import type { Role } from '@tricolor/workflow';
import type { CreateUnitDto } from '../../apps/api/src/admin/admin.dto';
import { UnitsService } from '../../apps/api/src/admin/units.service';
import { UsersService } from '../../apps/api/src/admin/users.service';
import { ADMIN_PASSWORD, USER_PASSWORD, type InProcess } from './app';
import type { HttpClient } from './http-client';

/**
 * A small district as test/support/world.ts builds it, through the HTTP API: street S1 with
 * community C1 and grid G1, a grid worker (who handles blue cases in G1), a judicial officer and
 * a supervisor (who get the escalation notices), and community police.
 */
export const USERS = {
  gw1: { role: 'grid_worker', unitCode: 'G1' },
  police1: { role: 'community_police', unitCode: 'C1' },
  officer1: { role: 'judicial_officer', unitCode: 'S1' },
  super1: { role: 'supervisor', unitCode: 'S1' },
} as const satisfies Record<string, { role: Role; unitCode: string }>;
export type Username = keyof typeof USERS;

export interface WorldUser {
  id: string;
  username: string;
  role: Role;
  unitCode: string;
}

export interface World {
  adminToken: string;
  token: Record<Username, string>;
  user: Record<Username, WorldUser>;
}

export const login = async (http: HttpClient, username: string, password: string) =>
  (
    await http.expect<{ accessToken: string }>(200, 'POST', '/auth/login', {
      body: { username, password },
    })
  ).accessToken;

export async function buildWorld(http: HttpClient): Promise<World> {
  const adminToken = await login(http, 'admin', ADMIN_PASSWORD);
  const post = (path: string, body: object) =>
    http.expect<{ id: string }>(201, 'POST', path, { token: adminToken, body });
  await post('/admin/units', { code: 'S1', name: 'Street one', kind: 'street' });
  await post('/admin/units', {
    code: 'C1',
    name: 'Community one',
    kind: 'community',
    parentCode: 'S1',
  });
  await post('/admin/units', { code: 'G1', name: 'Grid one', kind: 'grid', parentCode: 'C1' });
  const token = {} as Record<Username, string>;
  const user = {} as Record<Username, WorldUser>;
  for (const [username, u] of Object.entries(USERS) as [Username, (typeof USERS)[Username]][]) {
    const created = await post('/admin/users', {
      username,
      password: USER_PASSWORD,
      displayName: username,
      ...u,
    });
    user[username] = { id: created.id, username, role: u.role, unitCode: u.unitCode };
    token[username] = await login(http, username, USER_PASSWORD);
  }
  return { adminToken, token, user };
}

export const PARTIES = [
  { name: '张三', role: 'applicant', phone: '13800138000', idNumber: '370202199001011234' },
  { name: '李四', role: 'respondent', phone: '13900139000' },
] as const;

export function disputeBody(n: number, overrides: object = {}) {
  return {
    title: `Water leaking into the flat below (${n})`,
    description: 'The bathroom upstairs leaks; the ceiling below is stained.',
    category: 'neighbour',
    gridCode: 'G1',
    parties: PARTIES.map((p) => ({ ...p })),
    riskIndicators: [] as string[],
    ...overrides,
  };
}

/**
 * The same district built through the admin services in this process (UnitsService and
 * UsersService, as the admin controller calls them), for stages that have no API process.
 */
export async function buildWorldInProcess(
  inProcess: InProcess,
): Promise<Record<Username, WorldUser>> {
  const admin = await inProcess.dataSource
    .getRepository(UserEntity)
    .findOneByOrFail({ username: 'admin' });
  const caller = { id: admin.id, username: 'admin', role: 'admin' as const, unitCode: '' };
  const units = inProcess.get(UnitsService);
  for (const unit of [
    { code: 'S1', name: 'Street one', kind: 'street' },
    { code: 'C1', name: 'Community one', kind: 'community', parentCode: 'S1' },
    { code: 'G1', name: 'Grid one', kind: 'grid', parentCode: 'C1' },
  ] as CreateUnitDto[]) {
    await units.create(caller, unit);
  }
  const users = inProcess.get(UsersService);
  const out = {} as Record<Username, WorldUser>;
  for (const [username, u] of Object.entries(USERS) as [Username, (typeof USERS)[Username]][]) {
    const created = await users.create(caller, {
      username,
      password: USER_PASSWORD,
      displayName: username,
      role: u.role,
      unitCode: u.unitCode,
    });
    out[username] = { id: created.id, username, role: u.role, unitCode: u.unitCode };
  }
  return out;
}

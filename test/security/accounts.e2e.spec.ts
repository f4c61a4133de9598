import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { buildWorld, disputeBody, type Username, type World } from '../support/world';

// Findings 2, 3 (tokens), 4 and 5 (password policy) of issue 9.
describe.each(DRIVERS)('accounts on %s', (driver) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startApi(driver);
    world = await buildWorld(api);
  }, 120_000);
  afterAll(() => api?.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const asAdmin = () => bearer(world.token.admin);
  let n = 0;

  /** A fresh grid worker in G1 and its token. */
  async function newUser(password = 'a-good-password-1') {
    const username = `user${++n}`;
    const res = await api
      .http()
      .post('/admin/users')
      .set(asAdmin())
      .send({ username, password, displayName: username, role: 'grid_worker', unitCode: 'G1' });
    expect(res.status).toBe(201);
    return {
      id: (res.body as { id: string }).id,
      username,
      token: await api.login(username, password),
    };
  }

  const me = (token: string) => api.http().get('/disputes').set(bearer(token));
  const patch = (id: string, body: object, token = world.token.admin) =>
    api.http().patch(`/admin/users/${id}`).set(bearer(token)).send(body);

  it('a deactivated user’s token stops working at once, and stays dead after reactivation', async () => {
    const u = await newUser();
    expect((await me(u.token)).status).toBe(200);
    expect((await patch(u.id, { active: false })).status).toBe(200);
    expect((await me(u.token)).status).toBe(401);
    expect(
      (
        await api
          .http()
          .post('/auth/login')
          .send({ username: u.username, password: 'a-good-password-1' })
      ).status,
    ).toBe(401);
    expect((await patch(u.id, { active: true })).status).toBe(200);
    expect((await me(u.token)).status).toBe(401);
    expect((await me(await api.login(u.username, 'a-good-password-1'))).status).toBe(200);
  });

  it('a deactivated handler’s old token no longer reads numbers or sends events', async () => {
    const opened = await api
      .http()
      .post('/disputes')
      .set(bearer(world.token.gw1))
      .send(disputeBody());
    const id = (opened.body as { id: string }).id;
    const u = await newUser();
    await patch(u.id, { active: false });
    expect((await api.http().get(`/disputes/${id}`).set(bearer(u.token))).status).toBe(401);
    const sent = await api
      .http()
      .post(`/disputes/${id}/events`)
      .set(bearer(u.token))
      .send({ type: 'SUSPEND', reason: 'x' });
    expect(sent.status).toBe(401);
  });

  it('logout ends every token of the account', async () => {
    const u = await newUser();
    const res = await api.http().post('/auth/logout').set(bearer(u.token));
    expect(res.status).toBe(204);
    expect((await me(u.token)).status).toBe(401);
  });

  it('a password reset ends old tokens and the old password', async () => {
    const u = await newUser();
    expect((await patch(u.id, { password: 'another-good-one-2' })).status).toBe(200);
    expect((await me(u.token)).status).toBe(401);
    await expect(api.login(u.username, 'a-good-password-1')).rejects.toThrow(/401/);
    expect((await me(await api.login(u.username, 'another-good-one-2'))).status).toBe(200);
  });

  it('a user changes their own password: checked, audited, other tokens ended', async () => {
    const u = await newUser();
    const post = (body: object) => api.http().post('/me/password').set(bearer(u.token)).send(body);
    expect(
      (await post({ currentPassword: 'wrong-password', newPassword: 'yet-another-3' })).status,
    ).toBe(401);
    const weak = await post({ currentPassword: 'a-good-password-1', newPassword: '1234567890' });
    expect(weak.status).toBe(400);
    expect(weak.body.message).toMatch(/newPassword/);
    const ok = await post({ currentPassword: 'a-good-password-1', newPassword: 'yet-another-3' });
    expect(ok.status).toBe(200);
    expect((await me(u.token)).status).toBe(401);
    expect((await me((ok.body as { accessToken: string }).accessToken)).status).toBe(200);
  });

  it('refresh renews a token for the same sign-in; a revoked one cannot be refreshed', async () => {
    const u = await newUser();
    const res = await api.http().post('/auth/refresh').set(bearer(u.token));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const fresh = (res.body as { accessToken: string }).accessToken;
    expect((await me(fresh)).status).toBe(200);
    await api.http().post('/auth/logout').set(bearer(fresh));
    expect((await api.http().post('/auth/refresh').set(bearer(fresh))).status).toBe(401);
  });

  it('refuses a token without exp, and one whose user does not exist', async () => {
    const jwt = new JwtService({ secret: api.config.jwtSecret });
    const claims = { sub: world.id.gw1, username: 'gw1', role: 'grid_worker', unitCode: 'G1' };
    const noExp = jwt.sign(claims, { issuer: 'tricolor', algorithm: 'HS256' });
    expect((await me(noExp)).status).toBe(401);
    const ghost = jwt.sign(
      { ...claims, sub: '00000000-0000-4000-8000-000000000000' },
      { issuer: 'tricolor', algorithm: 'HS256', expiresIn: 60 },
    );
    expect((await me(ghost)).status).toBe(401);
  });

  it.each([
    ['12345678', /10 characters/],
    ['1234567890', /well-known/],
    ['qwertyuiop', /well-known/],
    ['aaaaaaaaaaaa', /well-known/],
    ['weakuser99', /username/],
  ])('refuses the password %j', async (password, problem) => {
    const res = await api
      .http()
      .post('/admin/users')
      .set(asAdmin())
      .send({
        username:
          'weakuser99'.replace(/\d+$/, '') + (password === 'weakuser99' ? '99' : String(++n)),
        password,
        displayName: 'weak',
        role: 'grid_worker',
        unitCode: 'G1',
      });
    expect(res.status).toBe(400);
    expect(String(res.body.message)).toMatch(problem);
  });

  describe('least privilege (finding 4)', () => {
    const as = (user: Username) => bearer(world.token[user]);
    const create = (user: Username, body: object) =>
      api
        .http()
        .post('/admin/users')
        .set(as(user))
        .send({ password: 'a-good-password-1', displayName: 'x', ...body });

    it.each([
      ['panel_member', 'S1', 'court'],
      ['supervisor', 'S1', undefined],
      ['judicial_officer', 'S1', undefined],
      ['lawyer', 'S1', undefined],
    ])('a supervisor may not create a %s', async (role, unitCode, institution) => {
      const res = await create('super1', {
        username: `priv${++n}`,
        role,
        unitCode,
        ...(institution ? { institution } : {}),
      });
      expect(res.status).toBe(403);
      expect(res.body.message).not.toMatch(/S2|super2/);
    });

    it('a supervisor creates grid workers in their own street only', async () => {
      expect(
        (await create('super1', { username: `gw${++n}x`, role: 'grid_worker', unitCode: 'G1' }))
          .status,
      ).toBe(201);
      expect(
        (await create('super1', { username: `gw${++n}x`, role: 'grid_worker', unitCode: 'G3' }))
          .status,
      ).toBe(403);
    });

    it('a supervisor lists and manages the users of their own street only', async () => {
      const res = await api.http().get('/admin/users').set(as('super1'));
      expect(res.status).toBe(200);
      const names = (res.body as { username: string }[]).map((u) => u.username);
      expect(names).toEqual(expect.arrayContaining(['gw1', 'gw2', 'police1', 'officer1']));
      expect(names).not.toEqual(expect.arrayContaining(['gw3']));
      expect(names).not.toContain('gw3');
      expect(names).not.toContain('officer2');
      expect(names).not.toContain('admin');
      expect((await patch(world.id.gw3, { active: false }, world.token.super1)).status).toBe(404);
      // An officer of their own street is the admin's to manage.
      expect((await patch(world.id.officer1, { active: false }, world.token.super1)).status).toBe(
        404,
      );
    });
  });

  it('records every account change in a sealed log admins read', async () => {
    const u = await newUser();
    await patch(u.id, { active: false });
    await patch(u.id, { active: true, password: 'reset-password-4' });
    expect((await api.http().get('/admin/audit').set(bearer(world.token.super1))).status).toBe(403);
    const res = await api.http().get('/admin/audit?limit=1000').set(asAdmin());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ intact: true, problems: [] });
    const mine = (res.body.records as { targetId: string; action: string; actorId: string }[])
      .filter((r) => r.targetId === u.id)
      .map((r) => r.action);
    expect(mine).toEqual(['reset_password', 'reactivate', 'deactivate', 'create']);
    expect(JSON.stringify(res.body)).not.toMatch(/reset-password-4|scrypt/);

    const ds = api.app.get(DataSource);
    await expect(ds.query(`DELETE FROM account_audit`)).rejects.toThrow(/append-only/);
    await ds.query(
      driver === 'postgres'
        ? 'ALTER TABLE account_audit DISABLE TRIGGER USER'
        : 'DROP TRIGGER tg_account_audit_no_update',
    );
    await ds.query(`UPDATE account_audit SET action = 'create' WHERE action = 'deactivate'`);
    const after = await api.http().get('/admin/audit').set(asAdmin());
    expect(after.body.intact).toBe(false);
    expect(after.body.problems[0].problem).toBe('its content does not match its hash');
  });
});

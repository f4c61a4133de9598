import { startApi, type TestApi } from '../support/api';
import { buildWorld, disputeBody, type Username, type World } from '../support/world';

/**
 * Refusals and field problems carry stable codes beside their sentences (issue 18), and the API
 * answers in the caller's Accept-Language: English by default, Chinese for zh-CN.
 */
describe('refusal codes and the caller’s language (sqlite)', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startApi('sqlite');
    world = await buildWorld(api);
  }, 120_000);
  afterAll(() => api?.close());

  const post = (user: Username, path: string, body: object, lang?: string) => {
    const req = api.http().post(path).set('Authorization', `Bearer ${world.token[user]}`);
    return (lang ? req.set('Accept-Language', lang) : req).send(body);
  };
  const get = (user: Username, path: string, lang?: string) => {
    const req = api.http().get(path).set('Authorization', `Bearer ${world.token[user]}`);
    return lang ? req.set('Accept-Language', lang) : req;
  };

  async function open(overrides: object = {}): Promise<string> {
    const res = await post('gw1', '/disputes', disputeBody(overrides));
    expect(res.status).toBe(201);
    return (res.body as { id: string }).id;
  }

  it('names the refusal by code and parameters, in English unless Chinese is asked for', async () => {
    const id = await open();
    const english = await post('gw1', `/disputes/${id}/events`, { type: 'RESUME' });
    expect(english.status).toBe(422);
    expect(english.body).toMatchObject({
      event: 'RESUME',
      code: 'NOT_IN_STATE',
      params: { event: 'RESUME', status: 'blue.mediating' },
      reason: 'RESUME is not possible while the case is blue.mediating',
      message: 'RESUME refused: RESUME is not possible while the case is blue.mediating',
    });

    const chinese = await post('gw1', `/disputes/${id}/events`, { type: 'RESUME' }, 'zh-CN');
    expect(chinese.status).toBe(422);
    expect(chinese.body).toMatchObject({
      code: 'NOT_IN_STATE',
      params: { event: 'RESUME', status: 'blue.mediating' },
      reason: '案件处于“当场调解中”时不能“恢复”',
      allowedEvents: english.body.allowedEvents,
    });
    expect(chinese.body.message).toContain('案件处于“当场调解中”时不能“恢复”');
  });

  it('words a guard’s refusal with its parameters in Chinese: the panel lacks the court', async () => {
    const id = await open({ requestedTier: 'red' });
    const members = [
      { userId: world.id.pPolice, institution: 'police_station' },
      { userId: world.id.pJudicial, institution: 'judicial_office' },
      { userId: world.id.pLaw, institution: 'law_firm' },
    ];
    const res = await post(
      'super1',
      `/disputes/${id}/events`,
      { type: 'CONVENE_PANEL', members },
      'zh-CN,zh;q=0.9,en;q=0.8',
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PANEL_INCOMPLETE');
    expect(res.body.params).toEqual({ institutions: 'court' });
    expect(res.body.reason).toBe('调解小组缺少以下单位的成员：人民法庭（“三所一庭”必须到齐）');

    // A caller preferring English (q) gets English even when Chinese is also acceptable.
    const en = await post(
      'super1',
      `/disputes/${id}/events`,
      { type: 'CONVENE_PANEL', members },
      'zh-CN;q=0.5, en-US',
    );
    expect(en.body.reason).toMatch(/^the panel lacks a member from: court/);
  });

  it('gives allowed-events’ reasons with their codes, in the caller’s language', async () => {
    const id = await open();
    const zh = await get('officer1', `/disputes/${id}/allowed-events`, 'zh-CN');
    expect(zh.status).toBe(200);
    const accept = (zh.body.events as { type: string; code?: string; reason?: string }[]).find(
      (e) => e.type === 'ACCEPT',
    );
    expect(accept).toMatchObject({ allowed: false, code: 'NOT_IN_STATE' });
    expect(accept?.reason).toMatch(/[\u4e00-\u9fff]/);
    const en = await get('officer1', `/disputes/${id}/allowed-events`);
    expect(
      (en.body.events as { type: string; reason?: string }[]).find((e) => e.type === 'ACCEPT')
        ?.reason,
    ).toBe('ACCEPT is not possible while the case is blue.mediating');
  });

  it('codes each field problem of a 400 and words it in Chinese for zh-CN', async () => {
    const bad = { ...disputeBody(), title: 42, foo: 1 };
    const en = await post('gw1', '/disputes', bad);
    expect(en.status).toBe(400);
    expect(en.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'title', message: 'title must be a string', code: 'MUST_BE_TEXT' },
        { field: 'foo', message: 'property foo should not exist', code: 'UNKNOWN_FIELD' },
      ]),
    );
    const zh = await post('gw1', '/disputes', bad, 'zh-CN');
    expect(zh.status).toBe(400);
    expect(zh.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'title', message: 'title 必须是文本', code: 'MUST_BE_TEXT' },
        { field: 'foo', message: '不应有字段 foo', code: 'UNKNOWN_FIELD' },
      ]),
    );
    expect(zh.body.message).toContain('title 必须是文本');
  });
});

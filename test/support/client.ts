import type { TestApi } from './api';
import { disputeBody, type Username, type World } from './world';

/**
 * Requests as a user of the test world, and the two steps most suites repeat: open a case and
 * send it an event, failing loudly on anything but success. The getters are read per request
 * because suites build their api and world in beforeAll.
 */
export function worldClient(api: () => TestApi, world: () => World) {
  const as = (user: Username | 'admin') => ({
    get: (path: string) =>
      api().http().get(path).set('Authorization', `Bearer ${world().token[user]}`),
    post: (path: string, body: object) =>
      api().http().post(path).set('Authorization', `Bearer ${world().token[user]}`).send(body),
  });

  async function open<T>(user: Username, overrides: object = {}): Promise<T> {
    const res = await as(user).post('/disputes', disputeBody(overrides));
    if (res.status !== 201) throw new Error(`open: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  async function send(user: Username, id: string, event: object): Promise<void> {
    const res = await as(user).post(`/disputes/${id}/events`, event);
    if (res.status !== 200) throw new Error(`${JSON.stringify(event)}: ${res.status}`);
  }

  return { as, open, send };
}

import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  DESK,
  PHONE,
  SCREENSHOTS,
  journey,
  login,
  newPage,
  seriousViolations,
  startConsole,
  type ConsoleServer,
} from './browser';
import { buildDistrict, openCase, PASSWORD, sendAs } from './district';

/** The statechart card of the case page: the picture and its controls. */
const diagramCard = (page: Page) =>
  page.locator('.ant-card', { has: page.getByRole('img', { name: /^案件流程图/ }) });

describe('the statechart on the case page', () => {
  let server: ConsoleServer;
  let ids: Awaited<ReturnType<typeof buildDistrict>>;
  let caseId: string;
  beforeAll(async () => {
    server = await startConsole();
    ids = await buildDistrict(server.api);
    // Escalated by the grid worker, accepted by the judicial office: now in joint review.
    const c = await openCase(server.api, { title: '相邻通道堆放杂物引发争执' });
    caseId = c.id;
    await sendAs(server.api, 'wangjg', caseId, { type: 'ESCALATE', reason: '双方拒绝当场调解' });
    await sendAs(server.api, 'zhaomin', caseId, {
      type: 'ACCEPT',
      officerId: ids.zhaomin,
      lawyerId: ids.qianjun,
    });
  }, 120_000);
  afterAll(() => server?.close());

  it('at a desk: the main path, the case’s way so far and where it is now, readable at a glance', async () => {
    await journey(server, 'statechart-desk', async () => {
      const { context, page } = await newPage(server, DESK);
      await login(page, server.base, 'zhaomin', PASSWORD);
      await page.goto(`${server.base}/app/cases/${caseId}`);
      const picture = page.getByRole('img', { name: '案件流程图，当前：会诊调解中' });
      await picture.waitFor();

      // Where the case is now, and the way it came (registered → blue → yellow → accepted).
      const current = picture.locator('[data-current="true"]');
      expect(await current.count()).toBe(1);
      expect(await current.getAttribute('data-state')).toBe('yellow.jointReview');
      const walked = await picture
        .locator('[data-walked="true"]')
        .evaluateAll((paths) => paths.map((p) => p.getAttribute('data-link')));
      expect(walked.sort()).toEqual(
        ['blue>yellow', 'intake>blue', 'yellow.awaitingAcceptance>yellow.jointReview'].sort(),
      );
      // What every open state can do is said once, not drawn from every state.
      await picture.getByText('任一进行中的状态都可以').waitFor();
      expect(await picture.locator('[data-link$=">closed"]').count()).toBe(1);
      // The fitted picture is not squeezed below a legible size.
      const box = await picture.boundingBox();
      expect(box?.width).toBeGreaterThan(1200);
      await diagramCard(page).screenshot({ path: path.join(SCREENSHOTS, 'desk-statechart.png') });
      await expectNoSeriousViolations(page, 'desk case page');

      // The reader can ask for every other transition.
      const main = await picture.locator('[data-link]').count();
      await page.getByRole('checkbox', { name: '显示全部转移' }).check();
      await picture.getByText('转诉讼').waitFor();
      expect(await picture.locator('[data-link]').count()).toBeGreaterThan(main + 10);
      await diagramCard(page).screenshot({
        path: path.join(SCREENSHOTS, 'desk-statechart-all.png'),
      });
      await context.close();
    });
  }, 90_000);

  it('on a phone: the picture scrolls sideways with the current state in view', async () => {
    await journey(server, 'statechart-phone', async () => {
      const { context, page } = await newPage(server, PHONE);
      await login(page, server.base, 'wangjg', PASSWORD);
      await page.goto(`${server.base}/app/cases/${caseId}`);
      const picture = page.getByRole('img', { name: '案件流程图，当前：会诊调解中' });
      await picture.waitFor();
      const current = picture.locator('[data-current="true"]');
      await current.scrollIntoViewIfNeeded();
      const where = await current.boundingBox();
      expect(where).not.toBeNull();
      expect(where!.x).toBeGreaterThanOrEqual(0);
      expect(where!.x + where!.width).toBeLessThanOrEqual(PHONE.width);
      // What every open state can do is a list under the picture, wrapped to the screen.
      const transfer = diagramCard(page).getByRole('listitem').filter({ hasText: '移交' });
      await transfer.waitFor();
      expect((await transfer.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width);
      await diagramCard(page).screenshot({
        path: path.join(SCREENSHOTS, 'phone-statechart.png'),
      });
      await expectNoSeriousViolations(page, 'phone case page');
      await context.close();
    });
  }, 90_000);
});

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  await page.mouse.move(4, (page.viewportSize()?.height ?? 800) - 4);
  const violations = await seriousViolations(page);
  expect({ where, violations }).toEqual({ where, violations: [] });
}

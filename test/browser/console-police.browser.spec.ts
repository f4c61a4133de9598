import { CommunityReportEntity } from '@tricolor/persistence';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { waitFor } from '../support/wait';
import {
  DESK,
  PHONE,
  journey,
  login,
  newPage,
  seriousViolations,
  shot,
  startConsole,
  type ConsoleServer,
} from './browser';
import {
  INSIDE,
  PASSWORD,
  buildPoliceDistrict,
  fileReport,
  type PoliceDistrict,
} from './police-district';

/** The community police room in a real browser (issue 15) and the dashboard's charts (issue 18). */

const label = (text: string) => new RegExp(`^([a-z-]+ )?\\s*${[...text].join('\\s*')}\\s*$`);
const button = (page: Page, text: string) => page.getByRole('button', { name: label(text) });

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  await page.locator('.ant-drawer-mask').waitFor({ state: 'detached' });
  const violations = await seriousViolations(page);
  expect({ where, violations }).toEqual({ where, violations: [] });
}

/**
 * What ECharts drew, read from the chart instance the page keeps on its box (the root tsconfig has
 * no DOM types, so the page-side code is a string).
 */
async function inChart<T>(page: Page, testId: string, body: string): Promise<T> {
  return page.evaluate<T>(
    `(() => { const box = document.querySelector('[data-testid="${testId}"]');
      const chart = box && box.chart; if (!chart) return null; ${body} })()`,
  );
}

/** The number of items ECharts drew in one scatter series of the chart inside `testId`. */
const drawnPoints = (page: Page, testId: string, seriesId: string) =>
  inChart<number | null>(
    page,
    testId,
    `const s = chart.getModel().getSeriesByType('scatter').find((x) => x.id === '${seriesId}');
     return s ? s.getData().count() : -1;`,
  );

describe('the community police room in a real browser', () => {
  let server: ConsoleServer;
  let district: PoliceDistrict;
  beforeAll(async () => {
    server = await startConsole();
    district = await buildPoliceDistrict(server.api);
    // Yesterday's reports, as the officer finds them in the morning: one looked at in time is
    // not possible to fake, one nobody looked at is (the clock of its row is moved back).
    const old = await fileReport(server.api, 'liufang', {
      gridCode: 'G2',
      category: 'safety_hazard',
      urgency: 'high',
      summary: '5栋楼道内有电动车飞线充电，存在火灾隐患',
      place: '抚河北路88号5栋1单元',
      location: { lon: INSIDE.G2[0] + 0.002, lat: INSIDE.G2[1] - 0.001 },
    });
    const data = server.api.app.get(DataSource);
    await data.getRepository(CommunityReportEntity).update(
      { id: old.id },
      {
        createdAt: new Date(Date.now() - 3 * 86_400_000),
        reviewDueAt: new Date(Date.now() - 86_400_000),
      },
    );
    await fileReport(server.api, 'wangjg', {
      gridCode: 'G1',
      category: 'help_needed',
      urgency: 'normal',
      summary: '独居老人刘奶奶近日行动不便，家中无人照料',
      place: '抚河小区12栋',
      location: { lon: INSIDE.G1[0] - 0.002, lat: INSIDE.G1[1] + 0.0015 },
    });
  }, 180_000);
  afterAll(() => server?.close());

  it('a grid worker files a 社情 report on the phone; the officer turns it into a dispute from the queue', async () => {
    await journey(server, 'police-report', async () => {
      // The phone: geolocation granted, standing in grid G1.
      const phone = await newPage(server, PHONE);
      await phone.context.grantPermissions(['geolocation']);
      await phone.context.setGeolocation({ longitude: INSIDE.G1[0], latitude: INSIDE.G1[1] });
      const p = phone.page;
      await login(p, server.base, 'wangjg', PASSWORD);
      await p.getByRole('link', { name: '社情上报' }).first().click();
      await p.getByRole('heading', { name: '上报社情信息' }).waitFor();
      await p.getByText('电诈风险').click();
      await p.getByText('较急').click();
      await p
        .getByLabel('发生了什么')
        .fill('居民反映接到自称银行客服的电话，要求转账解冻账户，疑似电信诈骗');
      await p.getByLabel('网格内位置').fill('抚河小区3栋2单元');
      await button(p, '使用手机定位').click();
      await p.getByText(`经度 ${INSIDE.G1[0]}，纬度 ${INSIDE.G1[1]}`).waitFor();
      await button(p, '添加涉及人员').click();
      await p.getByLabel('姓名', { exact: true }).fill('黄秀英');
      await p.getByLabel('手机号').fill('13907091234');
      await p.getByLabel('备注').fill('72岁，独居');
      await shot(p, 'phone-police-report-form');
      await expectNoSeriousViolations(p, 'report form');
      await button(p, '提交上报').click();
      await p.getByText(/已上报 .+，社区民警将尽快研判/).waitFor();
      await p.locator('.ant-list-item', { hasText: '疑似电信诈骗' }).waitFor();
      await shot(p, 'phone-police-report-filed');
      await phone.context.close();

      // The desk: the community police officer's morning queue.
      const desk = await newPage(server, DESK);
      const d = desk.page;
      await login(d, server.base, 'lijh', PASSWORD);
      await d.getByRole('link', { name: '社情研判' }).first().click();
      await d.getByRole('heading', { name: '社情研判' }).waitFor();
      // Overdue ones first: the one filed three days ago nobody looked at is announced.
      await d.getByText(/有 1 条社情超过研判期限无人处理/).waitFor();
      await button(d, '立即查看').click();
      await d.getByText('电动车飞线充电').first().waitFor();
      await d
        .getByText(/超时未研判/)
        .first()
        .waitFor();
      await shot(d, 'desk-police-queue-overdue');
      await d.getByRole('switch').click();
      await d.getByText('今天', { exact: true }).click();
      const card = d.locator('.ant-card', { hasText: '疑似电信诈骗' }).first();
      await card.waitFor();
      await shot(d, 'desk-police-queue');
      await expectNoSeriousViolations(d, 'report queue');
      await card.getByRole('button', { name: /研\s*判/ }).click();
      await d.getByText('黄秀英').waitFor();
      await d.getByText('13907091234').waitFor();
      await shot(d, 'desk-police-report-drawer');
      await button(d, '转为纠纷').click();

      // The intake form, pre-filled from the report; the officer adds the other side.
      await d.waitForURL(/\/app\/open$/);
      await d.getByText(/由社情信息 .+ 转入/).waitFor();
      await waitFor(
        'the pre-filled title',
        async () => (await d.getByLabel('纠纷标题').inputValue()).includes('疑似电信诈骗'),
        10_000,
      );
      expect(await d.getByLabel('姓名').nth(0).inputValue()).toBe('黄秀英');
      expect(await d.getByLabel('事实经过').inputValue()).toContain('抚河小区3栋2单元');
      await d.getByLabel('姓名').nth(1).fill('未知来电人');
      await shot(d, 'desk-police-convert-prefilled');
      await expectNoSeriousViolations(d, 'convert form');
      await button(d, '登记并开始调解').click();
      await d.waitForURL(/\/app\/cases\//);
      const disputeId = /\/cases\/([^/?#]+)/.exec(d.url())?.[1] as string;

      // The link holds both ways.
      const token = await server.api.login('lijh', PASSWORD);
      const dispute = await server.api
        .http()
        .get(`/disputes/${disputeId}`)
        .set('Authorization', `Bearer ${token}`);
      expect(dispute.body.reportId).toEqual(expect.any(String));
      const report = await server.api
        .http()
        .get(`/community/reports/${dispute.body.reportId as string}`)
        .set('Authorization', `Bearer ${token}`);
      expect(report.body).toMatchObject({ status: 'converted', disputeId });
      expect(report.body.summary).toContain('疑似电信诈骗');
      // The new case is a blue point on the street's map, like the seeded ones.
      district.cases.push({ id: disputeId, tier: dispute.body.tier, grid: dispute.body.gridCode });
      await desk.context.close();
    });
  }, 180_000);

  it('draws the street offline with the right points for a filter, and a click reaches the case', async () => {
    await journey(server, 'police-map', async () => {
      const { context, page } = await newPage(server, DESK);
      // No request leaves the server: the base map is the grids' own boundaries.
      const foreign: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(server.base) && !r.url().startsWith('data:')) foreign.push(r.url());
      });
      await login(page, server.base, 'sunli', PASSWORD);
      await page.getByRole('link', { name: '一张图' }).first().click();
      await page.getByRole('heading', { name: /社区要素一张图/ }).waitFor();
      const all = district.cases.length;
      await waitFor(
        `step 1`,
        async () => (await drawnPoints(page, 'street-map', 'cases')) === all,
        15_000,
      );
      // Four grids drawn from their boundaries, each named on the map.
      await page.locator('[data-testid="street-map"] svg').getByText('站前第二网格').waitFor();
      await shot(page, 'desk-police-map');
      await expectNoSeriousViolations(page, 'map');

      // Blue only: the blue cases, whether open or closed (the map is of the period).
      const segment = (text: string) =>
        page.locator('.ant-segmented-item', { hasText: text }).first().click();
      await segment('蓝色');
      const blue = district.cases.filter((c) => c.tier === 'blue').length;
      await waitFor(
        `step 2`,
        async () => (await drawnPoints(page, 'street-map', 'cases')) === blue,
        15_000,
      );
      // Red only: the one red case.
      await segment('红色');
      await waitFor(
        `step 3`,
        async () => (await drawnPoints(page, 'street-map', 'cases')) === 1,
        15_000,
      );
      await shot(page, 'desk-police-map-red');

      // A click on the red point opens its case.
      const red = district.cases.find((c) => c.tier === 'red')!;
      const at = await inChart<{ x: number; y: number }>(
        page,
        'street-map',
        `const s = chart.getModel().getSeriesByType('scatter').find((x) => x.id === 'cases');
         const [x, y] = s.getData().getItemLayout(0);
         const r = box.getBoundingClientRect();
         return { x: r.left + x, y: r.top + y };`,
      );
      await page.mouse.click(at.x, at.y);
      await page.waitForURL(new RegExp(`/app/cases/${red.id}$`));
      await page.getByText('装修公司拖欠农民工工资').first().waitFor();
      expect(foreign).toEqual([]);
      await context.close();

      // The phone: the same map for the community police officer on the move.
      const phone = await newPage(server, PHONE);
      await login(phone.page, server.base, 'lijh', PASSWORD);
      await phone.page.goto(`${server.base}/app/map`);
      // The officer sees the community's cases only: 抚河社区 is G1 and G2.
      const own = district.cases.filter((c) => c.grid === 'G1' || c.grid === 'G2').length;
      await waitFor(
        `step 4`,
        async () => (await drawnPoints(phone.page, 'street-map', 'cases')) === own,
        15_000,
      );
      // The street fits the phone's narrow box: no grid is cut off at either side.
      const fit = await inChart<{ left: number; right: number; width: number }>(
        phone.page,
        'street-map',
        `const r = chart.getModel().getComponent('geo').coordinateSystem.getViewRect();
         return { left: r.x, right: r.x + r.width, width: chart.getWidth() };`,
      );
      expect(fit.left).toBeGreaterThanOrEqual(0);
      expect(fit.right).toBeLessThanOrEqual(fit.width);
      await shot(phone.page, 'phone-police-map');
      // Six pages do not fit a phone's bottom bar: the last ones open from 更多.
      await phone.page.getByRole('button', { name: '更多' }).click();
      await phone.page.getByRole('link', { name: '督办与报表' }).click();
      await phone.page.waitForURL(/\/office/);
      await phone.page.goto(`${server.base}/app/map`);
      await phone.page.getByRole('button', { name: '更多' }).click();
      await shot(phone.page, 'phone-nav-more');
      await phone.context.close();
    });
  }, 120_000);

  it('a bad boundary is refused in plain Chinese', async () => {
    await journey(server, 'police-boundary', async () => {
      const { context, page } = await newPage(server, DESK);
      await login(page, server.base, 'admin', 'admin-password');
      await page.goto(`${server.base}/app/map`);
      await page.getByText('上传网格边界').waitFor();
      const form = page.locator('.ant-card', { hasText: '上传网格边界' });
      await form.getByRole('combobox').click();
      await page.locator('.ant-select-item-option', { hasText: '站前第二网格' }).click();
      await page.getByLabel(/GeoJSON 边界/).fill(
        JSON.stringify({
          type: 'Polygon',
          coordinates: [
            [
              [115.9, 28.67],
              [115.91, 28.67],
              [115.91, 28.68],
              [115.9, 28.68],
            ],
          ],
        }),
      );
      await button(page, '保存边界').click();
      await page.getByText('边界不合格：第1个环没有闭合：第一个点和最后一个点必须相同').waitFor();
      await shot(page, 'desk-police-boundary-refused');
      await context.close();
    });
  }, 60_000);

  it('shows the team, with names hidden from volunteers', async () => {
    await journey(server, 'police-team', async () => {
      const { context, page } = await newPage(server, DESK);
      await login(page, server.base, 'sunli', PASSWORD);
      await page.getByRole('link', { name: '警格团队' }).first().click();
      await page.getByRole('heading', { name: /警格团队 · 抚河社区/ }).waitFor();
      await page.getByText('团队配齐').waitFor();
      await page.getByRole('heading', { name: '胡浩' }).waitFor();
      // Each member's unit by its name, not its code.
      await page
        .getByText(/^抚河第一网格 · /)
        .first()
        .waitFor();
      await shot(page, 'desk-police-team');
      await expectNoSeriousViolations(page, 'team');
      await context.close();

      const volunteer = await newPage(server, PHONE);
      await login(volunteer.page, server.base, 'chenzy', PASSWORD);
      await volunteer.page.getByRole('heading', { name: '上报社情信息' }).waitFor();
      await volunteer.page.getByRole('link', { name: '警格团队' }).first().click();
      await volunteer.page.getByText('志愿者只显示团队分工，不显示人员信息').waitFor();
      expect(await volunteer.page.getByText('胡浩').count()).toBe(0);
      await shot(volunteer.page, 'phone-police-team-volunteer');
      await volunteer.context.close();
    });
  }, 60_000);

  it('draws the dashboard’s charts from /stats', async () => {
    await journey(server, 'police-dashboard', async () => {
      const { context, page } = await newPage(server, DESK);
      await login(page, server.base, 'sunli', PASSWORD);
      await page.getByRole('link', { name: '统计' }).first().click();
      await page.getByText('各级化解占比').waitFor();
      await waitFor(
        `step 5`,
        async () => (await page.locator('[data-testid="dashboard-chart"] svg').count()) === 4,
        15_000,
      );
      // The settled-share chart has one bar per tier.
      const bars = await inChart<number>(
        page,
        'dashboard-chart',
        `return chart.getModel().getSeriesByType('bar')[0].getData().count();`,
      );
      expect(bars).toBe(3);
      await shot(page, 'desk-dashboard-charts');
      await expectNoSeriousViolations(page, 'dashboard');
      await context.close();
    });
  }, 60_000);
});

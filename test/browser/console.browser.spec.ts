import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
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
import { buildDistrict, openCase, PASSWORD, sendAs } from './district';

/** A button by its Chinese label: Ant Design puts a space between two CJK characters. */
// An icon before the text adds its own name ("plus 登记纠纷").
const label = (text: string) => new RegExp(`^([a-z-]+ )?\\s*${[...text].join('\\s*')}\\s*$`);
const button = (page: Page, text: string) => page.getByRole('button', { name: label(text) });

async function pick(page: Page, field: string, option: string): Promise<void> {
  // Type to filter, then choose with the keyboard: a click can land while the list still moves.
  const box = page.getByLabel(field, { exact: true });
  await box.click();
  await box.fill(option);
  await page.locator('.ant-select-item-option', { hasText: option }).waitFor();
  await box.press('Enter');
  // The chosen name now shows in the field itself (the option list lives elsewhere in the page).
  await page
    .locator('.ant-form-item', { has: page.getByLabel(field, { exact: true }) })
    .filter({ hasText: option })
    .waitFor();
}

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  // A closing drawer's mask would dim the page under it: check the page as it settles.
  await page.locator('.ant-drawer-mask').waitFor({ state: 'detached' });
  await page.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
  // A drawer's submit button sits where the header's logout button is once the drawer closes:
  // move the pointer off it, or axe measures the button's hover colours.
  await page.mouse.move(4, (page.viewportSize()?.height ?? 800) - 4);
  const violations = await seriousViolations(page);
  expect({ where, violations }).toEqual({ where, violations: [] });
}

describe('the console in a real browser', () => {
  let server: ConsoleServer;
  beforeAll(async () => {
    server = await startConsole();
    await buildDistrict(server.api);
  }, 120_000);
  afterAll(() => server?.close());

  it('serves the console at /app/, compressed and cached, and sends / there', async () => {
    const root = await fetch(`${server.base}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/app/');
    const index = await fetch(`${server.base}/app/cases/anything`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.base}${script}`, {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('keeps the login page and the grid worker’s list within 300 KB of JavaScript over the wire', () => {
    const weight = JSON.parse(
      readFileSync(path.join(process.cwd(), 'dist', 'console', 'weight.json'), 'utf8'),
    ) as Record<string, { jsBrotli: number }>;
    expect(weight.login.jsBrotli).toBeLessThanOrEqual(300 * 1024);
    expect(weight.gridWorkerList.jsBrotli).toBeLessThanOrEqual(300 * 1024);
  });

  it('a grid worker, on the phone, opens a dispute, records the agreement and the follow-up', async () => {
    await journey(server, 'phone', async () => {
      const { context, page } = await newPage(server, PHONE);
      await page.goto(`${server.base}/`);
      await shot(page, 'phone-login');
      await expectNoSeriousViolations(page, 'login');
      await login(page, server.base, 'wangjg', PASSWORD);
      await page.getByRole('heading', { name: '我的网格' }).waitFor();
      await expectNoSeriousViolations(page, 'queue');

      await button(page, '登记纠纷').click();
      await page.getByLabel('纠纷标题').fill('楼上卫生间漏水致楼下天花板受损');
      await page
        .getByLabel('事实经过')
        .fill('302室卫生间防水层老化，连续两周向202室渗水，天花板霉变。');
      await page.getByLabel('姓名').nth(0).fill('张桂兰');
      await page.getByLabel('手机号').nth(0).fill('1380013800');
      await page.getByLabel('姓名').nth(1).fill('刘志强');
      await page.getByLabel('涉及弱势群体').check();
      await page.getByText(/命中 1\/\d+ 项/).waitFor();
      await button(page, '登记并开始调解').click();
      // The phone number is one digit short: the form says so before anything is sent.
      await page.getByText('请输入11位手机号').waitFor();
      await page.getByLabel('手机号').nth(0).fill('13800138000');
      await shot(page, 'phone-open-dispute');
      await expectNoSeriousViolations(page, 'open dispute');
      await button(page, '登记并开始调解').click();

      await page.waitForURL(/\/app\/cases\//);
      await page.getByText('当场调解中').first().waitFor();
      await page.getByText(/记录完整，已校验/).waitFor();
      // On the phone each party is a block; the handler sees the real number.
      await page
        .getByRole('list', { name: '当事人' })
        .getByText('手机号：13800138000', { exact: true })
        .waitFor();
      // The place by its name, not its code (G1).
      await page.getByText('宁海路第一网格', { exact: true }).waitFor();
      await shot(page, 'phone-case');
      await expectNoSeriousViolations(page, 'case page');

      await button(page, '达成协议').click();
      await page
        .getByLabel('协议内容')
        .fill('刘志强于十日内请人修复卫生间防水层，并承担202室天花板修复费用1200元。');
      await page.getByLabel('张桂兰（申请人）').check();
      await page.getByLabel('刘志强（被申请人）').check();
      await button(page, '提交').click();
      await page.getByText('已达成协议').first().waitFor();

      await button(page, '记录回访').click();
      await page.getByText('全部履行').click();
      await button(page, '提交').click();
      await page.getByText('已结案 · 调解成功').waitFor();
      await shot(page, 'phone-case-closed');

      await page.getByRole('link', { name: '我的网格' }).first().click();
      await page.getByText('暂无案件').waitFor();
      // Closed cases are behind the "open only" switch.
      await page.getByRole('switch').click();
      await page.getByText('楼上卫生间漏水致楼下天花板受损').first().waitFor();
      await shot(page, 'phone-queue');
      await context.close();
    });
  }, 90_000);

  it('the judicial office accepts an escalated case, records the agreement and the court’s confirmation', async () => {
    await journey(server, 'yellow', async () => {
      const c = await openCase(server.api, { title: '物业费争议，业主拒交两年物业费' });
      await sendAs(server.api, 'wangjg', c.id, {
        type: 'ESCALATE',
        reason: '涉及物业服务合同，需要法律意见',
      });

      const { context, page } = await newPage(server, DESK);
      await login(page, server.base, 'zhaomin', PASSWORD);
      // The queue names the grid (the judicial office may not list units: GET /units).
      await page
        .getByRole('row', { name: /物业费争议，业主拒交两年物业费/ })
        .getByText('宁海路第一网格', { exact: true })
        .waitFor();
      await page.getByText('物业费争议，业主拒交两年物业费').click();
      await page.getByText('待司法所受理').first().waitFor();
      await shot(page, 'desk-yellow-case');
      await button(page, '受理').click();
      await pick(page, '承办司法所工作人员', '赵敏');
      await pick(page, '会诊律师', '钱律师');
      await shot(page, 'desk-accept');
      await button(page, '提交').click();
      await page.getByText('会诊调解中').first().waitFor();

      await button(page, '达成协议').click();
      await page
        .getByLabel('协议内容')
        .fill('业主于本月底前补交物业费的80%，物业公司整改电梯维保问题。');
      await page.getByLabel('张桂兰（申请人）').check();
      await page.getByLabel('刘志强（被申请人）').check();
      await button(page, '提交').click();
      await page.getByText('已达成协议').first().waitFor();
      await button(page, '申请司法确认').click();
      await button(page, '提交').click();
      await page.getByText('司法确认中').first().waitFor();
      await expectNoSeriousViolations(page, 'desk case page');
      await context.close();

      const supervisor = await newPage(server, DESK);
      await login(supervisor.page, server.base, 'sunli', PASSWORD);
      await supervisor.page.goto(`${server.base}/app/cases/${c.id}`);
      await button(supervisor.page, '记录司法确认结果').click();
      await supervisor.page.getByLabel('是', { exact: true }).check();
      await button(supervisor.page, '提交').click();
      await supervisor.page.getByText('已办理：记录司法确认结果').waitFor();
      await shot(supervisor.page, 'desk-confirmed');
      await supervisor.context.close();
    });
  }, 90_000);

  it('the panel is refused while an institution is missing, then convened with all four', async () => {
    await journey(server, 'red', async () => {
      const c = await openCase(server.api, {
        title: '拖欠农民工工资引发聚集',
        requestedTier: 'red',
        riskIndicators: ['migrant_wage_arrears', 'many_parties', 'public_order_impact'],
      });
      const { context, page } = await newPage(server, DESK);
      await login(page, server.base, 'liwei', PASSWORD);
      await page.goto(`${server.base}/app/cases/${c.id}`);
      await button(page, '召集调解小组').click();
      await pick(page, '派出所', '李警官');
      await pick(page, '司法所', '周司法');
      await pick(page, '律师事务所', '吴律师');
      await page.getByText('尚缺：').waitFor();
      await button(page, '提交').click();
      // The statechart refuses; the console shows its reason, in the drawer, without leaving the page.
      await page
        .locator('.ant-alert-error')
        .filter({ hasText: /court|法庭/ })
        .waitFor();
      await shot(page, 'desk-panel-refused');
      await pick(page, '人民法庭', '郑法官');
      await page.getByText('四方已齐').waitFor();
      await button(page, '提交').click();
      await page.getByText('联合调处中').first().waitFor();
      await shot(page, 'desk-panel-convened');
      await context.close();
    });
  }, 90_000);

  it('two people acting on one case: the second is told it changed, in plain words', async () => {
    await journey(server, 'conflict', async () => {
      const c = await openCase(server.api, { title: '相邻通道堆放杂物' });
      const first = await newPage(server, DESK);
      const second = await newPage(server, DESK);
      for (const { page } of [first, second]) {
        await login(page, server.base, 'wangjg', PASSWORD);
        await page.goto(`${server.base}/app/cases/${c.id}`);
        await page.getByText('当场调解中').first().waitFor();
      }
      await button(first.page, '中止').click();
      await first.page.getByLabel('理由').fill('一方当事人住院');
      await button(first.page, '提交').click();
      await first.page.getByText('已中止').first().waitFor();

      await button(second.page, '中止').click();
      await second.page.getByLabel('理由').fill('同一事由');
      await button(second.page, '提交').click();
      await second.page.getByText('此案件刚被他人更新，请刷新后重试').waitFor();
      await shot(second.page, 'desk-conflict');
      await first.context.close();
      await second.context.close();
    });
  }, 90_000);

  it('switches between Chinese and English', async () => {
    await journey(server, 'language', async () => {
      const { context, page } = await newPage(server, DESK);
      await page.goto(`${server.base}/`);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Log in' }).waitFor();
      await login(page, server.base, 'sunli', PASSWORD);
      await page.getByRole('heading', { name: 'Cases to handle' }).waitFor();
      // A supervisor's eight pages do not fit one line in English: the bar keeps one row and
      // puts the last pages under "More".
      const rows = async () =>
        page.locator('header ul.ant-menu > li').evaluateAll((lis) => {
          const tops = lis.map((li) => (li as unknown as { offsetTop: number }).offsetTop);
          return new Set(tops).size;
        });
      await page.locator('header ul.ant-menu > li', { hasText: 'More' }).waitFor();
      expect(await rows()).toBe(1);
      await page.locator('header ul.ant-menu > li', { hasText: 'More' }).hover();
      await page.getByRole('menuitem', { name: 'Units and users' }).waitFor();
      await shot(page, 'desk-queue-english');
      await page.mouse.move(700, 500);
      // The choice is kept: English (a chunk of its own) is there from the first paint.
      await page.reload();
      await page.getByRole('heading', { name: 'Cases to handle' }).waitFor();
      // The header's buttons stay white on its dark blue, under the pointer too.
      const toChinese = page.getByRole('button', { name: label('中文') });
      await toChinese.hover();
      await page.waitForTimeout(250); // Ant Design's colour transition
      const colour = await toChinese.evaluate((b) => {
        // The page's own function (this file is typed without the DOM library).
        const w = globalThis as unknown as { getComputedStyle(e: unknown): { color: string } };
        return w.getComputedStyle(b).color;
      });
      expect(colour).toBe('rgb(255, 255, 255)');
      await toChinese.click();
      await page.getByRole('heading', { name: '待办案件' }).waitFor();
      // In Chinese all eight fit: no "more" menu.
      await page.getByRole('link', { name: '机构与人员' }).waitFor();
      expect(await page.locator('header ul.ant-menu > li', { hasText: '更多' }).count()).toBe(0);
      expect(await rows()).toBe(1);
      await page.getByRole('link', { name: '统计' }).click();
      await page.getByText(/网格内化解/).waitFor();
      await shot(page, 'desk-dashboard');
      await expectNoSeriousViolations(page, 'dashboard');
      await page.getByRole('link', { name: '机构与人员' }).click();
      await page.getByRole('tree').getByText('八大湖街道（S1）').waitFor();
      // Users are listed with their unit's name beside its code.
      await page.getByRole('cell', { name: '宁海路第一网格（G1）' }).first().waitFor();
      await shot(page, 'desk-admin');
      await expectNoSeriousViolations(page, 'admin');
      await context.close();
    });
  }, 60_000);
});

describe('an automatic escalation in the console', () => {
  let server: ConsoleServer;
  beforeAll(async () => {
    server = await startConsole({ DEADLINE_BLUE_MEDIATION: 'PT2S' });
    await buildDistrict(server.api);
  }, 120_000);
  afterAll(() => server?.close());

  it('reaches the judicial officer’s inbox when the blue deadline passes', async () => {
    await journey(server, 'escalation', async () => {
      await openCase(server.api, { title: '夜间装修噪音扰民' });
      const { context, page } = await newPage(server, DESK);
      await login(page, server.base, 'zhaomin', PASSWORD);
      await waitFor(
        'the escalation notice in the inbox',
        async () => {
          await page.goto(`${server.base}/app/inbox`);
          await button(page, '全部标为已读').waitFor();
          return (await page.getByText('案件升级').count()) > 0;
        },
        30_000,
        1_000,
      );
      await shot(page, 'desk-inbox');
      await expectNoSeriousViolations(page, 'inbox');
      await context.close();
    });
  }, 90_000);
});

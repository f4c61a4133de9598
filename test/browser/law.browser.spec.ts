/**
 * Issue 16, points 8–9 in the console: a grid worker registers a dispute with a minor and their
 * guardian, in private, as people's mediation; the agreement form lets the guardian sign for the
 * minor. Screenshots on a phone and at a desk; no serious axe-core violations.
 */
import type { Page } from 'playwright-core';
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
import { buildDistrict, PASSWORD } from './district';

const label = (text: string) => new RegExp(`^([a-z-]+ )?\\s*${[...text].join('\\s*')}\\s*$`);
const button = (page: Page, text: string) => page.getByRole('button', { name: label(text) });

async function choose(page: Page, field: string, option: string, nth = 0): Promise<void> {
  const box = page.getByLabel(field, { exact: true }).nth(nth);
  const item = page
    .locator('.ant-form-item', { has: page.getByLabel(field, { exact: true }) })
    .nth(nth);
  // A click can land while the list still moves: try again until the field shows the choice.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await box.click();
    const list = page.locator('.ant-select-dropdown >> visible=true');
    await list.locator('.ant-select-item-option', { hasText: option }).first().click();
    try {
      await item.filter({ hasText: option }).waitFor({ timeout: 3000 });
      break;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
  await page.keyboard.press('Escape');
}

async function noSeriousViolations(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect({ where, violations }).toEqual({ where, violations: [] });
}

describe('guardians and private mediation in the console', () => {
  let server: ConsoleServer;
  beforeAll(async () => {
    server = await startConsole();
    await buildDistrict(server.api);
  }, 120_000);
  afterAll(() => server?.close());

  it.each([
    ['phone', PHONE],
    ['desk', DESK],
  ] as const)(
    'registers a minor with their guardian, in private; the guardian signs (%s)',
    async (name, viewport) => {
      await journey(server, `law-${name}`, async () => {
        const { context, page } = await newPage(server, viewport);
        await login(page, server.base, 'wangjg', PASSWORD);
        await button(page, '登记纠纷').click();
        await page.getByLabel('纠纷标题').fill('邻居孩子踢球打碎窗户玻璃');
        await page.getByLabel('事实经过').fill('李小明（15岁）在楼下踢球，打碎王芳家窗户玻璃。');
        await page.getByLabel('姓名', { exact: true }).nth(0).fill('王芳');
        await page.getByLabel('姓名', { exact: true }).nth(1).fill('李小明');
        await page.getByText('治安调解').waitFor();
        await page.getByLabel('不公开调解（当事人申请）').check();
        await choose(page, '行为能力', '未成年人', 1);
        await button(page, '登记并开始调解').click();
        // A minor takes part through their guardian: the form says so before anything is sent.
        await page.getByText(/须由监护人代为参加调解并签字/).waitFor();
        await choose(page, '代理人', '监护人', 1);
        await page.getByLabel('代理人姓名').fill('李伟');
        await page.getByLabel('与当事人关系').fill('父亲');
        await shot(page, `${name}-law-open-guardian`);
        await noSeriousViolations(page, 'open dispute with a guardian');
        await button(page, '登记并开始调解').click();

        await page.waitForURL(/\/app\/cases\//);
        // The case says who acts for the minor, and that it is mediated in private.
        await page.getByText('监护人：李伟').waitFor();
        await page.getByText('不公开调解', { exact: true }).waitFor();
        await shot(page, `${name}-law-case`);
        await noSeriousViolations(page, 'case page with a guardian');
        await button(page, '达成协议').click();
        await page
          .getByLabel('协议内容')
          .fill('李伟代李小明赔偿王芳窗户玻璃费用300元，三日内付清。');
        await page.getByLabel('王芳（申请人）').check();
        // The minor's own box is not offered: their guardian signs for them.
        await page.getByLabel('李伟（监护人，代李小明签字）').check();
        await shot(page, `${name}-law-agreement-guardian`);
        await noSeriousViolations(page, 'agreement signed by a guardian');
        await button(page, '提交').click();
        await page.getByText('已达成协议').first().waitFor();
        await context.close();
      });
    },
    180_000,
  );
});

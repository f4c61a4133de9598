/**
 * The office's pages in a real browser: the case file (documents as PDF and DOCX read back in
 * Chinese, evidence from the phone, a bundle that verifies offline), supervision, the monthly
 * report, the printable joint-meeting agenda and the working calendar.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
import { buildDistrict, openCase, PASSWORD, sendAs, type Person } from './district';

/** A button by its Chinese label: Ant Design puts a space between two CJK characters. */
const label = (text: string) => new RegExp(`^([a-z-]+ )?\\s*${[...text].join('\\s*')}\\s*$`);
const button = (page: Page, text: string) => page.getByRole('button', { name: label(text) });

const TERMS = '刘志强于十日内请人修复卫生间防水层，并赔偿张桂兰天花板修复费用1200元。';
/** The smallest PNG there is (1x1), as a phone photo stands in for. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function noSeriousViolations(page: Page, where: string): Promise<void> {
  await page
    .locator('.ant-modal-wrap')
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
  const violations = await seriousViolations(page);
  expect({ where, violations }).toEqual({ where, violations: [] });
}

/** Clicks and keeps the file the browser downloads. */
async function download(page: Page, click: () => Promise<void>, dir: string): Promise<string> {
  // A bundle is rendered on request (every document, PDF and DOCX): slow on a loaded machine.
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), click()]);
  const target = path.join(dir, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

describe('the office pages in a real browser', () => {
  let server: ConsoleServer;
  let ids: Record<Person, string>;
  const dir = mkdtempSync(path.join(tmpdir(), 'console-office-'));
  beforeAll(async () => {
    // Every open case is "about to breach" within seconds, so the supervision list has rows.
    // Watched once less than 99.999 % of its time is left: a case opened by the test qualifies
    // within a tenth of a second (0.999 took 7 s: longer than the page takes to open).
    server = await startConsole({ SUPERVISION_SHARE: '0.99999', DEADLINE_BLUE_MEDIATION: 'PT2H' });
    ids = await buildDistrict(server.api);
  }, 120_000);
  afterAll(() => server?.close());

  it('a judicial officer downloads the agreement as PDF and DOCX, attaches evidence and hands a court a bundle that verifies', async () => {
    await journey(server, 'office-casefile', async () => {
      const c = await openCase(server.api, { title: '楼上漏水损坏天花板，协商赔偿' });
      await sendAs(server.api, 'wangjg', c.id, { type: 'ESCALATE', reason: '需要法律意见' });
      await sendAs(server.api, 'zhaomin', c.id, {
        type: 'ACCEPT',
        officerId: ids.zhaomin,
        lawyerId: ids.qianjun,
      });
      await sendAs(server.api, 'zhaomin', c.id, {
        type: 'REACH_AGREEMENT',
        terms: TERMS,
        signedByPartyIds: ['p1', 'p2'],
      });

      const { context, page } = await newPage(server, DESK);
      await login(page, server.base, 'zhaomin', PASSWORD);
      await page.goto(`${server.base}/app/cases/${c.id}`);
      await page.getByRole('heading', { name: '卷宗' }).waitFor();
      await page.getByText('人民调解协议书').first().waitFor();

      const pdf = await download(
        page,
        () => page.getByRole('button', { name: '人民调解协议书 PDF' }).click(),
        dir,
      );
      expect(path.basename(pdf)).toMatch(/-agreement\.pdf$/);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      const flat = text.replace(/\s+/g, '');
      expect(flat).toContain('人民调解协议书');
      expect(flat).toContain('张桂兰');
      expect(flat).toContain('刘志强');
      expect(flat).toContain('1200');

      const docx = await download(
        page,
        () => page.getByRole('button', { name: '人民调解协议书 DOCX' }).click(),
        dir,
      );
      const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
      const words = xml.replace(/<[^>]+>/g, '');
      expect(words).toContain('人民调解协议书');
      expect(words).toContain('张桂兰');

      // Evidence: a file that is not a photo or PDF is refused in plain words before it is sent.
      const input = page.getByTestId('evidence-file');
      await input.setInputFiles({
        name: '说明.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('x'),
      });
      await page
        .getByRole('alert')
        .getByText(/只能上传照片/)
        .waitFor();
      // A 21 MB photo, made in the page (sending that much over the protocol is slow).
      await input.evaluate((el) => {
        // The page's own constructors (this file is typed without the DOM library).
        const w = globalThis as unknown as {
          File: new (parts: unknown[], name: string, options: object) => unknown;
          DataTransfer: new () => { items: { add(file: unknown): void }; files: unknown };
          Event: new (type: string, options: object) => unknown;
        };
        const list = new w.DataTransfer();
        list.items.add(
          new w.File([new Uint8Array(21 * 1024 * 1024)], '天花板.jpg', { type: 'image/jpeg' }),
        );
        const input = el as unknown as { files: unknown; dispatchEvent(event: unknown): void };
        input.files = list.files;
        input.dispatchEvent(new w.Event('change', { bubbles: true }));
      });
      await page
        .getByRole('alert')
        .getByText(/文件太大/)
        .waitFor();
      await input.setInputFiles({ name: '天花板水渍.png', mimeType: 'image/png', buffer: PNG });
      await page.getByText('天花板水渍.png').first().waitFor();
      await page.getByText(/赵敏 于 .* 上传/).waitFor();
      await page.getByRole('img', { name: '天花板水渍.png' }).waitFor();
      await shot(page, 'desk-casefile');
      await noSeriousViolations(page, 'case page with the case file');

      const bundle = await download(
        page,
        () => button(page, '下载卷宗包').click({ timeout: 60_000 }),
        dir,
      );
      expect(path.basename(bundle)).toMatch(/-bundle\.zip$/);
      const key = (await (await fetch(`${server.base}/casefile/signing-key`)).json()) as {
        fingerprint: string;
      };
      await page.getByText(key.fingerprint, { exact: false }).waitFor();
      const verdict = execFileSync(
        process.execPath,
        ['scripts/tricolor-verify.mjs', bundle, '--public-key', key.fingerprint, '--json'],
        { encoding: 'utf8' },
      );
      expect(JSON.parse(verdict)).toMatchObject({ ok: true });
      const entries = execFileSync('unzip', ['-l', bundle], { encoding: 'utf8' });
      // The evidence is in the bundle (unzip prints the UTF-8 name in the console's charset).
      expect(entries).toMatch(/attachments\/[0-9a-f-]{36}-.*\.png/);
      await context.close();
    });
  }, 180_000);

  it('a grid worker on the phone sees what is next and can photograph evidence', async () => {
    await journey(server, 'office-phone', async () => {
      const c = await openCase(server.api, {
        title: '车位被占，邻居多次争吵',
        parties: [
          { name: '王秀英', role: 'applicant', phone: '13800138001' },
          { name: '陈伟', role: 'respondent', phone: '13912345679' },
        ],
      });
      const { context, page } = await newPage(server, PHONE);
      await login(page, server.base, 'wangjg', PASSWORD);
      await page.goto(`${server.base}/app/cases/${c.id}`);
      await page.getByText('下一步').first().waitFor();
      await page
        .getByText(/若在 .* 前/)
        .first()
        .waitFor();
      await button(page, '拍照上传').waitFor();
      await expect(page.locator('input[type=file][capture]').getAttribute('accept')).resolves.toBe(
        'image/*',
      );
      await shot(page, 'phone-casefile');
      await noSeriousViolations(page, 'phone case page');
      await context.close();
    });
  }, 120_000);

  it('a supervisor presses a case about to breach, downloads the month’s report and prints the agenda', async () => {
    await journey(server, 'office-supervisor', async () => {
      await openCase(server.api, { title: '楼道堆放杂物引发口角' });
      const { context, page } = await newPage(server, DESK);
      await login(page, server.base, 'sunli', PASSWORD);
      await page
        .getByRole('link', { name: /督办与报表/ })
        .first()
        .click();
      await page.waitForURL(/\/office\/supervision/);
      await page.getByText('楼道堆放杂物引发口角').waitFor();
      // A case just opened has used almost none of its time limit.
      await page
        .getByRole('row', { name: /楼道堆放杂物引发口角/ })
        .getByText(/^已用 [0-9]%（/)
        .waitFor();
      await page
        .getByRole('row', { name: /楼道堆放杂物引发口角/ })
        .getByRole('button', { name: label('督办') })
        .click();
      await page.getByLabel('督办事由').fill('当事人多次来访，请明日前组织调解');
      await shot(page, 'desk-supervise');
      await button(page, '发出督办').click();
      await page.getByText(/督办通知已发出/).waitFor();
      await page
        .getByRole('row', { name: /楼道堆放杂物引发口角/ })
        .getByText('1 件未回复')
        .waitFor();
      await shot(page, 'desk-supervision');
      await noSeriousViolations(page, 'supervision');

      await page.getByRole('tab', { name: '月度统计' }).click();
      await page.getByText('受理纠纷数').waitFor();
      await page.getByRole('cell', { name: '发出督办通知' }).waitFor();
      await shot(page, 'desk-report');
      await noSeriousViolations(page, 'monthly report');
      const xlsx = await download(page, () => button(page, '下载 Excel').click(), dir);
      expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
      const strings = execFileSync('unzip', ['-p', xlsx, 'xl/sharedStrings.xml'], {
        encoding: 'utf8',
      });
      expect(strings).toContain('受理纠纷数');
      expect(strings).toContain('发出督办通知');

      await page.getByRole('tab', { name: '联席会议议程' }).click();
      await button(page, '重新生成').click();
      await page.getByText(/议程已重新生成/).waitFor();
      await page.getByRole('heading', { name: /联席会议议程/ }).waitFor();
      await page.getByText('当事人多次来访，请明日前组织调解').first().waitFor();
      await shot(page, 'desk-agenda');
      await noSeriousViolations(page, 'agenda');
      await page.emulateMedia({ media: 'print' });
      await page.locator('.agenda-sheet h1').waitFor();
      expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
      expect(await page.locator('.agenda-sheet').innerText()).toContain('主持人签字');
      await shot(page, 'desk-agenda-print');
      await page.emulateMedia({ media: 'screen' });

      await page.getByRole('tab', { name: '工作日历' }).click();
      await page.getByText('法定节假日（休）').first().waitFor();
      await shot(page, 'desk-calendar-supervisor');
      await noSeriousViolations(page, 'calendar (read-only)');
      await context.close();

      const phone = await newPage(server, PHONE);
      await login(phone.page, server.base, 'sunli', PASSWORD);
      await phone.page.goto(`${server.base}/app/office/report`);
      await phone.page.getByText('受理纠纷数').waitFor();
      await shot(phone.page, 'phone-report');
      await phone.page.goto(`${server.base}/app/office/agenda`);
      await phone.page.getByRole('heading', { name: /联席会议议程/ }).waitFor();
      await shot(phone.page, 'phone-agenda');
      await noSeriousViolations(phone.page, 'phone agenda');
      await phone.context.close();
    });
  }, 180_000);

  it('an admin sees the year’s holidays and make-up days and imports an ICS file', async () => {
    await journey(server, 'office-calendar', async () => {
      const { context, page } = await newPage(server, DESK);
      await login(page, server.base, 'admin', 'admin-password');
      await page.goto(`${server.base}/app/office/calendar`);
      await page.getByText('调休上班日（班）').first().waitFor();
      const ics = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//test//EN',
        'BEGIN:VEVENT',
        'UID:a',
        'SUMMARY:元旦 休',
        'DTSTART;VALUE=DATE:20270101',
        'DTEND;VALUE=DATE:20270104',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:b',
        'SUMMARY:补班',
        'DTSTART;VALUE=DATE:20270110',
        'DTEND;VALUE=DATE:20270111',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n');
      await page
        .locator('input[type=file][accept*=".ics"]')
        .setInputFiles({ name: 'test.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
      await page.getByText(/已导入 2027 年/).waitFor();
      await page.getByText('1月10日').first().waitFor();
      await shot(page, 'desk-calendar');
      await noSeriousViolations(page, 'calendar (admin)');
      // Remove the make-up day again: the year is saved without it.
      await page.locator('.ant-tag', { hasText: '1月10日' }).locator('.ant-tag-close-icon').click();
      await page.getByText(/2027 年日历已保存/).waitFor();
      await page.getByText('调休上班日（班）（0）').waitFor();
      await context.close();
    });
  }, 120_000);
});

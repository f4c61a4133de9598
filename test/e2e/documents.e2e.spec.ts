import { startApi, type TestApi } from '../support/api';
import { binaryParser, docxText, pdfText } from '../support/casefile';
import { worldClient } from '../support/client';
import { DRIVERS } from '../support/databases';
import { buildWorld, type World } from '../support/world';

interface Opened {
  id: string;
  reference: string;
}

const FACTS = {
  title: '楼上卫生间漏水致楼下天花板受损',
  description: '楼上住户卫生间防水层破损，导致楼下住户天花板渗水发霉。',
  category: 'neighbour',
  amount: 3500,
};
const TERMS = '张三于七日内修复卫生间防水层，并赔偿李四天花板维修费人民币三千五百元。';

describe.each(DRIVERS)('case-file documents on %s', (driver) => {
  let api: TestApi;
  let world: World;
  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false' });
    world = await buildWorld(api);
  }, 120_000);
  afterAll(() => api?.close());

  const { as, open, send } = worldClient(
    () => api,
    () => world,
  );
  const fetchDoc = (user: 'gw1' | 'officer1' | 'gw3', id: string, kind: string, format = 'pdf') =>
    as(user)
      .get(`/disputes/${id}/documents/${kind}?format=${format}`)
      .buffer(true)
      .parse(binaryParser);
  const kinds = async (id: string) =>
    ((await as('gw1').get(`/disputes/${id}/documents`)).body as { kind: string }[]).map(
      (d) => d.kind,
    );

  it('renders the application and the Art. 29 agreement in Chinese, as PDF and DOCX', async () => {
    const c = await open<Opened>('gw1', FACTS);
    expect(await kinds(c.id)).toEqual(['application']);
    await send('gw1', c.id, {
      type: 'REACH_AGREEMENT',
      terms: TERMS,
      signedByPartyIds: ['p1', 'p2'],
      performanceDueAt: '2027-01-15T00:00:00.000Z',
    });
    expect(await kinds(c.id)).toEqual(['application', 'agreement', 'confirmation_application']);

    const application = await fetchDoc('gw1', c.id, 'application');
    expect(application.status).toBe(200);
    const appText = pdfText(application.body as Buffer);
    for (const fact of [
      '人民调解申请书',
      '张三',
      '李四',
      FACTS.title,
      '邻里纠纷',
      '网格员排查',
      '风险研判',
    ]) {
      expect(appText).toContain(fact);
    }

    const pdf = await fetchDoc('gw1', c.id, 'agreement');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['x-template-version']).toBe('agreement@1');
    const seq = Number(pdf.headers['x-audit-seq']);
    const trail = (await as('gw1').get(`/disputes/${c.id}/events`)).body as {
      seq: number;
      hash: string;
    }[];
    expect(seq).toBe(trail.at(-1)?.seq);
    expect(pdf.headers['x-audit-hash']).toBe(trail.at(-1)?.hash);

    const text = pdfText(pdf.body as Buffer);
    // Art. 29: the parties, the facts/issues/responsibilities, the terms and how/where/when.
    for (const item of [
      '人民调解协议书',
      '一、当事人的基本情况',
      '二、纠纷的主要事实、争议事项以及各方当事人的责任',
      '三、当事人达成调解协议的内容，履行的方式、地点、期限',
      '张三',
      '李四',
      FACTS.description,
      TERMS,
      '2027年1月15日前',
      '人民调解员（签名）',
      '按指印',
      'Streetone人民调解委员会（盖章）',
      '模板版本：agreement@1',
      `审计记录第${seq}条`,
    ]) {
      expect(text).toContain(item.replace(/\s+/g, ''));
    }
    // The handler sees the numbers; a judicial officer of the street (not handling a blue case) does not.
    expect(text).toContain('13800138000');
    const masked = pdfText((await fetchDoc('officer1', c.id, 'agreement')).body as Buffer);
    expect(masked).not.toContain('13800138000');
    expect(masked).toContain('*******8000');

    const docx = await fetchDoc('gw1', c.id, 'agreement', 'docx');
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const words = docxText(docx.body as Buffer);
    for (const item of [
      '人民调解协议书',
      '一、当事人的基本情况',
      TERMS,
      '张三',
      '履行期限',
      '按指印',
    ]) {
      expect(words).toContain(item.replace(/\s+/g, ''));
    }
  });

  it('follows the case: confirmation application, follow-up record and closing report', async () => {
    const c = await open<Opened>('gw1', FACTS);
    await send('gw1', c.id, {
      type: 'REACH_AGREEMENT',
      terms: TERMS,
      signedByPartyIds: ['p1', 'p2'],
    });
    const confirmation = pdfText(
      (await fetchDoc('gw1', c.id, 'confirmation_application')).body as Buffer,
    );
    expect(confirmation).toContain('司法确认申请书');
    expect(confirmation).toContain('第三十三条');
    await send('gw1', c.id, {
      type: 'RECORD_FOLLOW_UP',
      performed: 'full',
      note: '已修复，双方满意',
    });
    expect(await kinds(c.id)).toEqual([
      'application',
      'agreement',
      'follow_up',
      'closing_report',
      'confirmation_application',
    ]);
    const followUp = pdfText((await fetchDoc('gw1', c.id, 'follow_up')).body as Buffer);
    expect(followUp).toContain('已全部履行');
    expect(followUp).toContain('已修复，双方满意');
    const report = pdfText((await fetchDoc('gw1', c.id, 'closing_report')).body as Buffer);
    expect(report).toContain('人民调解结案报告');
    expect(report).toContain('调解成功，协议履行完毕');
  });

  it('refuses what the state does not offer, an unknown kind or format, and other streets', async () => {
    const c = await open<Opened>('gw1', FACTS);
    expect((await fetchDoc('gw1', c.id, 'agreement')).status).toBe(404);
    expect((await fetchDoc('gw1', c.id, 'nonsense')).status).toBe(400);
    expect((await fetchDoc('gw1', c.id, 'application', 'rtf')).status).toBe(400);
    expect((await fetchDoc('gw3', c.id, 'application')).status).toBe(404);
    expect((await as('gw3').get(`/disputes/${c.id}/documents`)).status).toBe(404);
  });
});

import type { MonthlyReport } from './monthly-report';

const TIER = { blue: '蓝色（网格）', yellow: '黄色（司法所）', red: '红色（三所一庭）' } as const;
const MEDIATION_TYPE = { people: '人民调解', police: '治安调解', court: '诉前/法院调解' } as const;
const pct = (share: number | null) => (share === null ? '' : `${(share * 100).toFixed(2)}%`);

/** The report as rows of [section, item, value]: what both the XLSX and the CSV print. */
export function reportRows(r: MonthlyReport): [string, string, string | number][] {
  const rows: [string, string, string | number][] = [
    ['基本信息', '单位', r.unit],
    ['基本信息', '月份', r.month],
    ['受理', '受理纠纷数', r.accepted.total],
    ['受理', '涉及金额（元）', r.accepted.amount],
  ];
  const breakdown = (section: string, b: MonthlyReport['accepted'] | MonthlyReport['closed']) => {
    for (const t of ['people', 'police', 'court'] as const)
      rows.push([section, `调解类型：${MEDIATION_TYPE[t]}`, b.byMediationType[t]]);
    for (const [k, v] of Object.entries(b.bySource)) rows.push([section, `来源：${k}`, v]);
    for (const [k, v] of Object.entries(b.byCategory)) rows.push([section, `类型：${k}`, v]);
    for (const t of ['blue', 'yellow', 'red'] as const)
      rows.push([section, `层级：${TIER[t]}`, b.byTier[t]]);
  };
  breakdown('受理', r.accepted);
  rows.push(['结案', '结案数', r.closed.total]);
  breakdown('结案', r.closed);
  for (const [k, v] of Object.entries(r.closed.byOutcome)) rows.push(['结案', `结果：${k}`, v]);
  rows.push(
    ['调解', '调解终结数', r.mediation.concluded],
    ['调解', '调解成功数', r.mediation.successful],
    ['调解', '调解成功率', pct(r.mediation.successRate)],
    ['调解协议', '书面协议', r.agreements.written],
    ['调解协议', '口头协议', r.agreements.oral],
    ['调解协议', '协议涉及金额（元）', r.agreements.amount],
    ['协议履行（回访）', '全部履行', r.performance.full],
    ['协议履行（回访）', '部分履行', r.performance.partial],
    ['协议履行（回访）', '未履行', r.performance.none],
    ['司法确认', '申请数', r.judicialConfirmation.applied],
    ['司法确认', '确认有效', r.judicialConfirmation.granted],
    ['司法确认', '不予确认', r.judicialConfirmation.refused],
    ['分级化解', `${TIER.blue}化解`, r.settledByTier.blue],
    ['分级化解', `${TIER.yellow}化解`, r.settledByTier.yellow],
    ['分级化解', `${TIER.red}化解`, r.settledByTier.red],
    ['分级化解', '小事不出网格占比', pct(r.settledByTier.shares.blue)],
    ['分级化解', '大事不出街道占比', pct(r.settledByTier.shares.yellow)],
    ['分级化解', '三所一庭化解占比', pct(r.settledByTier.shares.red)],
    ['超期', '超期案件数', r.overdue],
    ['督办', '发出督办通知', r.supervision.issued],
    ['督办', '被督办案件数', r.supervision.pressedCases],
    ['督办', '经办人回复', r.supervision.acknowledged],
    ['督办', '超过督办时限未回复', r.supervision.pastDueUnacknowledged],
    ['督办', '督办后仍超期的案件', r.supervision.breachedAfterPressing],
  );
  return rows;
}

const csvCell = (value: string | number) => {
  const text = String(value);
  // Quote when needed; a leading = + - @ is neutralised so a spreadsheet never runs it.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** UTF-8 with a BOM, so Excel opens the Chinese correctly. */
export function reportCsv(r: MonthlyReport): Buffer {
  const lines = [['分类', '指标', '数值'], ...reportRows(r)].map((row) =>
    row.map(csvCell).join(','),
  );
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function reportXlsx(r: MonthlyReport): Promise<Buffer> {
  // Loaded when a spreadsheet is first asked for: ~8 MB of heap every process kept otherwise.
  // (require, not import(): this is CommonJS, and jest runs these sources without ESM support.)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tricolor';
  const sheet = workbook.addWorksheet('人民调解工作统计');
  sheet.columns = [
    { header: '分类', key: 'section', width: 20 },
    { header: '指标', key: 'item', width: 32 },
    { header: '数值', key: 'value', width: 16 },
  ];
  for (const [section, item, value] of reportRows(r)) sheet.addRow({ section, item, value });
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

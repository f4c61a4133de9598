import type { Outcome, Status, Tier } from '@tricolor/workflow';

// The Chinese the case file prints. An unknown code prints as itself rather than failing: the
// vocabulary grows (categories, sources) faster than this table.

export const TIER_ZH: Record<Tier, string> = {
  blue: '蓝色（网格调解）',
  yellow: '黄色（司法所会同律师会诊）',
  red: '红色（三所一庭联合调解）',
};

export const STATUS_ZH: Record<Status, string> = {
  'blue.mediating': '网格调解中',
  'yellow.awaitingAcceptance': '待司法所受理',
  'yellow.jointReview': '会诊调解中',
  'red.convening': '组建调解团队中',
  'red.panelMediation': '联合调解中',
  agreed: '已达成协议',
  'agreed.judicialConfirmation': '司法确认中',
  followUp: '回访中',
  suspended: '中止',
  closed: '已结案',
};

export const OUTCOME_ZH: Record<Outcome, string> = {
  resolved: '调解成功，协议履行完毕',
  withdrawn: '当事人撤回',
  refused: '当事人拒绝调解，已告知其他救济途径',
  referred_to_litigation: '转诉讼',
  transferred: '移交其他机关',
  agreement_not_performed: '协议未履行',
  // People's Mediation Law review (docs/law.md).
  not_accepted: '不予受理，已告知向有关机关申请',
  other_route: '当事人选择其他途径（仲裁、行政、诉讼）',
  // Issue 16, point 9: the parties settled by themselves.
  settled_by_parties: '当事人自行和解',
};

const CATEGORY_ZH: Record<string, string> = {
  neighbour: '邻里纠纷',
  noise: '噪音纠纷',
  parking: '停车纠纷',
  leak: '漏水纠纷',
  debt: '债务纠纷',
  family: '婚姻家庭纠纷',
  marriage: '婚姻家庭纠纷',
  inheritance: '继承纠纷',
  wage: '劳动工资纠纷',
  labour: '劳动争议',
  property: '物业纠纷',
  land: '土地纠纷',
  contract: '合同纠纷',
  damage: '损害赔偿纠纷',
  traffic: '交通事故纠纷',
  medical: '医疗纠纷',
  consumer: '消费纠纷',
  other: '其他纠纷',
};

const SOURCE_ZH: Record<string, string> = {
  // The sources the intake records (PML Art. 18; libs/workflow CASE_SOURCES).
  grid_worker: '网格员排查',
  party_application: '当事人申请',
  hotline_110: '110报警移交',
  hotline_12345: '12345热线',
  police_referral: '公安移送',
  court_referral: '法院委派',
  grid: '网格员排查',
  walk_in: '当事人申请',
  application: '当事人申请',
  hotline: '12345热线',
  police: '公安移送',
  court: '法院委派',
  referral: '部门移交',
  community_police: '社区民警移送',
};

export const PERFORMANCE_ZH: Record<string, string> = {
  full: '已全部履行',
  partial: '部分履行',
  none: '未履行',
};

export const PARTY_ROLE_ZH: Record<string, string> = {
  applicant: '申请人',
  respondent: '被申请人',
};

export const categoryZh = (code: string): string =>
  CATEGORY_ZH[code] ? `${CATEGORY_ZH[code]}（${code}）` : code;
export const sourceZh = (code: string | null): string =>
  code === null ? '网格员排查' : (SOURCE_ZH[code] ?? code);

/** Dates as Chinese documents write them, in Beijing time (UTC+8, no daylight saving). */
export function dateZh(iso: string | Date | null | undefined): string {
  if (!iso) return '未记录';
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export function dateTimeZh(iso: string | Date | null | undefined): string {
  if (!iso) return '未记录';
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${dateZh(iso)} ${hh}:${mm}`;
}

export const amountZh = (amount: number | null): string =>
  amount === null ? '不涉及' : `人民币${amount.toFixed(2)}元`;

export const orNone = (value: string | null | undefined): string =>
  value === null || value === undefined || value.trim() === '' ? '未记录' : value;

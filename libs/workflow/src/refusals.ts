/**
 * Every refusal the workflow can give, by a stable code (issue 18): the code and its parameters
 * travel beside the English sentence, so a client words the refusal in its own language and the
 * API answers in the caller's `Accept-Language`. Codes are contractual once published: rename the
 * text freely, never the code. `{name}` in a text is the parameter of that name.
 */
export const REFUSAL_TEXTS = {
  // Who handles the case (access.ts)
  HANDLER_BLUE: {
    en: 'only a grid worker of grid {grid} handles this blue case',
    zh: '只有网格 {grid} 的网格员办理此蓝色案件',
  },
  HANDLER_YELLOW_UNACCEPTED: {
    en: 'only a judicial officer of street {street} handles this yellow case until it is accepted',
    zh: '此黄色案件受理前，只有街道 {street} 的司法所工作人员可以办理',
  },
  HANDLER_YELLOW: {
    en: 'only the accepting judicial officer and the named lawyer handle this yellow case',
    zh: '此黄色案件只由受理的司法所工作人员和指定律师办理',
  },
  HANDLER_RED_UNCONVENED: {
    en: 'only a panel member of street {street} handles this red case until the panel is convened',
    zh: '调解小组召集前，只有街道 {street} 的调解小组成员可以办理此红色案件',
  },
  HANDLER_RED: {
    en: 'only the members of the convened panel handle this red case',
    zh: '此红色案件只由已召集的调解小组成员办理',
  },
  // Who may send a particular event
  ACCEPT_ONLY_STREET_OFFICER: {
    en: 'only a judicial officer of street {street} may accept the case',
    zh: '只有街道 {street} 的司法所工作人员可以受理此案',
  },
  CONVENE_ONLY_PANEL_OR_SUPERVISOR: {
    en: 'only a panel member or supervisor of street {street} may convene the panel',
    zh: '只有街道 {street} 的调解小组成员或街道督办可以召集调解小组',
  },
  DOWNGRADE_NOT_LAWYER: {
    en: 'only the judicial officer handling this yellow case (or a supervisor of street {street}) may downgrade it, not the lawyer',
    zh: '只有办理此黄色案件的司法所工作人员（或街道 {street} 的督办）可以降级，律师不可以',
  },
  EMERGENCY_ONLY: {
    en: 'only a handler, a community police officer of community {community} or a supervisor may escalate in an emergency',
    zh: '只有承办人、社区 {community} 的社区民警或街道督办可以紧急升级',
  },
  POLICE_REPORT_ONLY: {
    en: 'only a handler, a community police officer of community {community} or a supervisor may report to the police',
    zh: '只有承办人、社区 {community} 的社区民警或街道督办可以报告公安机关',
  },
  CONFIRMATION_ONLY_COURT: {
    en: 'only the court member of the panel or a supervisor may record the court’s confirmation',
    zh: '只有调解小组中的人民法庭成员或街道督办可以记录司法确认结果',
  },
  OFFICER_DECIDES: {
    en: 'the lawyer advises and may co-mediate; this decision binds the case and is the judicial officer’s (PML Art. 20)',
    zh: '律师提供法律意见并可协助调解；此决定对案件有约束力，由司法所工作人员作出（《人民调解法》第二十条）',
  },
  SYSTEM_ONLY: {
    en: 'only the system timers send this event',
    zh: '此事件只由系统计时器发出',
  },
  TIMER_NOT_ARMED: {
    en: 'timer {timerId} is no longer armed: the case has moved on',
    zh: '计时器 {timerId} 已失效：案件已进入其他阶段',
  },
  // The law's preconditions
  POLICE_REPORT_DUE: {
    en: 'triage marked a risk of violence, self-harm or threats: report it to the police (REPORT_TO_POLICE, People’s Mediation Law Art. 25) first',
    zh: '风险评估标记了暴力、自伤或威胁风险：请先报告公安机关（《人民调解法》第二十五条）',
  },
  CONSENT_MISSING: {
    en: 'no consent to mediation at {tier} is recorded for {parties} (RECORD_CONSENT, People’s Mediation Law Art. 17)',
    zh: '尚未记录 {parties} 同意在{tier}等级调解（记录当事人意愿，《人民调解法》第十七条）',
  },
  RIGHTS_NOT_TOLD: {
    en: 'the parties have not been told their rights and obligations at {tier} (RECORD_CONSENT with rightsNoticeHow, 2002 rules Art. 30)',
    zh: '尚未在{tier}等级告知当事人的权利和义务（记录当事人意愿时填写告知方式，2002年《人民调解工作若干规定》第三十条）',
  },
  AGREEMENT_BINDS: {
    en: 'the agreement is in effect and binds the parties (PML Art. 31): resume the case to record non-performance',
    zh: '调解协议已生效，对当事人具有约束力（《人民调解法》第三十一条）：请先恢复案件，再记录未履行',
  },
  // The payload
  REASON_REQUIRED: { en: 'a reason is required', zh: '请填写理由' },
  FIELD_NOT_PARTY_LIST: {
    en: '{field} must list the parties',
    zh: '{field} 必须列出当事人',
  },
  FIELD_NAMES_NON_PARTY: {
    en: '{field} names someone who is not a party: {ids}',
    zh: '{field} 中有人不是本案当事人：{ids}',
  },
  PARTIES_NOT_CONSENTED: {
    en: 'not every party consented: missing {parties}',
    zh: '并非所有当事人都已同意：缺少 {parties}',
  },
  PARTIES_NOT_SIGNED: {
    en: 'not every party signed: missing {parties}',
    zh: '并非所有当事人都已签字：缺少 {parties}',
  },
  VALUE_NOT_ALLOWED: {
    en: '{field} must be one of: {allowed}',
    zh: '{field} 只能是以下之一：{allowed}',
  },
  PANEL_EMPTY: { en: 'the panel has no members', zh: '调解小组没有成员' },
  PANEL_INCOMPLETE: {
    en: 'the panel lacks a member from: {institutions} (three offices and one court must all sit)',
    zh: '调解小组缺少以下单位的成员：{institutions}（“三所一庭”必须到齐）',
  },
  TERMS_REQUIRED: { en: 'the agreement needs its terms', zh: '请填写协议内容' },
  NOT_A_DATE: { en: '{field} is not a date', zh: '{field} 不是有效日期' },
  DATE_IN_PAST: { en: '{field} is in the past', zh: '{field} 早于当前时间' },
  MEDIATORS_REQUIRED: {
    en: 'mediatorIds must name the mediators (PML Art. 29)',
    zh: '请列出调解员（《人民调解法》第二十九条）',
  },
  SEAL_REQUIRED: {
    en: 'a written agreement takes effect when the parties and the mediator have signed it and the committee’s seal is applied (PML Art. 29): apply the seal, then record it',
    zh: '书面协议经当事人和调解员签字并加盖调解委员会印章后生效（《人民调解法》第二十九条）：请先盖章再记录',
  },
  AGENCY_REQUIRED: { en: 'the receiving agency is required', zh: '请填写接收单位' },
  NOT_A_PARTY: { en: '{partyId} is not a party', zh: '{partyId} 不是本案当事人' },
  REFUSAL_NOTE_REQUIRED: {
    en: 'a note on the refusal is required',
    zh: '请填写拒绝调解的说明',
  },
  CONSENTING_PARTIES_REQUIRED: {
    en: 'partyIds must list the consenting parties',
    zh: '请列出表示同意的当事人',
  },
  NOT_A_MEDIATOR: {
    en: '{userId} is not a mediator of this case',
    zh: '{userId} 不是本案的调解员',
  },
  ALREADY_MEDIATES: {
    en: '{userId} already mediates this case',
    zh: '{userId} 已是本案的调解员',
  },
  EXTENSION_NOT_LATER: {
    en: 'until must be later than the current deadline',
    zh: '新期限必须晚于当前期限',
  },
  EXTENSION_NOT_LATER_THAN: {
    en: 'until must be later than the current deadline ({dueAt})',
    zh: '新期限必须晚于当前期限（{dueAt}）',
  },
  NO_AGREEMENT: { en: 'there is no agreement to confirm', zh: '没有可申请确认的调解协议' },
  ALREADY_CONFIRMED: { en: 'the agreement is already confirmed', zh: '调解协议已经司法确认' },
  ORAL_NOT_CONFIRMABLE: {
    en: 'an oral agreement cannot be judicially confirmed (PML Art. 33 needs a written agreement)',
    zh: '口头协议不能申请司法确认（《人民调解法》第三十三条要求书面协议）',
  },
  NOT_MEDIATION_ORGANISATION: {
    en: 'the agreement was not made by a people’s mediation organisation on record, so it cannot be judicially confirmed (PML Art. 33)',
    zh: '该协议不是由备案的人民调解组织主持达成的，不能申请司法确认（《人民调解法》第三十三条）',
  },
  PERSONAL_STATUS: {
    en: 'a marriage, adoption or other personal-status matter cannot be judicially confirmed (法释〔2011〕5号 Art. 4)',
    zh: '婚姻、收养等身份关系事项不能申请司法确认（法释〔2011〕5号第四条）',
  },
  CONFIRMATION_REJECTED: {
    en: 'the court rejected confirmation: the parties may change the agreement by mediation or sue (PML Art. 33(3))',
    zh: '人民法院已驳回确认申请：当事人可以通过调解变更原协议或向人民法院起诉（《人民调解法》第三十三条第三款）',
  },
  CONFIRMATION_NOT_JOINT: {
    en: 'judicial confirmation is applied for jointly by both sides (PML Art. 33): not every party applied: missing {parties}',
    zh: '司法确认须由双方当事人共同申请（《人民调解法》第三十三条）：缺少 {parties}',
  },
  CONFIRMATION_WINDOW_PASSED: {
    en: 'outside the 30-day window: judicial confirmation had to be requested by {endsAt}',
    zh: '已超过30日申请期限：司法确认应在 {endsAt} 前申请',
  },
  CONFIRMED_NOT_BOOLEAN: {
    en: 'confirmed must be true or false',
    zh: '请说明是否确认（是或否）',
  },
  CONFIRMED_CONTRADICTS_RESULT: {
    en: 'confirmed ({confirmed}) contradicts result {result}',
    zh: '“是否确认”（{confirmed}）与结果 {result} 矛盾',
  },
  RULING_NUMBER_REQUIRED: {
    en: 'a confirmation records the number of the court’s ruling (rulingNumber)',
    zh: '确认结果须记录人民法院裁定书文号',
  },
  PERFORMED_INVALID: {
    en: 'performed must be full, partial or none',
    zh: '履行情况只能是全部履行、部分履行或未履行',
  },
  NEXT_ONLY_IF_NOT_PERFORMED: {
    en: 'next applies only to an agreement not fully performed',
    zh: '只有协议未完全履行时才需选择后续途径',
  },
  // The state (engine.ts)
  CASE_CLOSED: {
    en: 'the case is closed: {event} is not possible (open a new case linked to it)',
    zh: '案件已结案，不能再“{event}”（可登记一件与之关联的新案件）',
  },
  NOT_IN_STATE: {
    en: '{event} is not possible while the case is {status}',
    zh: '案件处于“{status}”时不能“{event}”',
  },
  // Naming a person who does not fit: one answer whatever is wrong (issue 9, finding 7)
  OFFICER_NOT_NAMEABLE: {
    en: "officerId {userId} may not be named: choose one of this case's judicial officers (GET /disputes/:id/candidates)",
    zh: '不能指定 {userId}：请从本案可选的司法所工作人员中选择',
  },
  LAWYER_NOT_NAMEABLE: {
    en: "lawyerId {userId} may not be named: choose one of this case's lawyers (GET /disputes/:id/candidates)",
    zh: '不能指定 {userId}：请从本案可选的律师中选择',
  },
  MEMBER_NOT_NAMEABLE: {
    en: "member {userId} may not sit for {institution}: choose one of this case's {institution} panel members (GET /disputes/:id/candidates)",
    zh: '{userId} 不能代表{institution}参加调解小组：请从本案可选的{institution}成员中选择',
  },
  REPLACEMENT_NOT_NAMEABLE: {
    en: "replacementUserId {userId} may not take this seat: choose one of this case's {seat} (GET /disputes/:id/candidates)",
    zh: '{userId} 不能接替此席位：请从本案可选的{seat}中选择',
  },
  AUX_POLICE_COMMUNITY: {
    en: 'only the auxiliary police of community {community} mediate this blue case beside its grid worker',
    zh: '只有社区 {community} 的辅警可以协助网格员调解此蓝色案件',
  },
  SIGNER_NOT_PARTY_OR_REPRESENTATIVE: {
    en: 'signedByPartyIds names someone who is not a party or a party’s guardian or agent: {ids}',
    zh: '签名人中有人既不是当事人，也不是当事人的监护人或代理人：{ids}',
  },
  WARD_SIGNED_BY_GUARDIAN: {
    en: 'party {partyId} is {capacity}: their guardian ({guardianId}) signs for them',
    zh: '当事人 {partyId} 是{capacity}：由其监护人（{guardianId}）代为签名',
  },
  AGREEMENT_IN_EFFECT_NO_SETTLEMENT: {
    en: 'the agreement is in effect (PML Art. 31): record its performance (RECORD_FOLLOW_UP) instead of a settlement',
    zh: '协议已生效（《人民调解法》第三十一条）：请记录履行情况（记录回访），不能再按当事人自行和解结案',
  },
  EXTENSION_UNTIL_OR_BY: {
    en: 'give until (a date) or by (working time), not both',
    zh: '新期限请填写日期或工作时长，二者只填其一',
  },
  EXTENSION_BY_WORKING_TIME: {
    en: 'by must be working time: working days (3WD) or working hours (4WH)',
    zh: '延长时长须为工作时间：工作日（如 3WD）或工作小时（如 4WH）',
  },
  NOT_POSSIBLE_NOW: { en: '{event} is not possible now', zh: '现在不能“{event}”' },
  // Given by the transition path (libs/core send-event.service.ts), not by a rule: a retry must
  // repeat its request exactly.
  IDEMPOTENCY_KEY_REUSED: {
    en: 'Idempotency-Key {key} was already used on this case for a different request: a new request needs a new key',
    zh: 'Idempotency-Key {key} 已在本案用于另一个请求：新的请求须使用新的 Idempotency-Key',
  },
  // A rule that still answers a bare sentence (added before it was given a code): the sentence
  // travels as {text}; give it its own code (refusals.spec.ts lists the ones left).
  UNCODED: { en: '{text}', zh: '{text}（暂无中文说明）' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type RefusalCode = keyof typeof REFUSAL_TEXTS;
export const REFUSAL_CODES = Object.keys(REFUSAL_TEXTS) as RefusalCode[];

/** A refusal: its code, the values it names, and the English sentence (the API's default). */
export interface CodedRefusal {
  code: RefusalCode;
  params: Record<string, string>;
  message: string;
}

export type RefusalLang = 'en' | 'zh';

/**
 * Appended when the street's supervisors may also act (handlerOrSupervisorRefusal): one
 * parameter, not a second code per handler rule.
 */
export const OR_SUPERVISOR = {
  en: ' (or a supervisor of street {supervisorStreet})',
  zh: '（或街道 {supervisorStreet} 的督办）',
} as const;

/** Vocabulary whose English word is not the value itself. */
const EN_VALUES: Record<string, Record<string, string>> = {
  seat: {
    judicial_officer: 'judicial officers',
    lawyer: 'lawyers',
    police_station: 'police station panel members',
    judicial_office: 'judicial office panel members',
    law_firm: 'law firm panel members',
    court: 'court panel members',
  },
  capacity: { minor: 'a minor', incapacitated: 'without full capacity' },
};

/** The vocabulary a parameter may carry, in Chinese (the console's catalogue words them alike). */
const ZH_VALUES: Record<string, Record<string, string>> = {
  seat: {
    judicial_officer: '司法所工作人员',
    lawyer: '律师',
    police_station: '派出所成员',
    judicial_office: '司法所成员',
    law_firm: '律师事务所成员',
    court: '人民法庭成员',
  },
  capacity: { minor: '未成年人', incapacitated: '无民事行为能力或限制民事行为能力人' },
  tier: { blue: '蓝色', yellow: '黄色', red: '红色' },
  institution: {
    police_station: '派出所',
    judicial_office: '司法所',
    law_firm: '律师事务所',
    court: '人民法庭',
  },
  role: {
    grid_worker: '网格员',
    judicial_officer: '司法所工作人员',
    lawyer: '律师',
    panel_member: '调解小组成员',
  },
  event: {
    ACCEPT: '受理',
    CONVENE_PANEL: '召集调解小组',
    REACH_AGREEMENT: '达成协议',
    ESCALATE: '升级',
    DOWNGRADE: '降级',
    EMERGENCY_ESCALATE: '紧急升级为红色',
    REFER_TO_LITIGATION: '转诉讼',
    WITHDRAW: '撤回',
    TRANSFER: '移交',
    RECORD_REFUSAL: '记录拒绝调解',
    EXTEND_DEADLINE: '延长期限',
    SUSPEND: '中止',
    RESUME: '恢复',
    REQUEST_JUDICIAL_CONFIRMATION: '申请司法确认',
    RECORD_CONFIRMATION: '记录司法确认结果',
    RECORD_FOLLOW_UP: '记录回访',
    DEADLINE_EXPIRED: '期限届满',
    FOLLOW_UP_DUE: '回访到期',
    RECORD_CONSENT: '记录当事人意愿与权利告知',
    CHOOSE_OTHER_ROUTE: '当事人选择其他途径',
    REPORT_TO_POLICE: '报告公安机关',
    REPLACE_MEDIATOR: '更换调解员',
  },
  status: {
    intake: '登记',
    'blue.mediating': '当场调解中',
    'yellow.awaitingAcceptance': '待司法所受理',
    'yellow.jointReview': '会诊调解中',
    'red.convening': '召集调解小组',
    'red.panelMediation': '联合调处中',
    agreed: '已达成协议',
    'agreed.judicialConfirmation': '司法确认中',
    followUp: '待回访',
    suspended: '已中止',
    closed: '已结案',
  },
};
// Parameters whose value is a list of vocabulary words, and which vocabulary.
const VOCABULARY_OF: Record<string, string> = {
  tier: 'tier',
  institution: 'institution',
  actual: 'institution',
  institutions: 'institution',
  role: 'role',
  status: 'status',
  event: 'event',
  seat: 'seat',
  capacity: 'capacity',
};

function wordOf(lang: RefusalLang, param: string, value: string): string {
  const vocabulary = VOCABULARY_OF[param];
  if (vocabulary === undefined) return value;
  const word = (v: string) =>
    lang === 'zh'
      ? (ZH_VALUES[vocabulary]?.[v] ?? v)
      : EN_VALUES[vocabulary]?.[v] !== undefined
        ? EN_VALUES[vocabulary][v]
        : // The English sentences say "judicial officer", not "judicial_officer".
          vocabulary === 'role'
          ? v.replace('_', ' ')
          : v;
  return value
    .split(', ')
    .map(word)
    .join(lang === 'zh' ? '、' : ', ');
}

function fill(text: string, lang: RefusalLang, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : wordOf(lang, name, params[name]),
  );
}

/** The refusal in words: English (the API's default) or Chinese. */
export function refusalText(
  code: RefusalCode,
  params: Record<string, string>,
  lang: RefusalLang = 'en',
): string {
  const texts = REFUSAL_TEXTS[code] as { en: string; zh: string } | undefined;
  if (!texts) return code;
  const base = fill(texts[lang], lang, params);
  return params.supervisorStreet === undefined
    ? base
    : base + fill(OR_SUPERVISOR[lang], lang, params);
}

/** Builds a refusal; its `message` is the English sentence. */
export function refusal(
  code: RefusalCode,
  given: Record<string, string | undefined> = {},
): CodedRefusal {
  // A value the payload left out reads as a dash, never as "undefined".
  const params = Object.fromEntries(
    Object.entries(given).map(([k, v]) => [k, v === undefined || v === null ? '—' : String(v)]),
  );
  return { code, params, message: refusalText(code, params, 'en') };
}

export function isRefusalCode(code: string): code is RefusalCode {
  return Object.prototype.hasOwnProperty.call(REFUSAL_TEXTS, code);
}

/** A rule's answer as a coded refusal: a bare sentence becomes UNCODED with the sentence. */
export function coded(r: CodedRefusal | string): CodedRefusal {
  return typeof r === 'string' ? { code: 'UNCODED', params: { text: r }, message: r } : r;
}

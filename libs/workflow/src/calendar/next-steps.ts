import type { DisputeContext } from '../context';
import type { Status } from '../domain';
import type { TimerEntry } from '../timers';

export type Lang = 'zh' | 'en';

export interface NextStep {
  timerId: string | null;
  kind: TimerEntry['kind'] | 'state';
  dueAt: string | null;
  text: string;
}

const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAY_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** "12月8日（周二）17:30" / "Tue 8 Dec 17:30", in Beijing time (UTC+8, no daylight saving). */
export function formatInstant(iso: string, lang: Lang, utcOffsetMinutes = 480): string {
  const local = new Date(Date.parse(iso) + utcOffsetMinutes * 60_000);
  const hhmm = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  const day = local.getUTCDate();
  const weekday = local.getUTCDay();
  return lang === 'zh'
    ? `${local.getUTCMonth() + 1}月${day}日（${WEEKDAY_ZH[weekday]}）${hhmm}`
    : `${WEEKDAY_EN[weekday]} ${day} ${MONTH_EN[local.getUTCMonth()]} ${hhmm}`;
}

type Sentence = Record<Lang, (when: string) => string>;

/** What each armed timer means, by the state it was set in and what it does when it fires. */
const DEADLINE_SENTENCES: Record<string, Sentence> = {
  'blue.mediating': {
    zh: (w) => `若在 ${w} 前未达成协议，案件将自动升级为黄色，由司法所会同律师会诊`,
    en: (w) =>
      `If no agreement is reached by ${w}, the case escalates to yellow by itself: the judicial office reviews it with a lawyer`,
  },
  'yellow.awaitingAcceptance': {
    zh: (w) => `司法所须在 ${w} 前受理；逾期将提醒司法所及督办人员`,
    en: (w) =>
      `The judicial office must accept the case by ${w}; after that it and the supervisors are reminded`,
  },
  'yellow.jointReview': {
    zh: (w) =>
      `若在 ${w} 前未达成协议，案件将自动升级为红色，由派出所、司法所、律师事务所和法庭（三所一庭）联合调解`,
    en: (w) =>
      `If no agreement is reached by ${w}, the case escalates to red by itself: the police station, judicial office, law firm and tribunal mediate together`,
  },
  'red.convening': {
    zh: (w) => `须在 ${w} 前组成三所一庭调解小组；逾期将标记超期并通知督办人员`,
    en: (w) =>
      `The four-institution panel must be convened by ${w}; after that the case is flagged overdue and the supervisors are told`,
  },
  'red.panelMediation': {
    zh: (w) => `若在 ${w} 前未达成协议，案件将标记超期并通知督办人员`,
    en: (w) =>
      `If no agreement is reached by ${w}, the case is flagged overdue and the supervisors are told`,
  },
};

const FOLLOW_UP: Sentence = {
  zh: (w) => `${w} 进行回访，核实协议履行情况`,
  en: (w) => `A follow-up visit is due ${w}, to check the agreement was performed`,
};

const CONFIRMATION: Sentence = {
  zh: (w) => `双方可在 ${w} 前共同向人民法院申请司法确认（《人民调解法》第三十三条）`,
  en: (w) =>
    `The parties may jointly apply to the court for judicial confirmation until ${w} (Art. 33)`,
};

const GENERIC: Sentence = {
  zh: (w) => `下一期限：${w}`,
  en: (w) => `Next deadline: ${w}`,
};

function sentenceFor(t: TimerEntry): Sentence {
  if (t.kind === 'follow_up') return FOLLOW_UP;
  if (t.kind === 'confirmation_window') return CONFIRMATION;
  return DEADLINE_SENTENCES[t.scope] ?? GENERIC;
}

const fallbackNote = (t: TimerEntry, lang: Lang): string => {
  const years = t.working?.fallbackYears;
  if (!years?.length) return '';
  return lang === 'zh'
    ? `（${years.join('、')} 年尚无工作日历，按自然日计算）`
    : ` (no business calendar for ${years.join(', ')} yet: counted in calendar days)`;
};

/**
 * What happens next to a case, in plain words, from its armed timers: each deadline says what
 * the statechart does when it passes. Reminders are left out (they only tell someone).
 */
export function describeNext(
  ctx: Pick<DisputeContext, 'timers' | 'overdue' | 'outcome'>,
  status: Status,
  lang: Lang,
): NextStep[] {
  if (status === 'closed') {
    return [
      {
        timerId: null,
        kind: 'state',
        dueAt: null,
        text:
          lang === 'zh'
            ? `案件已结案（${ctx.outcome ?? ''}），不会再有自动步骤；如有新情况请另立新案并关联本案`
            : `The case is closed (${ctx.outcome ?? ''}); nothing more happens by itself. A new case can be opened and linked to it`,
      },
    ];
  }
  const steps: NextStep[] = [];
  if (status === 'suspended') {
    steps.push({
      timerId: null,
      kind: 'state',
      dueAt: null,
      text:
        lang === 'zh'
          ? '案件已中止，调解期限暂停；恢复后按剩余时间继续计算'
          : 'The case is suspended: its mediation deadlines are paused and resume with the time that was left',
    });
  }
  if (ctx.overdue) {
    steps.push({
      timerId: null,
      kind: 'state',
      dueAt: null,
      text:
        lang === 'zh'
          ? '案件已超期，督办人员已收到通知'
          : 'The case is overdue; the supervisors have been told',
    });
  }
  const timers = ctx.timers
    .filter((t) => t.kind !== 'reminder' && t.kind !== 'confirmation_reminder')
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  for (const t of timers) {
    steps.push({
      timerId: t.id,
      kind: t.kind,
      dueAt: t.dueAt,
      text: sentenceFor(t)[lang](formatInstant(t.dueAt, lang)) + fallbackNote(t, lang),
    });
  }
  return steps;
}

import type { CaseFacts } from '../case-facts';
import { committeeOf, partyRows } from '../common-blocks';
import type { DocBlock } from '../doc-model';
import { TIER_ZH, amountZh, categoryZh, dateTimeZh, sourceZh } from '../labels';

/** 人民调解申请书 / 受理登记表: from the intake — parties, category, facts, source, triage. */
export function applicationBlocks(facts: CaseFacts): DocBlock[] {
  const { view } = facts;
  const triage = view.riskAssessment as {
    suggestedTier?: string;
    chosenTier?: string;
    explanation?: string;
    tierReason?: string;
  } | null;
  return [
    { kind: 'heading', text: '一、当事人基本情况' },
    { kind: 'fields', rows: partyRows(facts) },
    { kind: 'heading', text: '二、纠纷基本情况' },
    {
      kind: 'fields',
      rows: [
        ['纠纷名称', view.title],
        ['纠纷类型', categoryZh(view.category)],
        ['纠纷来源', sourceZh(facts.source)],
        ['涉及金额', amountZh(view.amount)],
        [
          '发生地',
          `${facts.unitNames.street} ${facts.unitNames.community} ${facts.unitNames.grid}`,
        ],
        ['登记时间', dateTimeZh(view.createdAt)],
        ['登记人', facts.userName(view.openedBy)],
      ],
    },
    { kind: 'heading', text: '三、纠纷事实及申请事项' },
    { kind: 'paragraph', text: view.description },
    { kind: 'heading', text: '四、风险研判（三色预警）' },
    {
      kind: 'fields',
      rows: [
        [
          '系统建议等级',
          triage?.suggestedTier ? TIER_ZH[triage.suggestedTier as 'blue'] : '未记录',
        ],
        ['确定等级', TIER_ZH[view.tier]],
        ['研判说明', triage?.explanation ?? '未记录'],
        ...(triage?.tierReason ? ([['调整理由', triage.tierReason]] as [string, string][]) : []),
      ],
    },
    { kind: 'heading', text: '五、受理意见' },
    {
      kind: 'paragraph',
      text: `经审查，本纠纷属于人民调解受理范围，当事人自愿申请调解，已告知当事人在调解活动中享有的权利和承担的义务（《人民调解法》第二十三条、第二十四条），由${committeeOf(facts)}受理。`,
    },
    {
      kind: 'signatures',
      lines: [
        '申请人（签名/按指印）：____________    日期：______年____月____日',
        `受理人（签名）：${facts.userName(view.openedBy)}  ____________    日期：______年____月____日`,
      ],
    },
  ];
}

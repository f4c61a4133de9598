import type { CaseFacts } from '../case-facts';
import { committeeOf } from '../common-blocks';
import type { DocBlock } from '../doc-model';
import { OUTCOME_ZH, TIER_ZH, categoryZh, dateTimeZh, dateZh, orNone } from '../labels';

/** 结案报告: how the case went and how it ended, from the audit trail. */
export function closingReportBlocks(facts: CaseFacts): DocBlock[] {
  const { view } = facts;
  const escalations = facts.events.filter((e) => e.fromTier !== null && e.fromTier !== e.toTier);
  return [
    {
      kind: 'fields',
      rows: [
        ['纠纷名称', view.title],
        ['纠纷类型', categoryZh(view.category)],
        ['调解组织', committeeOf(facts)],
        ['受理时间', dateTimeZh(view.createdAt)],
        ['结案时间', dateTimeZh(view.closedAt)],
        ['最高调解层级', TIER_ZH[view.highestTier]],
        ['结案层级', TIER_ZH[view.tier]],
        ['结案结果', view.outcome ? OUTCOME_ZH[view.outcome] : '未记录'],
        ['结案说明', orNone(view.closingReason)],
      ],
    },
    { kind: 'heading', text: '一、纠纷简要情况' },
    { kind: 'paragraph', text: view.description },
    { kind: 'heading', text: '二、调解经过' },
    ...facts.events.map((e): DocBlock => ({
      kind: 'paragraph',
      text: `${dateTimeZh(e.at)}  ${e.type}（${facts.userName(e.actorId)}）${e.fromTier !== e.toTier && e.fromTier ? `：${TIER_ZH[e.fromTier]} → ${TIER_ZH[e.toTier]}` : ''}`,
    })),
    { kind: 'heading', text: '三、调解结果' },
    {
      kind: 'paragraph',
      text: facts.agreement
        ? `${dateZh(facts.agreement.reachedAt)}达成${facts.agreement.form === 'oral' ? '口头' : '书面'}调解协议：${facts.agreement.terms}`
        : '未达成调解协议。',
    },
    { kind: 'paragraph', text: `升级次数：${escalations.length}` },
    {
      kind: 'signatures',
      lines: [
        '承办人（签名）：____________',
        `${committeeOf(facts)}（盖章）    日期：______年____月____日`,
      ],
    },
  ];
}

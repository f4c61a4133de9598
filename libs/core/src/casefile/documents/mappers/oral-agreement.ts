import type { CaseFacts } from '../case-facts';
import { committeeOf, partyRows } from '../common-blocks';
import type { DocBlock } from '../doc-model';
import { dateZh, orNone } from '../labels';

/** 口头协议登记表: an oral agreement, recorded by the mediator (Art. 28). */
export function oralAgreementBlocks(facts: CaseFacts): DocBlock[] {
  const a = facts.agreement;
  return [
    { kind: 'fields', rows: [['调解组织', committeeOf(facts)]] },
    { kind: 'heading', text: '当事人' },
    { kind: 'fields', rows: partyRows(facts) },
    {
      kind: 'fields',
      rows: [
        ['纠纷简要情况', facts.view.description],
        ['口头协议内容', a?.terms ?? '未记录'],
        ['履行方式', orNone(a?.performanceMethod)],
        ['履行期限', a?.performanceDueAt ? `${dateZh(a.performanceDueAt)}前` : '即时履行'],
        ['达成日期', dateZh(a?.reachedAt ?? null)],
        ['调解员', facts.userName(a?.reachedBy)],
      ],
    },
    {
      kind: 'signatures',
      lines: [
        `登记人（调解员）签名：${facts.userName(a?.reachedBy)}  ____________    日期：______年____月____日`,
      ],
    },
  ];
}

import type { CaseFacts } from '../case-facts';
import { committeeOf, partyRows, signatureBlock } from '../common-blocks';
import type { DocBlock } from '../doc-model';
import { categoryZh, dateZh, orNone } from '../labels';

/**
 * 人民调解协议书 with the items Art. 29 of the People's Mediation Law requires: the parties'
 * basic facts; the main facts, the issues and each side's responsibility; the terms and how,
 * where and by when they are performed; signatures, thumbprints and the committee's seal.
 */
export function agreementBlocks(facts: CaseFacts): DocBlock[] {
  const a = facts.agreement;
  return [
    {
      kind: 'fields',
      rows: [
        ['调解组织', committeeOf(facts)],
        ['纠纷类型', categoryZh(facts.view.category)],
      ],
    },
    { kind: 'heading', text: '一、当事人的基本情况' },
    { kind: 'fields', rows: partyRows(facts) },
    { kind: 'heading', text: '二、纠纷的主要事实、争议事项以及各方当事人的责任' },
    { kind: 'paragraph', text: `主要事实：${facts.view.description}` },
    { kind: 'paragraph', text: `争议事项：${facts.view.title}` },
    {
      kind: 'paragraph',
      text: `各方当事人的责任：${orNone(a?.responsibilities ?? null) === '未记录' ? '见下列协议内容' : a?.responsibilities}`,
    },
    { kind: 'heading', text: '三、当事人达成调解协议的内容，履行的方式、地点、期限' },
    { kind: 'paragraph', text: `协议内容：${a?.terms ?? '未记录'}` },
    {
      kind: 'fields',
      rows: [
        ['履行方式', orNone(a?.performanceMethod)],
        ['履行地点', orNone(a?.performancePlace)],
        [
          '履行期限',
          a?.performanceDueAt ? `${dateZh(a.performanceDueAt)}前` : '协议生效后即时履行',
        ],
      ],
    },
    { kind: 'heading', text: '四、其他事项' },
    {
      kind: 'paragraph',
      text: `本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（《人民调解法》第二十九条）。经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行（第三十一条）。双方当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认（第三十三条）。本协议一式${facts.parties.length + 1}份，当事人各执一份，人民调解委员会留存一份。`,
    },
    { kind: 'paragraph', text: `达成日期：${dateZh(a?.reachedAt ?? null)}` },
    signatureBlock(facts, a?.reachedBy ?? null, a?.signatures ?? []),
  ];
}

import type { CaseFacts } from '../case-facts';
import { committeeOf, partyRows } from '../common-blocks';
import type { DocBlock } from '../doc-model';
import { PARTY_ROLE_ZH, dateZh } from '../labels';

/** 司法确认申请书: the parties' joint application to a court (Art. 33). */
export function confirmationApplicationBlocks(facts: CaseFacts): DocBlock[] {
  const a = facts.agreement;
  return [
    { kind: 'heading', text: '申请人' },
    { kind: 'fields', rows: partyRows(facts) },
    { kind: 'heading', text: '请求事项' },
    {
      kind: 'paragraph',
      text: `请求人民法院确认申请人于${dateZh(a?.reachedAt ?? null)}经${committeeOf(facts)}主持调解达成的人民调解协议有效。`,
    },
    { kind: 'heading', text: '事实与理由' },
    { kind: 'paragraph', text: facts.view.description },
    { kind: 'paragraph', text: `调解协议内容：${a?.terms ?? '未记录'}` },
    {
      kind: 'paragraph',
      text: '申请人依据《中华人民共和国人民调解法》第三十三条及《中华人民共和国民事诉讼法》的规定，自调解协议生效之日起三十日内共同提出申请。申请人保证出于解决纠纷的目的自愿达成协议，没有恶意串通、规避法律的行为，如因虚假陈述等原因导致损害的，愿承担相应的法律责任。',
    },
    { kind: 'paragraph', text: '此致\n人民法院' },
    {
      kind: 'signatures',
      lines: facts.parties.map(
        (p) =>
          `${PARTY_ROLE_ZH[p.role] ?? p.role}（签名/按指印）：${p.name}  ____________    日期：______年____月____日`,
      ),
    },
    { kind: 'paragraph', text: '附：人民调解协议书；当事人身份证明；与调解协议相关的证明材料。' },
  ];
}

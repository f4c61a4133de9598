import type { Signature } from '@tricolor/workflow';
import type { CaseFacts } from './case-facts';
import type { DocBlock } from './doc-model';
import { PARTY_ROLE_ZH, orNone } from './labels';

/** The mediation organisation: the street's people's mediation committee. */
export const committeeOf = (facts: CaseFacts): string => `${facts.unitNames.street}人民调解委员会`;

/** Art. 29 (一): the parties' basic facts, one row each (numbers masked as for the viewer). */
export function partyRows(facts: CaseFacts): [string, string][] {
  return facts.parties.map((p) => {
    const bits = [`姓名：${p.name}${p.capacity ? (CAPACITY_ZH[p.capacity] ?? '') : ''}`];
    // PML Art. 23 with 民法典 Art. 23: who acts for the party.
    if (p.representative)
      bits.push(
        `${REPRESENTATIVE_ZH[p.representative.kind]}：${p.representative.name}${p.representative.relation ? `（${p.representative.relation}）` : ''}`,
      );
    bits.push(`联系电话：${orNone(p.phone)}`);
    if (p.idNumber !== undefined) bits.push(`身份证号码：${p.idNumber}`);
    return [PARTY_ROLE_ZH[p.role] ?? p.role, bits.join('；')];
  });
}

const CAPACITY_ZH: Record<string, string> = {
  full: '',
  minor: '（未成年人）',
  incapacitated: '（无民事行为能力或限制民事行为能力人）',
};
const REPRESENTATIVE_ZH = { guardian: '法定代理人（监护人）', agent: '委托代理人' } as const;

/**
 * Signature and thumbprint lines for each party and the mediator, and the committee's seal. A
 * party whose guardian or agent signed (or, for a ward, will sign) has that person's line,
 * naming whom they sign for.
 */
export function signatureBlock(
  facts: CaseFacts,
  mediatorId: string | null,
  signatures: readonly Signature[] = [],
): DocBlock {
  const date = '____________    日期：______年____月____日';
  return {
    kind: 'signatures',
    lines: [
      ...facts.parties.map((p) => {
        const role = PARTY_ROLE_ZH[p.role] ?? p.role;
        const rep = p.representative;
        const signed = signatures.find((s) => s.partyId === p.id);
        const ward = p.capacity === 'minor' || p.capacity === 'incapacitated';
        if (rep && (signed ? signed.as === rep.kind : ward))
          return `${role}：${p.name}  ${REPRESENTATIVE_ZH[rep.kind]}（签名/按指印）：${rep.name}  ${date}`;
        return `${role}（签名/按指印）：${p.name}  ${date}`;
      }),
      `人民调解员（签名）：${facts.userName(mediatorId)}  ____________    日期：______年____月____日`,
      `${committeeOf(facts)}（盖章）                日期：______年____月____日`,
    ],
  };
}

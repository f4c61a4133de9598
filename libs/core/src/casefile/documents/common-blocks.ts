import type { CaseFacts } from './case-facts';
import type { DocBlock } from './doc-model';
import { PARTY_ROLE_ZH, orNone } from './labels';

/** The mediation organisation: the street's people's mediation committee. */
export const committeeOf = (facts: CaseFacts): string => `${facts.unitNames.street}人民调解委员会`;

/** Art. 29 (一): the parties' basic facts, one row each (numbers masked as for the viewer). */
export function partyRows(facts: CaseFacts): [string, string][] {
  return facts.parties.map((p) => {
    const bits = [`姓名：${p.name}`];
    bits.push(`联系电话：${orNone(p.phone)}`);
    if (p.idNumber !== undefined) bits.push(`身份证号码：${p.idNumber}`);
    return [PARTY_ROLE_ZH[p.role] ?? p.role, bits.join('；')];
  });
}

/** Signature and thumbprint lines for each party and the mediator, and the committee's seal. */
export function signatureBlock(facts: CaseFacts, mediatorId: string | null): DocBlock {
  return {
    kind: 'signatures',
    lines: [
      ...facts.parties.map(
        (p) =>
          `${PARTY_ROLE_ZH[p.role] ?? p.role}（签名/按指印）：${p.name}  ____________    日期：______年____月____日`,
      ),
      `人民调解员（签名）：${facts.userName(mediatorId)}  ____________    日期：______年____月____日`,
      `${committeeOf(facts)}（盖章）                日期：______年____月____日`,
    ],
  };
}

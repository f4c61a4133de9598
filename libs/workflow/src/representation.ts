import type { PartyRef, Signature } from './context';
import { refusal, type CodedRefusal } from './refusals';

/**
 * Guardians and agents (PML Art. 23 with 民法典 Arts. 19–24): a minor or a person without full
 * capacity acts through their guardian (监护人), who is their legal representative, so the
 * guardian's signature is the party's and the party's own is not enough; an agent (代理人) a
 * party appointed may sign for them, and the party may still sign themselves.
 */

/** A party who needs a guardian to act for them. */
export const isWard = (p: PartyRef): boolean =>
  p.capacity === 'minor' || p.capacity === 'incapacitated';

const CAPACITY_WORDS = { minor: 'a minor', incapacitated: 'without full capacity' } as const;

/**
 * What is wrong with how the parties are represented, or null: a guardian only for a ward, and
 * every ward with one (the intake's check; the index says which party).
 */
export function representationProblem(
  parties: readonly PartyRef[],
): { index: number; message: string } | null {
  for (const [index, p] of parties.entries()) {
    const rep = p.representative ?? null;
    if (rep?.kind === 'guardian' && !isWard(p))
      return {
        index,
        message:
          'a guardian acts only for a minor or a party without full capacity: set capacity, or name an agent instead',
      };
    if (isWard(p) && rep?.kind !== 'guardian')
      return {
        index,
        message: `the party is ${CAPACITY_WORDS[p.capacity as 'minor' | 'incapacitated']}: name their guardian (representative.kind guardian), who acts and signs for them`,
      };
  }
  return null;
}

/** Who may sign for `p`, by id: the representative, and the party unless they are a ward. */
function signersOf(p: PartyRef): { id: string; as: Signature['as'] }[] {
  const rep = p.representative ?? null;
  return [
    ...(rep ? [{ id: rep.id, as: rep.kind }] : []),
    ...(isWard(p) ? [] : [{ id: p.id, as: 'party' as const }]),
  ];
}

/** The signatures a list of signer ids gives, one per party that is signed for. */
export function signaturesOf(parties: readonly PartyRef[], ids: readonly string[]): Signature[] {
  return parties.flatMap((p) => {
    const signer = signersOf(p).find((s) => ids.includes(s.id));
    return signer ? [{ partyId: p.id, signedBy: signer.id, as: signer.as }] : [];
  });
}

/** Ids that name neither a party nor a party's guardian or agent. */
export function unknownSigners(parties: readonly PartyRef[], ids: readonly string[]): string[] {
  const known = new Set(
    parties.flatMap((p) => [p.id, ...(p.representative ? [p.representative.id] : [])]),
  );
  return ids.filter((id) => !known.has(id));
}

/**
 * PML Art. 29: every party signs a written agreement — a ward through their guardian. Null when
 * every party is signed for; otherwise the refusal, naming who is missing.
 */
export function signatureRefusal(parties: readonly PartyRef[], ids: unknown): CodedRefusal | null {
  if (!Array.isArray(ids)) return refusal('FIELD_NOT_PARTY_LIST', { field: 'signedByPartyIds' });
  const list = ids as string[];
  const unknown = unknownSigners(parties, list);
  if (unknown.length > 0)
    return refusal('SIGNER_NOT_PARTY_OR_REPRESENTATIVE', { ids: unknown.join(', ') });
  const signed = new Set(signaturesOf(parties, list).map((s) => s.partyId));
  const ward = parties.find((p) => !signed.has(p.id) && isWard(p) && list.includes(p.id));
  if (ward?.representative)
    // Ids only: a name in an error could reach a log (and this party is a child).
    return refusal('WARD_SIGNED_BY_GUARDIAN', {
      partyId: ward.id,
      capacity: ward.capacity ?? 'minor',
      guardianId: ward.representative.id,
    });
  const missing = parties.filter((p) => !signed.has(p.id));
  if (missing.length === 0) return null;
  return refusal('PARTIES_NOT_SIGNED', {
    parties: missing.map((p) => `${p.name} (${p.id})`).join(', '),
  });
}

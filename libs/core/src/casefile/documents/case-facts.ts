import {
  AgreementEntity,
  DisputeEventEntity,
  UnitEntity,
  UserEntity,
  type DisputeEntity,
  type PartyRecord,
} from '@tricolor/persistence';
import type { Actor, Signature } from '@tricolor/workflow';
import { In, type EntityManager } from 'typeorm';
import { toDisputeView, type DisputeView } from '../../disputes/dispute-view';

/** The audit record a document was made from: the newest one when it was generated. */
export interface AuditHead {
  seq: number;
  hash: string;
}

export interface FollowUpFact {
  at: string;
  by: string;
  performed: string | null;
  note: string | null;
  satisfaction: string | null;
  recurrenceRisk: string | null;
}

/**
 * What the documents are made of, read once per request: the case as the viewer may see it
 * (masking included), the names of its units and people, its agreement and its audit trail.
 * Fields the agreement model may gain (oral form, responsibilities, place of performance) are
 * read when present and reported as unrecorded when not.
 */
export interface CaseFacts {
  view: DisputeView;
  parties: PartyRecord[];
  unitNames: { grid: string; community: string; street: string };
  userName: (id: string | null | undefined) => string;
  events: DisputeEventEntity[];
  head: AuditHead;
  agreement: AgreementFacts | null;
  followUps: FollowUpFact[];
  confirmation: { requestedAt: string | null; result: string | null; note: string | null };
  /** How the case came in; today every case is opened by a grid worker. */
  source: string | null;
}

export interface AgreementFacts {
  form: 'written' | 'oral';
  tier: string;
  terms: string;
  responsibilities: string | null;
  performanceMethod: string | null;
  performancePlace: string | null;
  performanceDueAt: string | null;
  signedByPartyIds: string[];
  /** Who signed for each party: the party, or their guardian or agent (machine version 3). */
  signatures: Signature[];
  reachedAt: string;
  reachedBy: string;
  confirmation: string | null;
  performance: string | null;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

export async function gatherCaseFacts(
  m: EntityManager,
  dispute: DisputeEntity,
  viewer: Actor,
): Promise<CaseFacts> {
  const view = toDisputeView(dispute, viewer);
  // One after another: a transaction's connection runs one query at a time.
  const events = await m.find(DisputeEventEntity, {
    where: { disputeId: dispute.id },
    order: { seq: 'ASC' },
  });
  const units = await m.find(UnitEntity, {
    where: { code: In([dispute.gridCode, dispute.communityCode, dispute.streetCode]) },
  });
  const agreementRows = await m.find(AgreementEntity, {
    where: { disputeId: dispute.id },
    order: { reachedAt: 'DESC' },
  });
  const unitName = (code: string) => units.find((u) => u.code === code)?.name ?? code;
  const userIds = new Set<string>([dispute.openedBy]);
  for (const e of events) userIds.add(e.actorId);
  const users = await m.find(UserEntity, { where: { id: In([...userIds]) } });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const last = events.at(-1);

  const payloadOf = (type: string) =>
    events
      .filter((e) => e.type === type)
      .map((e) => ({ e, p: e.payload as Record<string, unknown> }));
  const reached = payloadOf('REACH_AGREEMENT').at(-1);
  const ctxAgreement = view.agreement as (typeof view.agreement & Record<string, unknown>) | null;
  const row = agreementRows[0];
  const agreement: AgreementFacts | null = ctxAgreement
    ? {
        form:
          text(ctxAgreement.form) === 'oral' || text(reached?.p.form) === 'oral'
            ? 'oral'
            : 'written',
        tier: ctxAgreement.tier,
        terms: ctxAgreement.terms,
        responsibilities: text(ctxAgreement.responsibilities) ?? text(reached?.p.responsibilities),
        performanceMethod:
          text(ctxAgreement.performanceMethod) ?? text(reached?.p.performanceMethod),
        performancePlace: text(ctxAgreement.performancePlace) ?? text(reached?.p.performancePlace),
        performanceDueAt: ctxAgreement.performanceDueAt,
        signedByPartyIds: ctxAgreement.signedByPartyIds,
        signatures: ctxAgreement.signatures ?? [],
        reachedAt: ctxAgreement.reachedAt,
        reachedBy: ctxAgreement.reachedBy,
        confirmation: ctxAgreement.confirmation ?? row?.confirmationStatus ?? null,
        performance: row?.performance ?? null,
      }
    : null;
  const requested = payloadOf('REQUEST_JUDICIAL_CONFIRMATION').at(-1);
  const recorded = payloadOf('RECORD_CONFIRMATION').at(-1);
  return {
    view,
    parties: view.parties,
    unitNames: {
      grid: unitName(dispute.gridCode),
      community: unitName(dispute.communityCode),
      street: unitName(dispute.streetCode),
    },
    userName: (id) => (id ? (names.get(id) ?? id) : '未记录'),
    events,
    head: last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: '' },
    agreement,
    followUps: payloadOf('RECORD_FOLLOW_UP').map(({ e, p }) => ({
      at: e.at.toISOString(),
      by: e.actorId,
      performed: text(p.performed),
      note: text(p.note),
      satisfaction: text(p.satisfaction),
      recurrenceRisk: text(p.recurrenceRisk),
    })),
    confirmation: {
      requestedAt: requested ? requested.e.at.toISOString() : null,
      result: recorded ? (recorded.p.confirmed === true ? 'confirmed' : 'refused') : null,
      note: recorded ? text(recorded.p.note) : null,
    },
    source: text((events[0]?.payload as Record<string, unknown> | undefined)?.source),
  };
}

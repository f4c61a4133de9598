import { AgreementEntity, DisputeAssignmentEntity, newId } from '@tricolor/persistence';
import type { Actor, DomainEvent, PersistedWorkflow } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';

/** Events that write records beside the snapshot (agreements, assignments). */
const WITH_SIDE_RECORDS: ReadonlySet<DomainEvent['type']> = new Set([
  'ACCEPT',
  'CONVENE_PANEL',
  'REACH_AGREEMENT',
  'REQUEST_JUDICIAL_CONFIRMATION',
  'RECORD_CONFIRMATION',
  'RECORD_FOLLOW_UP',
  'REPLACE_MEDIATOR',
]);

/** Whether `recordSideEffects` writes anything for this event type. */
export const writesSideRecords = (type: DomainEvent['type']): boolean =>
  WITH_SIDE_RECORDS.has(type);

/**
 * Records beside the snapshot that queries need: agreements (Art. 27: every mediation is
 * archived) and who was assigned to a case (lawyers and panel members see the cases they sit on).
 */
export async function recordSideEffects(
  m: EntityManager,
  disputeId: string,
  _before: PersistedWorkflow,
  after: PersistedWorkflow,
  event: DomainEvent,
  actor: Actor,
  at: Date,
): Promise<void> {
  switch (event.type) {
    case 'ACCEPT':
      return assign(m, disputeId, at, [
        { userId: event.officerId, capacity: 'officer' },
        { userId: event.lawyerId, capacity: 'lawyer' },
      ]);
    case 'CONVENE_PANEL':
      return assign(
        m,
        disputeId,
        at,
        event.members.map((member) => ({ userId: member.userId, capacity: 'panel' })),
      );
    case 'REACH_AGREEMENT': {
      const agreement = after.context.agreement;
      if (!agreement) return;
      await m.insert(AgreementEntity, {
        id: newId(),
        disputeId,
        tier: agreement.tier,
        terms: agreement.terms,
        performanceDueAt: agreement.performanceDueAt ? new Date(agreement.performanceDueAt) : null,
        signedByPartyIds: agreement.signedByPartyIds,
        reachedAt: at,
        reachedBy: actor.id,
        confirmationStatus: null,
        performance: null,
      });
      return;
    }
    // The replacement sees and handles the case from now on (PML Arts. 19, 23).
    case 'REPLACE_MEDIATOR': {
      const ctx = after.context;
      const capacity =
        ctx.officerId === event.replacementUserId
          ? 'officer'
          : ctx.lawyerId === event.replacementUserId
            ? 'lawyer'
            : 'panel';
      return assign(m, disputeId, at, [{ userId: event.replacementUserId, capacity }]);
    }
    case 'REQUEST_JUDICIAL_CONFIRMATION':
      return updateLatestAgreement(m, disputeId, { confirmationStatus: 'pending' });
    case 'RECORD_CONFIRMATION':
      // The court's four answers map onto the column's three (the snapshot keeps the answer).
      return updateLatestAgreement(m, disputeId, {
        confirmationStatus: after.context.agreement?.confirmation ?? null,
      });
    case 'RECORD_FOLLOW_UP':
      return updateLatestAgreement(m, disputeId, { performance: event.performed });
    // The rest change only the snapshot and the event log.
    case 'ESCALATE':
    case 'DOWNGRADE':
    case 'EMERGENCY_ESCALATE':
    case 'REFER_TO_LITIGATION':
    case 'WITHDRAW':
    case 'TRANSFER':
    case 'RECORD_REFUSAL':
    case 'RECORD_CONSENT':
    case 'CHOOSE_OTHER_ROUTE':
    case 'REPORT_TO_POLICE':
    case 'EXTEND_DEADLINE':
    case 'SUSPEND':
    case 'RESUME':
    case 'DEADLINE_EXPIRED':
    case 'FOLLOW_UP_DUE':
      return;
  }
}

async function assign(
  m: EntityManager,
  disputeId: string,
  at: Date,
  people: { userId: string; capacity: string }[],
): Promise<void> {
  await m.insert(
    DisputeAssignmentEntity,
    people.map((p) => ({
      id: newId(),
      disputeId,
      userId: p.userId,
      capacity: p.capacity,
      assignedAt: at,
    })),
  );
}

async function updateLatestAgreement(
  m: EntityManager,
  disputeId: string,
  changes: Partial<Pick<AgreementEntity, 'confirmationStatus' | 'performance'>>,
): Promise<void> {
  const latest = await m.findOne(AgreementEntity, {
    where: { disputeId },
    order: { reachedAt: 'DESC' },
  });
  if (latest) await m.update(AgreementEntity, { id: latest.id }, changes);
}

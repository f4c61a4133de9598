import { handlerOrSupervisorRefusal, handlerRefusal, isStreetSupervisor } from './access';
import type { Actor, DisputeContext } from './context';
import {
  AGREEMENT_FORMS,
  CONFIRMATION_RESULTS,
  CONSENT_FORMS,
  NON_PERFORMANCE_PATHS,
  INSTITUTIONS,
  NOTICE_FORMS,
  OTHER_ROUTES,
  PERFORMANCE,
  POLICE_RISKS,
  WITHDRAWAL_GROUNDS,
} from './domain';
import { signatureRefusal, unknownSigners } from './representation';
import type { EventType, WorkflowEvent, WorkflowEventOf } from './events';
import { refusal, type CodedRefusal } from './refusals';
import { currentDeadline } from './timers';
import { parseWorkingSpan } from './calendar/working-span';

/**
 * A refusal with its stable code and parameters (refusals.ts) and its English sentence, or null
 * when the rule is satisfied.
 */
export type Refusal = CodedRefusal | string | null;

interface EventRule<T extends EventType> {
  /** May this actor send the event to this case at all? */
  who(ctx: DisputeContext, actor: Actor): Refusal;
  /** Is this particular payload acceptable now? */
  payload(ctx: DisputeContext, event: WorkflowEventOf<T>): Refusal;
}

type Rules = { [T in EventType]: EventRule<T> };

const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';
const needsReason = (e: { reason?: unknown }): Refusal =>
  blank(e.reason) ? refusal('REASON_REQUIRED') : null;
const validDate = (s: unknown): boolean => typeof s === 'string' && !Number.isNaN(Date.parse(s));

/** Every party must be among `ids`; names the ones missing. */
function missingParties(ctx: DisputeContext, ids: unknown, what: string): Refusal {
  if (!Array.isArray(ids)) return refusal('FIELD_NOT_PARTY_LIST', { field: what });
  const unknown = ids.filter((id) => !ctx.parties.some((p) => p.id === id));
  if (unknown.length > 0)
    return refusal('FIELD_NAMES_NON_PARTY', { field: what, ids: unknown.join(', ') });
  const missing = ctx.parties.filter((p) => !ids.includes(p.id));
  if (missing.length === 0) return null;
  return refusal(what === 'consentingPartyIds' ? 'PARTIES_NOT_CONSENTED' : 'PARTIES_NOT_SIGNED', {
    parties: missing.map((p) => `${p.name} (${p.id})`).join(', '),
  });
}

const onlySystem = (_ctx: DisputeContext, actor: Actor): Refusal =>
  actor.role === 'system' ? null : refusal('SYSTEM_ONLY');

// Whether the timer is due yet is the worker's check (TimerFiring): it never fires a row early.
function armedTimer(ctx: DisputeContext, timerId: unknown, fires: string): Refusal {
  const timer = ctx.timers.find((t) => t.id === timerId && t.fires === fires);
  return timer ? null : refusal('TIMER_NOT_ARMED', { timerId: timerId as string | undefined });
}

const handlerOrSupervisor = { who: handlerOrSupervisorRefusal };

/** Optional party lists name parties only. */
function strangers(ctx: DisputeContext, ids: unknown, field: string): Refusal {
  if (ids === undefined) return null;
  if (!Array.isArray(ids)) return refusal('FIELD_NOT_PARTY_LIST', { field });
  const unknown = ids.filter((id) => !ctx.parties.some((p) => p.id === id));
  return unknown.length > 0
    ? refusal('FIELD_NAMES_NON_PARTY', { field, ids: unknown.join(', ') })
    : null;
}

const oneOf = (value: unknown, allowed: readonly string[], field: string): Refusal =>
  value === undefined || allowed.includes(value as string)
    ? null
    : refusal('VALUE_NOT_ALLOWED', { field, allowed: allowed.join(', ') });

/**
 * PML Art. 25: a dispute triage marked for violence, self-harm or threats is reported to the
 * police before mediation may end, with or without an agreement.
 */
function policeReportDue(ctx: DisputeContext): Refusal {
  return ctx.policeReportRequired && ctx.policeReports.length === 0
    ? refusal('POLICE_REPORT_DUE')
    : null;
}

/**
 * PML Arts. 3, 17 and 2002 rules Art. 30: every party consented to the body now mediating
 * (or did not object), and that body told them their rights, before any agreement.
 */
function voluntarinessRefusal(ctx: DisputeContext): Refusal {
  const missing = ctx.parties.filter(
    (p) => !ctx.consents.some((c) => c.partyId === p.id && c.tier === ctx.tier),
  );
  if (missing.length > 0)
    return refusal('CONSENT_MISSING', {
      tier: ctx.tier,
      parties: missing.map((p) => `${p.name} (${p.id})`).join(', '),
    });
  if (!ctx.rightsNotices.some((n) => n.tier === ctx.tier))
    return refusal('RIGHTS_NOT_TOLD', { tier: ctx.tier });
  return null;
}

/**
 * PML Art. 20 (司法通〔2017〕105号): in the joint review the lawyer advises and may co-mediate,
 * but decisions that bind the case — the agreement, a closure, the confirmation request — are
 * the judicial officer's.
 */
const officerDecides =
  (who: (ctx: DisputeContext, actor: Actor) => Refusal) =>
  (ctx: DisputeContext, actor: Actor): Refusal => {
    const refused = who(ctx, actor);
    if (refused !== null) return refused;
    const tier = ctx.agreement?.tier ?? ctx.tier;
    return tier === 'yellow' && actor.role === 'lawyer' ? refusal('OFFICER_DECIDES') : null;
  };

/**
 * The 1+1+2+N+N team (issue 15): at blue the community's auxiliary police mediate alongside the
 * grid worker, so they may record the parties' consent and the agreement — nothing else (they do
 * not escalate, close or transfer a case, and never outside their own community).
 */
const orBlueAuxiliary =
  (who: (ctx: DisputeContext, actor: Actor) => Refusal) =>
  (ctx: DisputeContext, actor: Actor): Refusal => {
    const refused = who(ctx, actor);
    if (refused === null || actor.role !== 'auxiliary_police') return refused;
    const tier = ctx.agreement?.tier ?? ctx.tier;
    if (tier !== 'blue') return refused;
    return actor.communityCode === ctx.location.communityCode
      ? null
      : refusal('AUX_POLICE_COMMUNITY', { community: ctx.location.communityCode });
  };

/** Who may close a case without agreement: the given rule, once any due police report is made. */
const closing =
  (who: (ctx: DisputeContext, actor: Actor) => Refusal) =>
  (ctx: DisputeContext, actor: Actor): Refusal =>
    officerDecides(who)(ctx, actor) ?? policeReportDue(ctx);

/**
 * PML Art. 31: a suspended case whose agreement is in effect cannot be "withdrawn": resume it,
 * and the withdrawal is recorded as non-performance.
 */
const suspendedBinding = (ctx: DisputeContext): Refusal =>
  ctx.suspendedFrom !== null && ctx.agreement !== null ? refusal('AGREEMENT_BINDS') : null;

const noticeRefusal = (e: { noticeHow?: unknown }): Refusal =>
  oneOf(e.noticeHow, NOTICE_FORMS, 'noticeHow');

const receptionRefusal = (
  ctx: DisputeContext,
  e: { consentingPartyIds?: unknown; rightsNoticeHow?: unknown },
): Refusal =>
  strangers(ctx, e.consentingPartyIds, 'consentingPartyIds') ??
  oneOf(e.rightsNoticeHow, NOTICE_FORMS, 'rightsNoticeHow');

/** Oral agreements: the optional list names parties or their guardians and agents only. */
function representedStrangers(ctx: DisputeContext, ids: unknown): Refusal {
  if (ids === undefined) return null;
  if (!Array.isArray(ids)) return refusal('FIELD_NOT_PARTY_LIST', { field: 'signedByPartyIds' });
  const unknown = unknownSigners(ctx.parties, ids as string[]);
  return unknown.length > 0
    ? refusal('SIGNER_NOT_PARTY_OR_REPRESENTATIVE', { ids: unknown.join(', ') })
    : null;
}

/**
 * WITHDRAW's ground (PML Art. 23): a party ended mediation, or the parties settled by
 * themselves. Once an agreement is in effect neither ends the case (Art. 31).
 */
function withdrawalGroundRefusal(ctx: DisputeContext, e: { ground?: unknown }): Refusal {
  const known = oneOf(e.ground, WITHDRAWAL_GROUNDS, 'ground');
  if (known) return known;
  return e.ground === 'settled_by_parties' && ctx.agreement
    ? refusal('AGREEMENT_IN_EFFECT_NO_SETTLEMENT')
    : null;
}

export const RULES: Rules = {
  ACCEPT: {
    who: (ctx, actor) =>
      actor.role === 'judicial_officer' && actor.streetCode === ctx.location.streetCode
        ? null
        : refusal('ACCEPT_ONLY_STREET_OFFICER', { street: ctx.location.streetCode }),
    payload: (ctx, e) => {
      const officer = e.refs?.[e.officerId];
      const lawyer = e.refs?.[e.lawyerId];
      // One answer whatever is wrong with the person named, so that a refusal never tells the
      // sender another user's role or street (issue 9, finding 7).
      if (
        !officer ||
        officer.role !== 'judicial_officer' ||
        officer.streetCode !== ctx.location.streetCode
      )
        return refusal('OFFICER_NOT_NAMEABLE', { userId: e.officerId });
      if (!lawyer || lawyer.role !== 'lawyer')
        return refusal('LAWYER_NOT_NAMEABLE', { userId: e.lawyerId });
      return receptionRefusal(ctx, e);
    },
  },
  CONVENE_PANEL: {
    who: (ctx, actor) =>
      (actor.role === 'panel_member' && actor.streetCode === ctx.location.streetCode) ||
      isStreetSupervisor(ctx, actor)
        ? null
        : refusal('CONVENE_ONLY_PANEL_OR_SUPERVISOR', { street: ctx.location.streetCode }),
    payload: (ctx, e) => {
      if (!Array.isArray(e.members) || e.members.length === 0) return refusal('PANEL_EMPTY');
      for (const m of e.members) {
        const user = e.refs?.[m.userId];
        if (
          !user ||
          user.role !== 'panel_member' ||
          user.institution !== m.institution ||
          user.streetCode !== ctx.location.streetCode
        )
          return refusal('MEMBER_NOT_NAMEABLE', { userId: m.userId, institution: m.institution });
      }
      const missing = INSTITUTIONS.filter((i) => !e.members.some((m) => m.institution === i));
      return missing.length === 0
        ? receptionRefusal(ctx, e)
        : refusal('PANEL_INCOMPLETE', { institutions: missing.join(', ') });
    },
  },
  REACH_AGREEMENT: {
    who: (ctx, actor) =>
      officerDecides(orBlueAuxiliary(handlerRefusal))(ctx, actor) ??
      voluntarinessRefusal(ctx) ??
      policeReportDue(ctx),
    payload: (ctx, e) => {
      if (blank(e.terms)) return refusal('TERMS_REQUIRED');
      if (e.performanceDueAt != null && !validDate(e.performanceDueAt))
        return refusal('NOT_A_DATE', { field: 'performanceDueAt' });
      if (e.performanceDueAt != null && Date.parse(e.performanceDueAt) < Date.parse(e.at))
        return refusal('DATE_IN_PAST', { field: 'performanceDueAt' });
      const form = oneOf(e.form, AGREEMENT_FORMS, 'form');
      if (form) return form;
      if (
        e.mediatorIds !== undefined &&
        (!Array.isArray(e.mediatorIds) || e.mediatorIds.length === 0)
      )
        return refusal('MEDIATORS_REQUIRED');
      // PML Art. 28: an oral agreement is recorded by the mediator; nobody signs it.
      // A guardian or agent signs for their party (representation.ts).
      const represented = ctx.parties.some((p) => p.representative);
      if (e.form === 'oral')
        return represented
          ? representedStrangers(ctx, e.signedByPartyIds)
          : strangers(ctx, e.signedByPartyIds, 'signedByPartyIds');
      if (e.sealed === false) return refusal('SEAL_REQUIRED');
      return represented
        ? signatureRefusal(ctx.parties, e.signedByPartyIds)
        : missingParties(ctx, e.signedByPartyIds, 'signedByPartyIds');
    },
  },
  ESCALATE: { ...handlerOrSupervisor, payload: (_ctx, e) => needsReason(e) },
  // The event table names "judicial officer / panel, supervisor": at yellow the named lawyer
  // handles the case but does not decide to send it back down.
  DOWNGRADE: {
    who: (ctx, actor) => {
      const refused = handlerOrSupervisorRefusal(ctx, actor);
      if (refused !== null || ctx.tier !== 'yellow' || actor.role !== 'lawyer') return refused;
      return refusal('DOWNGRADE_NOT_LAWYER', { street: ctx.location.streetCode });
    },
    payload: (_ctx, e) => needsReason(e),
  },
  EMERGENCY_ESCALATE: {
    who: (ctx, actor) =>
      (actor.role === 'community_police' && actor.communityCode === ctx.location.communityCode) ||
      handlerOrSupervisorRefusal(ctx, actor) === null
        ? null
        : refusal('EMERGENCY_ONLY', { community: ctx.location.communityCode }),
    payload: (_ctx, e) => needsReason(e),
  },
  REFER_TO_LITIGATION: {
    who: closing(handlerRefusal),
    payload: (_ctx, e) => needsReason(e) ?? noticeRefusal(e),
  },
  WITHDRAW: {
    who: (ctx, actor) => closing(handlerOrSupervisorRefusal)(ctx, actor) ?? suspendedBinding(ctx),
    payload: (ctx, e) => needsReason(e) ?? noticeRefusal(e) ?? withdrawalGroundRefusal(ctx, e),
  },
  // A transfer hands the case to another agency, the police among them: it is never held back.
  TRANSFER: {
    who: officerDecides(handlerOrSupervisorRefusal),
    payload: (_ctx, e) =>
      blank(e.agency) ? refusal('AGENCY_REQUIRED') : (needsReason(e) ?? noticeRefusal(e)),
  },
  RECORD_REFUSAL: {
    who: (ctx, actor) => closing(handlerRefusal)(ctx, actor) ?? suspendedBinding(ctx),
    payload: (ctx, e) => {
      if (!ctx.parties.some((p) => p.id === e.partyId))
        return refusal('NOT_A_PARTY', { partyId: e.partyId });
      return blank(e.note) ? refusal('REFUSAL_NOTE_REQUIRED') : noticeRefusal(e);
    },
  },
  RECORD_CONSENT: {
    who: orBlueAuxiliary(handlerRefusal),
    payload: (ctx, e) => {
      if (!Array.isArray(e.partyIds) || e.partyIds.length === 0)
        return refusal('CONSENTING_PARTIES_REQUIRED');
      return (
        strangers(ctx, e.partyIds, 'partyIds') ??
        oneOf(e.form ?? '', CONSENT_FORMS, 'form') ??
        oneOf(e.rightsNoticeHow, NOTICE_FORMS, 'rightsNoticeHow')
      );
    },
  },
  // PML Art. 3(3): the parties may leave mediation for another route at any tier.
  CHOOSE_OTHER_ROUTE: {
    who: closing(handlerOrSupervisorRefusal),
    payload: (_ctx, e) =>
      oneOf(e.route ?? '', OTHER_ROUTES, 'route') ?? needsReason(e) ?? noticeRefusal(e),
  },
  // PML Arts. 19, 23: a party may ask for a mediator to be replaced; recusals are recorded.
  REPLACE_MEDIATOR: {
    ...handlerOrSupervisor,
    payload: (ctx, e) => {
      if (blank(e.reason)) return refusal('REASON_REQUIRED');
      if (
        e.requestedByPartyId !== undefined &&
        !ctx.parties.some((p) => p.id === e.requestedByPartyId)
      )
        return refusal('NOT_A_PARTY', { partyId: e.requestedByPartyId });
      const seat =
        ctx.officerId === e.replacedUserId
          ? { role: 'judicial_officer', institution: null }
          : ctx.lawyerId === e.replacedUserId
            ? { role: 'lawyer', institution: null }
            : ctx.panel.find((m) => m.userId === e.replacedUserId)
              ? {
                  role: 'panel_member',
                  institution:
                    ctx.panel.find((m) => m.userId === e.replacedUserId)?.institution ?? null,
                }
              : null;
      if (!seat) return refusal('NOT_A_MEDIATOR', { userId: e.replacedUserId });
      const onCase = [ctx.officerId, ctx.lawyerId, ...ctx.panel.map((m) => m.userId)];
      if (onCase.includes(e.replacementUserId))
        return refusal('ALREADY_MEDIATES', { userId: e.replacementUserId });
      const user = e.refs?.[e.replacementUserId];
      if (
        !user ||
        user.role !== seat.role ||
        (seat.institution !== null && user.institution !== seat.institution) ||
        (seat.role !== 'lawyer' && user.streetCode !== ctx.location.streetCode)
      )
        return refusal('REPLACEMENT_NOT_NAMEABLE', {
          userId: e.replacementUserId,
          seat: seat.institution ?? seat.role,
        });
      return null;
    },
  },
  REPORT_TO_POLICE: {
    who: (ctx, actor) =>
      (actor.role === 'community_police' && actor.communityCode === ctx.location.communityCode) ||
      handlerOrSupervisorRefusal(ctx, actor) === null
        ? null
        : refusal('POLICE_REPORT_ONLY', { community: ctx.location.communityCode }),
    payload: (_ctx, e) => oneOf(e.risk ?? '', POLICE_RISKS, 'risk') ?? needsReason(e),
  },
  EXTEND_DEADLINE: {
    ...handlerOrSupervisor,
    payload: (ctx, e) => {
      if (e.by !== undefined && e.until !== undefined) return refusal('EXTENSION_UNTIL_OR_BY');
      if (e.by !== undefined) {
        if (parseWorkingSpan(String(e.by)) === null) return refusal('EXTENSION_BY_WORKING_TIME');
        return needsReason(e) ?? missingParties(ctx, e.consentingPartyIds, 'consentingPartyIds');
      }
      if (!validDate(e.until)) return refusal('NOT_A_DATE', { field: 'until' });
      const deadline = currentDeadline(ctx);
      const floor = Math.max(Date.parse(e.at), deadline ? Date.parse(deadline.dueAt) : 0);
      if (Date.parse(e.until as string) <= floor)
        return deadline
          ? refusal('EXTENSION_NOT_LATER_THAN', { dueAt: deadline.dueAt })
          : refusal('EXTENSION_NOT_LATER');
      return needsReason(e) ?? missingParties(ctx, e.consentingPartyIds, 'consentingPartyIds');
    },
  },
  SUSPEND: { ...handlerOrSupervisor, payload: (_ctx, e) => needsReason(e) },
  RESUME: { ...handlerOrSupervisor, payload: () => null },
  REQUEST_JUDICIAL_CONFIRMATION: {
    who: officerDecides(handlerRefusal),
    payload: (ctx, e) => {
      const agreement = ctx.agreement;
      if (!agreement) return refusal('NO_AGREEMENT');
      if (agreement.confirmation === 'confirmed') return refusal('ALREADY_CONFIRMED');
      // 法释〔2011〕5号 Art. 4 and PML Art. 33: what a court will not confirm is refused here.
      if (agreement.form === 'oral') return refusal('ORAL_NOT_CONFIRMABLE');
      if (!agreement.organisation) return refusal('NOT_MEDIATION_ORGANISATION');
      if (ctx.personalStatus) return refusal('PERSONAL_STATUS');
      if (agreement.result?.result === 'rejected') return refusal('CONFIRMATION_REJECTED');
      if (e.applicantPartyIds !== undefined) {
        const joint = missingParties(ctx, e.applicantPartyIds, 'applicantPartyIds');
        // "Not every party signed" reads "applied" here; a malformed list keeps its own code.
        if (joint)
          return typeof joint !== 'string' && joint.code === 'PARTIES_NOT_SIGNED'
            ? refusal('CONFIRMATION_NOT_JOINT', joint.params)
            : joint;
      }
      return Date.parse(e.at) <= Date.parse(agreement.confirmationWindowEndsAt)
        ? null
        : refusal('CONFIRMATION_WINDOW_PASSED', { endsAt: agreement.confirmationWindowEndsAt });
    },
  },
  RECORD_CONFIRMATION: {
    who: (ctx, actor) => {
      if (isStreetSupervisor(ctx, actor)) return null;
      // A convened panel's own court member records it; otherwise any court member of the street.
      const courtMembers = ctx.panel.filter((m) => m.institution === 'court');
      const isCourt =
        courtMembers.length > 0
          ? courtMembers.some((m) => m.userId === actor.id)
          : actor.role === 'panel_member' &&
            actor.institution === 'court' &&
            actor.streetCode === ctx.location.streetCode;
      return isCourt ? null : refusal('CONFIRMATION_ONLY_COURT');
    },
    payload: (_ctx, e) => {
      if (e.result === undefined)
        return typeof e.confirmed === 'boolean' ? null : refusal('CONFIRMED_NOT_BOOLEAN');
      if (!CONFIRMATION_RESULTS.includes(e.result))
        return oneOf(e.result, CONFIRMATION_RESULTS, 'result');
      if (e.confirmed !== undefined && e.confirmed !== (e.result === 'confirmed'))
        return refusal('CONFIRMED_CONTRADICTS_RESULT', {
          confirmed: String(e.confirmed),
          result: e.result,
        });
      // CPL Art. 206: the confirmation is a ruling; its number is what enforcement cites.
      if (e.result === 'confirmed' && blank(e.rulingNumber))
        return refusal('RULING_NUMBER_REQUIRED');
      return null;
    },
  },
  RECORD_FOLLOW_UP: {
    who: handlerRefusal,
    payload: (_ctx, e) => {
      if (!PERFORMANCE.includes(e.performed)) return refusal('PERFORMED_INVALID');
      if (e.next === undefined) return null;
      if (!NON_PERFORMANCE_PATHS.includes(e.next))
        return oneOf(e.next, NON_PERFORMANCE_PATHS, 'next');
      return e.performed === 'full' ? refusal('NEXT_ONLY_IF_NOT_PERFORMED') : null;
    },
  },
  DEADLINE_EXPIRED: {
    who: onlySystem,
    payload: (ctx, e) => armedTimer(ctx, e.timerId, 'DEADLINE_EXPIRED'),
  },
  FOLLOW_UP_DUE: {
    who: onlySystem,
    payload: (ctx, e) => armedTimer(ctx, e.timerId, 'FOLLOW_UP_DUE'),
  },
};

export function whoRefusal(ctx: DisputeContext, type: EventType, actor: Actor): Refusal {
  return RULES[type].who(ctx, actor);
}

/** The full check a guard makes: the actor first, then the payload. */
export function ruleRefusal(ctx: DisputeContext, event: WorkflowEvent): Refusal {
  const rule = RULES[event.type] as EventRule<EventType>;
  return rule.who(ctx, event.actor) ?? rule.payload(ctx, event);
}

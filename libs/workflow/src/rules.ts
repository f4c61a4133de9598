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
import { currentDeadline } from './timers';
import { parseWorkingSpan } from './calendar/working-span';

/** A refusal in words a user understands, or null when the rule is satisfied. */
export type Refusal = string | null;

interface EventRule<T extends EventType> {
  /** May this actor send the event to this case at all? */
  who(ctx: DisputeContext, actor: Actor): Refusal;
  /** Is this particular payload acceptable now? */
  payload(ctx: DisputeContext, event: WorkflowEventOf<T>): Refusal;
}

type Rules = { [T in EventType]: EventRule<T> };

const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';
const needsReason = (e: { reason?: unknown }): Refusal =>
  blank(e.reason) ? 'a reason is required' : null;
const validDate = (s: unknown): boolean => typeof s === 'string' && !Number.isNaN(Date.parse(s));

/** Every party must be among `ids`; names the ones missing. */
function missingParties(ctx: DisputeContext, ids: unknown, what: string): Refusal {
  if (!Array.isArray(ids)) return `${what} must list the parties`;
  const unknown = ids.filter((id) => !ctx.parties.some((p) => p.id === id));
  if (unknown.length > 0) return `${what} names someone who is not a party: ${unknown.join(', ')}`;
  const missing = ctx.parties.filter((p) => !ids.includes(p.id));
  if (missing.length === 0) return null;
  return `not every party ${what === 'consentingPartyIds' ? 'consented' : 'signed'}: missing ${missing
    .map((p) => `${p.name} (${p.id})`)
    .join(', ')}`;
}

const onlySystem = (_ctx: DisputeContext, actor: Actor): Refusal =>
  actor.role === 'system' ? null : 'only the system timers send this event';

// Whether the timer is due yet is the worker's check (TimerFiring): it never fires a row early.
function armedTimer(ctx: DisputeContext, timerId: unknown, fires: string): Refusal {
  const timer = ctx.timers.find((t) => t.id === timerId && t.fires === fires);
  return timer ? null : `timer ${String(timerId)} is no longer armed: the case has moved on`;
}

const handlerOrSupervisor = { who: handlerOrSupervisorRefusal };

/** Optional party lists name parties only. */
function strangers(ctx: DisputeContext, ids: unknown, field: string): Refusal {
  if (ids === undefined) return null;
  if (!Array.isArray(ids)) return `${field} must list the parties`;
  const unknown = ids.filter((id) => !ctx.parties.some((p) => p.id === id));
  return unknown.length > 0
    ? `${field} names someone who is not a party: ${unknown.join(', ')}`
    : null;
}

const oneOf = (value: unknown, allowed: readonly string[], field: string): Refusal =>
  value === undefined || allowed.includes(value as string)
    ? null
    : `${field} must be one of: ${allowed.join(', ')}`;

/**
 * PML Art. 25: a dispute triage marked for violence, self-harm or threats is reported to the
 * police before mediation may end, with or without an agreement.
 */
function policeReportDue(ctx: DisputeContext): Refusal {
  return ctx.policeReportRequired && ctx.policeReports.length === 0
    ? 'triage marked a risk of violence, self-harm or threats: report it to the police (REPORT_TO_POLICE, People’s Mediation Law Art. 25) first'
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
    return `no consent to mediation at ${ctx.tier} is recorded for ${missing
      .map((p) => `${p.name} (${p.id})`)
      .join(', ')} (RECORD_CONSENT, People’s Mediation Law Art. 17)`;
  if (!ctx.rightsNotices.some((n) => n.tier === ctx.tier))
    return `the parties have not been told their rights and obligations at ${ctx.tier} (RECORD_CONSENT with rightsNoticeHow, 2002 rules Art. 30)`;
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
    const refusal = who(ctx, actor);
    if (refusal !== null) return refusal;
    const tier = ctx.agreement?.tier ?? ctx.tier;
    return tier === 'yellow' && actor.role === 'lawyer'
      ? 'the lawyer advises and may co-mediate; this decision binds the case and is the judicial officer’s (PML Art. 20)'
      : null;
  };

/**
 * The 1+1+2+N+N team (issue 15): at blue the community's auxiliary police mediate alongside the
 * grid worker, so they may record the parties' consent and the agreement — nothing else (they do
 * not escalate, close or transfer a case, and never outside their own community).
 */
const orBlueAuxiliary =
  (who: (ctx: DisputeContext, actor: Actor) => Refusal) =>
  (ctx: DisputeContext, actor: Actor): Refusal => {
    const refusal = who(ctx, actor);
    if (refusal === null || actor.role !== 'auxiliary_police') return refusal;
    const tier = ctx.agreement?.tier ?? ctx.tier;
    if (tier !== 'blue') return refusal;
    return actor.communityCode === ctx.location.communityCode
      ? null
      : `only the auxiliary police of community ${ctx.location.communityCode} mediate this blue case beside its grid worker`;
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
  ctx.suspendedFrom !== null && ctx.agreement !== null
    ? 'the agreement is in effect and binds the parties (PML Art. 31): resume the case to record non-performance'
    : null;

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
  if (!Array.isArray(ids)) return 'signedByPartyIds must list the parties';
  const unknown = unknownSigners(ctx.parties, ids as string[]);
  return unknown.length > 0
    ? `signedByPartyIds names someone who is not a party or a party’s guardian or agent: ${unknown.join(', ')}`
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
    ? 'the agreement is in effect (PML Art. 31): record its performance (RECORD_FOLLOW_UP) instead of a settlement'
    : null;
}

export const RULES: Rules = {
  ACCEPT: {
    who: (ctx, actor) =>
      actor.role === 'judicial_officer' && actor.streetCode === ctx.location.streetCode
        ? null
        : `only a judicial officer of street ${ctx.location.streetCode} may accept the case`,
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
        return `officerId ${e.officerId} may not be named: choose one of this case's judicial officers (GET /disputes/{id}/candidates)`;
      if (!lawyer || lawyer.role !== 'lawyer')
        return `lawyerId ${e.lawyerId} may not be named: choose one of this case's lawyers (GET /disputes/{id}/candidates)`;
      return receptionRefusal(ctx, e);
    },
  },
  CONVENE_PANEL: {
    who: (ctx, actor) =>
      (actor.role === 'panel_member' && actor.streetCode === ctx.location.streetCode) ||
      isStreetSupervisor(ctx, actor)
        ? null
        : `only a panel member or supervisor of street ${ctx.location.streetCode} may convene the panel`,
    payload: (ctx, e) => {
      if (!Array.isArray(e.members) || e.members.length === 0) return 'the panel has no members';
      for (const m of e.members) {
        const user = e.refs?.[m.userId];
        if (
          !user ||
          user.role !== 'panel_member' ||
          user.institution !== m.institution ||
          user.streetCode !== ctx.location.streetCode
        )
          return `member ${m.userId} may not sit for ${m.institution}: choose one of this case's ${m.institution} panel members (GET /disputes/{id}/candidates)`;
      }
      const missing = INSTITUTIONS.filter((i) => !e.members.some((m) => m.institution === i));
      return missing.length === 0
        ? receptionRefusal(ctx, e)
        : `the panel lacks a member from: ${missing.join(', ')} (three offices and one court must all sit)`;
    },
  },
  REACH_AGREEMENT: {
    who: (ctx, actor) =>
      officerDecides(orBlueAuxiliary(handlerRefusal))(ctx, actor) ??
      voluntarinessRefusal(ctx) ??
      policeReportDue(ctx),
    payload: (ctx, e) => {
      if (blank(e.terms)) return 'the agreement needs its terms';
      if (e.performanceDueAt != null && !validDate(e.performanceDueAt))
        return 'performanceDueAt is not a date';
      if (e.performanceDueAt != null && Date.parse(e.performanceDueAt) < Date.parse(e.at))
        return 'performanceDueAt is in the past';
      const form = oneOf(e.form, AGREEMENT_FORMS, 'form');
      if (form) return form;
      if (
        e.mediatorIds !== undefined &&
        (!Array.isArray(e.mediatorIds) || e.mediatorIds.length === 0)
      )
        return 'mediatorIds must name the mediators (PML Art. 29)';
      // PML Art. 28: an oral agreement is recorded by the mediator; nobody signs it.
      // A guardian or agent signs for their party (representation.ts).
      const represented = ctx.parties.some((p) => p.representative);
      if (e.form === 'oral')
        return represented
          ? representedStrangers(ctx, e.signedByPartyIds)
          : strangers(ctx, e.signedByPartyIds, 'signedByPartyIds');
      if (e.sealed === false)
        return 'a written agreement takes effect when the parties and the mediator have signed it and the committee’s seal is applied (PML Art. 29): apply the seal, then record it';
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
      const refusal = handlerOrSupervisorRefusal(ctx, actor);
      if (refusal !== null || ctx.tier !== 'yellow' || actor.role !== 'lawyer') return refusal;
      return `only the judicial officer handling this yellow case (or a supervisor of street ${ctx.location.streetCode}) may downgrade it, not the lawyer`;
    },
    payload: (_ctx, e) => needsReason(e),
  },
  EMERGENCY_ESCALATE: {
    who: (ctx, actor) =>
      (actor.role === 'community_police' && actor.communityCode === ctx.location.communityCode) ||
      handlerOrSupervisorRefusal(ctx, actor) === null
        ? null
        : `only a handler, a community police officer of community ${ctx.location.communityCode} or a supervisor may escalate in an emergency`,
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
      blank(e.agency) ? 'the receiving agency is required' : (needsReason(e) ?? noticeRefusal(e)),
  },
  RECORD_REFUSAL: {
    who: (ctx, actor) => closing(handlerRefusal)(ctx, actor) ?? suspendedBinding(ctx),
    payload: (ctx, e) => {
      if (!ctx.parties.some((p) => p.id === e.partyId)) return `${e.partyId} is not a party`;
      return blank(e.note) ? 'a note on the refusal is required' : noticeRefusal(e);
    },
  },
  RECORD_CONSENT: {
    who: orBlueAuxiliary(handlerRefusal),
    payload: (ctx, e) => {
      if (!Array.isArray(e.partyIds) || e.partyIds.length === 0)
        return 'partyIds must list the consenting parties';
      return (
        strangers(ctx, e.partyIds, 'partyIds') ??
        (CONSENT_FORMS.includes(e.form)
          ? null
          : `form must be one of: ${CONSENT_FORMS.join(', ')}`) ??
        oneOf(e.rightsNoticeHow, NOTICE_FORMS, 'rightsNoticeHow')
      );
    },
  },
  // PML Art. 3(3): the parties may leave mediation for another route at any tier.
  CHOOSE_OTHER_ROUTE: {
    who: closing(handlerOrSupervisorRefusal),
    payload: (_ctx, e) =>
      (OTHER_ROUTES.includes(e.route)
        ? null
        : `route must be one of: ${OTHER_ROUTES.join(', ')}`) ??
      needsReason(e) ??
      noticeRefusal(e),
  },
  // PML Arts. 19, 23: a party may ask for a mediator to be replaced; recusals are recorded.
  REPLACE_MEDIATOR: {
    ...handlerOrSupervisor,
    payload: (ctx, e) => {
      if (blank(e.reason)) return 'a reason is required';
      if (
        e.requestedByPartyId !== undefined &&
        !ctx.parties.some((p) => p.id === e.requestedByPartyId)
      )
        return `${e.requestedByPartyId} is not a party`;
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
      if (!seat) return `${e.replacedUserId} is not a mediator of this case`;
      const onCase = [ctx.officerId, ctx.lawyerId, ...ctx.panel.map((m) => m.userId)];
      if (onCase.includes(e.replacementUserId))
        return `${e.replacementUserId} already mediates this case`;
      const user = e.refs?.[e.replacementUserId];
      if (
        !user ||
        user.role !== seat.role ||
        (seat.institution !== null && user.institution !== seat.institution) ||
        (seat.role !== 'lawyer' && user.streetCode !== ctx.location.streetCode)
      )
        return `replacementUserId ${e.replacementUserId} may not take this seat: choose one of this case's ${(seat.institution ?? seat.role).replace('_', ' ')}${seat.role === 'panel_member' ? ' panel members' : 's'} (GET /disputes/{id}/candidates)`;
      return null;
    },
  },
  REPORT_TO_POLICE: {
    who: (ctx, actor) =>
      (actor.role === 'community_police' && actor.communityCode === ctx.location.communityCode) ||
      handlerOrSupervisorRefusal(ctx, actor) === null
        ? null
        : `only a handler, a community police officer of community ${ctx.location.communityCode} or a supervisor may report to the police`,
    payload: (_ctx, e) =>
      (POLICE_RISKS.includes(e.risk) ? null : `risk must be one of: ${POLICE_RISKS.join(', ')}`) ??
      needsReason(e),
  },
  EXTEND_DEADLINE: {
    ...handlerOrSupervisor,
    payload: (ctx, e) => {
      if (e.by !== undefined && e.until !== undefined)
        return 'give until (a date) or by (working time), not both';
      if (e.by !== undefined) {
        if (parseWorkingSpan(String(e.by)) === null)
          return 'by must be working time: working days (3WD) or working hours (4WH)';
        return needsReason(e) ?? missingParties(ctx, e.consentingPartyIds, 'consentingPartyIds');
      }
      if (!validDate(e.until)) return 'until is not a date';
      const deadline = currentDeadline(ctx);
      const floor = Math.max(Date.parse(e.at), deadline ? Date.parse(deadline.dueAt) : 0);
      if (Date.parse(e.until as string) <= floor)
        return `until must be later than the current deadline${deadline ? ` (${deadline.dueAt})` : ''}`;
      return needsReason(e) ?? missingParties(ctx, e.consentingPartyIds, 'consentingPartyIds');
    },
  },
  SUSPEND: { ...handlerOrSupervisor, payload: (_ctx, e) => needsReason(e) },
  RESUME: { ...handlerOrSupervisor, payload: () => null },
  REQUEST_JUDICIAL_CONFIRMATION: {
    who: officerDecides(handlerRefusal),
    payload: (ctx, e) => {
      const agreement = ctx.agreement;
      if (!agreement) return 'there is no agreement to confirm';
      if (agreement.confirmation === 'confirmed') return 'the agreement is already confirmed';
      // 法释〔2011〕5号 Art. 4 and PML Art. 33: what a court will not confirm is refused here.
      if (agreement.form === 'oral')
        return 'an oral agreement cannot be judicially confirmed (PML Art. 33 needs a written agreement)';
      if (!agreement.organisation)
        return 'the agreement was not made by a people’s mediation organisation on record, so it cannot be judicially confirmed (PML Art. 33)';
      if (ctx.personalStatus)
        return 'a marriage, adoption or other personal-status matter cannot be judicially confirmed (法释〔2011〕5号 Art. 4)';
      if (agreement.result?.result === 'rejected')
        return 'the court rejected confirmation: the parties may change the agreement by mediation or sue (PML Art. 33(3))';
      if (e.applicantPartyIds !== undefined) {
        const joint = missingParties(ctx, e.applicantPartyIds, 'applicantPartyIds');
        if (joint)
          return `judicial confirmation is applied for jointly by both sides (PML Art. 33): ${joint.replace('signed', 'applied')}`;
      }
      return Date.parse(e.at) <= Date.parse(agreement.confirmationWindowEndsAt)
        ? null
        : `outside the 30-day window: judicial confirmation had to be requested by ${agreement.confirmationWindowEndsAt}`;
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
      return isCourt
        ? null
        : 'only the court member of the panel or a supervisor may record the court’s confirmation';
    },
    payload: (_ctx, e) => {
      if (e.result === undefined)
        return typeof e.confirmed === 'boolean' ? null : 'confirmed must be true or false';
      if (!CONFIRMATION_RESULTS.includes(e.result))
        return `result must be one of: ${CONFIRMATION_RESULTS.join(', ')}`;
      if (e.confirmed !== undefined && e.confirmed !== (e.result === 'confirmed'))
        return `confirmed (${String(e.confirmed)}) contradicts result ${e.result}`;
      // CPL Art. 206: the confirmation is a ruling; its number is what enforcement cites.
      if (e.result === 'confirmed' && blank(e.rulingNumber))
        return 'a confirmation records the number of the court’s ruling (rulingNumber)';
      return null;
    },
  },
  RECORD_FOLLOW_UP: {
    who: handlerRefusal,
    payload: (_ctx, e) => {
      if (!PERFORMANCE.includes(e.performed)) return 'performed must be full, partial or none';
      if (e.next === undefined) return null;
      if (!NON_PERFORMANCE_PATHS.includes(e.next))
        return `next must be one of: ${NON_PERFORMANCE_PATHS.join(', ')}`;
      return e.performed === 'full'
        ? 'next applies only to an agreement not fully performed'
        : null;
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

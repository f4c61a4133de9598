import { handlerOrSupervisorRefusal, handlerRefusal, isStreetSupervisor } from './access';
import type { Actor, DisputeContext } from './context';
import { INSTITUTIONS, PERFORMANCE } from './domain';
import type { EventType, WorkflowEvent, WorkflowEventOf } from './events';
import { currentDeadline } from './timers';

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

export const RULES: Rules = {
  ACCEPT: {
    who: (ctx, actor) =>
      actor.role === 'judicial_officer' && actor.streetCode === ctx.location.streetCode
        ? null
        : `only a judicial officer of street ${ctx.location.streetCode} may accept the case`,
    payload: (ctx, e) => {
      const officer = e.refs?.[e.officerId];
      const lawyer = e.refs?.[e.lawyerId];
      if (!officer || officer.role !== 'judicial_officer')
        return `officerId ${e.officerId} is not a judicial officer`;
      if (officer.streetCode !== ctx.location.streetCode)
        return `officer ${e.officerId} does not belong to street ${ctx.location.streetCode}`;
      if (!lawyer || lawyer.role !== 'lawyer') return `lawyerId ${e.lawyerId} is not a lawyer`;
      return null;
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
        if (!user || user.role !== 'panel_member')
          return `member ${m.userId} is not a panel member`;
        if (user.institution !== m.institution)
          return `member ${m.userId} belongs to ${user.institution ?? 'no institution'}, not ${m.institution}`;
        if (user.streetCode !== ctx.location.streetCode)
          return `member ${m.userId} does not serve street ${ctx.location.streetCode}`;
      }
      const missing = INSTITUTIONS.filter((i) => !e.members.some((m) => m.institution === i));
      return missing.length === 0
        ? null
        : `the panel lacks a member from: ${missing.join(', ')} (three offices and one court must all sit)`;
    },
  },
  REACH_AGREEMENT: {
    who: handlerRefusal,
    payload: (ctx, e) => {
      if (blank(e.terms)) return 'the agreement needs its terms';
      if (e.performanceDueAt != null && !validDate(e.performanceDueAt))
        return 'performanceDueAt is not a date';
      if (e.performanceDueAt != null && Date.parse(e.performanceDueAt) < Date.parse(e.at))
        return 'performanceDueAt is in the past';
      return missingParties(ctx, e.signedByPartyIds, 'signedByPartyIds');
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
  REFER_TO_LITIGATION: { who: handlerRefusal, payload: (_ctx, e) => needsReason(e) },
  WITHDRAW: { ...handlerOrSupervisor, payload: (_ctx, e) => needsReason(e) },
  TRANSFER: {
    ...handlerOrSupervisor,
    payload: (_ctx, e) => (blank(e.agency) ? 'the receiving agency is required' : needsReason(e)),
  },
  RECORD_REFUSAL: {
    who: handlerRefusal,
    payload: (ctx, e) => {
      if (!ctx.parties.some((p) => p.id === e.partyId)) return `${e.partyId} is not a party`;
      return blank(e.note) ? 'a note on the refusal is required' : null;
    },
  },
  EXTEND_DEADLINE: {
    ...handlerOrSupervisor,
    payload: (ctx, e) => {
      if (!validDate(e.until)) return 'until is not a date';
      const deadline = currentDeadline(ctx);
      const floor = Math.max(Date.parse(e.at), deadline ? Date.parse(deadline.dueAt) : 0);
      if (Date.parse(e.until) <= floor)
        return `until must be later than the current deadline${deadline ? ` (${deadline.dueAt})` : ''}`;
      return needsReason(e) ?? missingParties(ctx, e.consentingPartyIds, 'consentingPartyIds');
    },
  },
  SUSPEND: { ...handlerOrSupervisor, payload: (_ctx, e) => needsReason(e) },
  RESUME: { ...handlerOrSupervisor, payload: () => null },
  REQUEST_JUDICIAL_CONFIRMATION: {
    who: handlerRefusal,
    payload: (ctx, e) => {
      const agreement = ctx.agreement;
      if (!agreement) return 'there is no agreement to confirm';
      if (agreement.confirmation === 'confirmed') return 'the agreement is already confirmed';
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
    payload: (_ctx, e) =>
      typeof e.confirmed === 'boolean' ? null : 'confirmed must be true or false',
  },
  RECORD_FOLLOW_UP: {
    who: handlerRefusal,
    payload: (_ctx, e) =>
      PERFORMANCE.includes(e.performed) ? null : 'performed must be full, partial or none',
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

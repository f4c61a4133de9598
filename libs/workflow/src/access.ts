import type { Actor } from './context';
import type { DisputeContext } from './context';
import type { Tier } from './domain';
import { refusal, type CodedRefusal } from './refusals';

/**
 * Who handles a case (DESIGN.md §4): at blue the grid workers of its grid; at yellow any
 * judicial officer of the street until one accepts, then that officer and the named lawyer;
 * at red any panel member of the street until the panel is convened, then its members.
 * After an agreement the handler of the tier that reached it stays in charge.
 */
export function isHandler(ctx: DisputeContext, actor: Actor): boolean {
  return handlerRefusal(ctx, actor) === null;
}

export function handlerRefusal(ctx: DisputeContext, actor: Actor): CodedRefusal | null {
  const tier: Tier = ctx.agreement?.tier ?? ctx.tier;
  const { gridCode, streetCode } = ctx.location;
  switch (tier) {
    case 'blue':
      return actor.role === 'grid_worker' && actor.gridCode === gridCode
        ? null
        : refusal('HANDLER_BLUE', { grid: gridCode });
    case 'yellow':
      if (ctx.officerId === null) {
        return actor.role === 'judicial_officer' && actor.streetCode === streetCode
          ? null
          : refusal('HANDLER_YELLOW_UNACCEPTED', { street: streetCode });
      }
      return actor.id === ctx.officerId || actor.id === ctx.lawyerId
        ? null
        : refusal('HANDLER_YELLOW');
    case 'red':
      if (ctx.panel.length === 0) {
        return actor.role === 'panel_member' && actor.streetCode === streetCode
          ? null
          : refusal('HANDLER_RED_UNCONVENED', { street: streetCode });
      }
      return ctx.panel.some((m) => m.userId === actor.id) ? null : refusal('HANDLER_RED');
  }
}

export function isStreetSupervisor(ctx: DisputeContext, actor: Actor): boolean {
  return actor.role === 'supervisor' && actor.streetCode === ctx.location.streetCode;
}

/** Combines "handler" with the street's supervisors, the most common "who" of the event table. */
export function handlerOrSupervisorRefusal(ctx: DisputeContext, actor: Actor): CodedRefusal | null {
  if (isStreetSupervisor(ctx, actor)) return null;
  const handler = handlerRefusal(ctx, actor);
  // The same code; the supervisor's street as a parameter adds "(or a supervisor of street …)".
  return handler === null
    ? null
    : refusal(handler.code, { ...handler.params, supervisorStreet: ctx.location.streetCode });
}

import type { Actor } from './context';
import type { DisputeContext } from './context';
import type { Tier } from './domain';

/**
 * Who handles a case (DESIGN.md §4): at blue the grid workers of its grid; at yellow any
 * judicial officer of the street until one accepts, then that officer and the named lawyer;
 * at red any panel member of the street until the panel is convened, then its members.
 * After an agreement the handler of the tier that reached it stays in charge.
 */
export function isHandler(ctx: DisputeContext, actor: Actor): boolean {
  return handlerRefusal(ctx, actor) === null;
}

export function handlerRefusal(ctx: DisputeContext, actor: Actor): string | null {
  const tier: Tier = ctx.agreement?.tier ?? ctx.tier;
  const { gridCode, streetCode } = ctx.location;
  switch (tier) {
    case 'blue':
      return actor.role === 'grid_worker' && actor.gridCode === gridCode
        ? null
        : `only a grid worker of grid ${gridCode} handles this blue case`;
    case 'yellow':
      if (ctx.officerId === null) {
        return actor.role === 'judicial_officer' && actor.streetCode === streetCode
          ? null
          : `only a judicial officer of street ${streetCode} handles this yellow case until it is accepted`;
      }
      return actor.id === ctx.officerId || actor.id === ctx.lawyerId
        ? null
        : 'only the accepting judicial officer and the named lawyer handle this yellow case';
    case 'red':
      if (ctx.panel.length === 0) {
        return actor.role === 'panel_member' && actor.streetCode === streetCode
          ? null
          : `only a panel member of street ${streetCode} handles this red case until the panel is convened`;
      }
      return ctx.panel.some((m) => m.userId === actor.id)
        ? null
        : 'only the members of the convened panel handle this red case';
  }
}

export function isStreetSupervisor(ctx: DisputeContext, actor: Actor): boolean {
  return actor.role === 'supervisor' && actor.streetCode === ctx.location.streetCode;
}

/** Combines "handler" with the street's supervisors, the most common "who" of the event table. */
export function handlerOrSupervisorRefusal(ctx: DisputeContext, actor: Actor): string | null {
  if (isStreetSupervisor(ctx, actor)) return null;
  const refusal = handlerRefusal(ctx, actor);
  return refusal === null
    ? null
    : `${refusal} (or a supervisor of street ${ctx.location.streetCode})`;
}

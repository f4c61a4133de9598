import {
  handlerOrSupervisorRefusal,
  handlerRefusal,
  isHandler,
  isStreetSupervisor,
} from './access';
import { ACTORS, caseIn, GRID, HUMAN_ACTORS, OTHER_STREET } from './testing/fixtures';

// Mutation testing found these unguarded: isHandler had no spec of its own in the workflow (the
// dispute view relies on it to unmask numbers), and the blue rule's role check was never the
// only thing refusing someone.
describe('isHandler', () => {
  it('agrees with handlerRefusal for every actor, and is true for the handler only', () => {
    const c = caseIn('blue.mediating');
    for (const actor of HUMAN_ACTORS) {
      expect([actor.id, isHandler(c.context, actor)]).toEqual([
        actor.id,
        handlerRefusal(c.context, actor) === null,
      ]);
    }
    expect(HUMAN_ACTORS.filter((a) => isHandler(c.context, a)).map((a) => a.id)).toEqual([
      ACTORS.gridWorker.id,
    ]);
  });

  it('a blue case: a grid worker of its grid, not another role that carries the same grid', () => {
    const c = caseIn('blue.mediating');
    for (const role of ['community_police', 'supervisor', 'judicial_officer', 'lawyer'] as const) {
      const impostor = { ...ACTORS.gridWorker, id: `u-${role}`, role };
      expect([role, isHandler(c.context, impostor)]).toEqual([role, false]);
    }
    expect(isHandler(c.context, { ...ACTORS.gridWorker, gridCode: `${GRID}-X` })).toBe(false);
  });
});

describe('isStreetSupervisor and handlerOrSupervisorRefusal', () => {
  it('a supervisor of the street only', () => {
    const c = caseIn('blue.mediating');
    expect(isStreetSupervisor(c.context, ACTORS.supervisor)).toBe(true);
    expect(isStreetSupervisor(c.context, ACTORS.foreignSupervisor)).toBe(false);
    expect(isStreetSupervisor(c.context, { ...ACTORS.judicialOfficer })).toBe(false);
    expect(handlerOrSupervisorRefusal(c.context, ACTORS.supervisor)).toBeNull();
    expect(handlerOrSupervisorRefusal(c.context, ACTORS.gridWorker)).toBeNull();
    expect(handlerOrSupervisorRefusal(c.context, ACTORS.foreignSupervisor)?.message).toBe(
      `only a grid worker of grid ${GRID} handles this blue case (or a supervisor of street ${c.context.location.streetCode})`,
    );
    expect(OTHER_STREET).not.toBe(c.context.location.streetCode);
  });
});

describe('before acceptance or convening, only the case’s own street handles it', () => {
  it('a judicial officer of another street does not handle an unaccepted yellow case', () => {
    const ctx = caseIn('yellow.awaitingAcceptance').context;
    expect(handlerRefusal(ctx, ACTORS.judicialOfficer)).toBeNull();
    const elsewhere = { ...ACTORS.judicialOfficer, streetCode: OTHER_STREET };
    expect(handlerRefusal(ctx, elsewhere)?.code).toBe('HANDLER_YELLOW_UNACCEPTED');
  });

  it('a panel member of another street does not handle an unconvened red case', () => {
    const ctx = caseIn('red.convening').context;
    expect(handlerRefusal(ctx, ACTORS.courtMember)).toBeNull();
    expect(handlerRefusal(ctx, ACTORS.foreignCourtMember)?.code).toBe('HANDLER_RED_UNCONVENED');
  });
});

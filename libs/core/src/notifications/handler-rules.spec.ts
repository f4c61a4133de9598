import type { Actor } from '@tricolor/workflow';
import { ACTORS, Case, FULL_PANEL, HUMAN_ACTORS } from '../../../workflow/src/testing/fixtures';
import { assignedUserIds, handlersAmong, unique } from './handler-rules';

const handlers = (c: Case, candidates: readonly Actor[] = HUMAN_ACTORS): string[] =>
  handlersAmong(c.status, c.context, candidates).sort();
const ids = (...actors: Actor[]): string[] => actors.map((a) => a.id).sort();
const panelIds = FULL_PANEL.map((m) => m.userId).sort();

describe('handlersAmong', () => {
  it('puts the grid workers of the case grid in charge of a blue case', () => {
    expect(handlers(new Case('blue'))).toEqual(ids(ACTORS.gridWorker));
  });

  it('puts every judicial officer of the street in charge of a yellow case until one accepts', () => {
    expect(handlers(new Case('yellow'))).toEqual(
      ids(ACTORS.judicialOfficer, ACTORS.secondJudicialOfficer),
    );
  });

  it('puts the accepting officer and the named lawyer in charge once accepted', () => {
    const c = new Case('yellow');
    c.send('ACCEPT');
    expect(handlers(c)).toEqual(ids(ACTORS.judicialOfficer, ACTORS.lawyer));
  });

  it('puts every panel member of the street in charge of a red case until it is convened', () => {
    expect(handlers(new Case('red'))).toEqual(
      ids(
        ACTORS.policeMember,
        ACTORS.judicialMember,
        ACTORS.lawFirmMember,
        ACTORS.courtMember,
        ACTORS.spareCourtMember,
        ACTORS.sparePoliceMember,
      ),
    );
  });

  it('puts the convened panel in charge of red mediation', () => {
    const c = new Case('red');
    c.send('CONVENE_PANEL');
    expect(handlers(c)).toEqual(panelIds);
  });

  it('keeps the handler of the tier that reached the agreement through follow-up', () => {
    const c = new Case('yellow');
    c.send('ACCEPT');
    c.send('REACH_AGREEMENT');
    expect(c.status).toBe('agreed');
    expect(handlers(c)).toEqual(ids(ACTORS.judicialOfficer, ACTORS.lawyer));
    c.fire('follow_up');
    expect(c.status).toBe('followUp');
    expect(handlers(c)).toEqual(ids(ACTORS.judicialOfficer, ACTORS.lawyer));
  });

  it('keeps the handlers of a suspended case, who are the ones to resume it', () => {
    const c = new Case('blue');
    c.send('SUSPEND');
    expect(c.status).toBe('suspended');
    expect(handlers(c)).toEqual(ids(ACTORS.gridWorker));
  });

  it('names nobody for a closed case', () => {
    const c = new Case('blue');
    c.send('WITHDRAW');
    expect(handlers(c)).toEqual([]);
  });

  it('counts a candidate once however often it appears', () => {
    const c = new Case('blue');
    expect(handlersAmong(c.status, c.context, [ACTORS.gridWorker, ACTORS.gridWorker])).toEqual([
      ACTORS.gridWorker.id,
    ]);
  });
});

describe('assignedUserIds', () => {
  it('is empty before anyone is assigned', () => {
    expect(assignedUserIds(new Case('yellow').context)).toEqual([]);
  });

  it('names the accepting officer and the lawyer', () => {
    const c = new Case('yellow');
    c.send('ACCEPT');
    expect(assignedUserIds(c.context)).toEqual([ACTORS.judicialOfficer.id, ACTORS.lawyer.id]);
  });

  it('names the panel members', () => {
    const c = new Case('red');
    c.send('CONVENE_PANEL');
    expect([...assignedUserIds(c.context)].sort()).toEqual(panelIds);
  });
});

describe('unique', () => {
  it('keeps the first occurrence of each id, in order', () => {
    expect(unique(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
  });
});

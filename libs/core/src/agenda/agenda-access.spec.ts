import type { Actor, Role } from '@tricolor/workflow';
import { agendaRefusal } from './agenda-access';
import type { AgendaPlace } from './agenda-sources';

const S1: AgendaPlace = {
  code: 'S1',
  kind: 'street',
  streetCode: 'S1',
  communityCode: null,
  gridCode: null,
};
const C1: AgendaPlace = {
  code: 'C1',
  kind: 'community',
  streetCode: 'S1',
  communityCode: 'C1',
  gridCode: null,
};
const C2: AgendaPlace = { ...C1, code: 'C2', communityCode: 'C2' };

const actor = (
  role: Role,
  streetCode: string | null,
  communityCode: string | null = null,
): Actor => ({
  id: role,
  role,
  streetCode,
  communityCode,
  gridCode: null,
});

describe('agendaRefusal', () => {
  it.each<[string, Actor, AgendaPlace, boolean]>([
    ['admin, any unit', actor('admin', null), S1, true],
    ['supervisor of the street, the street', actor('supervisor', 'S1'), S1, true],
    ['supervisor of the street, a community of it', actor('supervisor', 'S1'), C1, true],
    ['supervisor of another street', actor('supervisor', 'S2'), S1, false],
    ['judicial officer of the street', actor('judicial_officer', 'S1'), C1, true],
    ['judicial officer of another street', actor('judicial_officer', 'S2'), C1, false],
    ['community police, own community', actor('community_police', 'S1', 'C1'), C1, true],
    ['community police, another community', actor('community_police', 'S1', 'C1'), C2, false],
    ['community police, the street', actor('community_police', 'S1', 'C1'), S1, false],
    ['grid worker', actor('grid_worker', 'S1', 'C1'), C1, false],
    ['lawyer', actor('lawyer', 'S1'), S1, false],
    ['panel member', actor('panel_member', 'S1'), S1, false],
  ])('%s: allowed %p', (_name, who, place, allowed) => {
    const refusal = agendaRefusal(who, place);
    expect(refusal === null).toBe(allowed);
    if (!allowed) expect(refusal).toMatch(/agenda/);
  });
});

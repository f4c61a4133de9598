import type { Actor } from '@tricolor/workflow';
import type { AgendaPlace } from './agenda-sources';

/**
 * Who may read a unit's joint-meeting agenda, or why not. The meeting belongs to the street:
 * its supervisors and judicial officers read the street's and its communities' agendas, a
 * community's police read their community's, and the admin reads all. An agenda lists every
 * case of its unit, so this never lets anyone see more than their jurisdiction already does.
 */
export function agendaRefusal(actor: Actor, place: AgendaPlace): string | null {
  switch (actor.role) {
    case 'admin':
    case 'system':
      return null;
    case 'supervisor':
    case 'judicial_officer':
      return place.streetCode === actor.streetCode
        ? null
        : `a ${actor.role} of street ${actor.streetCode ?? '?'} may only read the agendas of that street and its communities`;
    case 'community_police':
    case 'auxiliary_police':
      return place.kind === 'community' && place.code === actor.communityCode
        ? null
        : `community police of ${actor.communityCode ?? '?'} may only read that community's agenda`;
    case 'grid_worker':
    case 'lawyer':
    case 'panel_member':
    case 'volunteer':
      return `a ${actor.role} may not read joint-meeting agendas`;
  }
}

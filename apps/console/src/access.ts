/** Which pages each role gets: the one place the console decides it (the API still decides). */
export interface Access {
  queue: boolean;
  open: boolean;
  dashboard: boolean;
  admin: boolean;
  /** 督办与报表 (apps/console/src/pages/office): what each of its tabs shows to the role. */
  office: { supervision: boolean; report: boolean; agenda: boolean; calendar: boolean };
  /** The community police room (issue 15): file 社情, work the queue, the team, the map. */
  police: { file: boolean; queue: boolean; team: boolean; map: boolean };
}

export function accessFor(role: string): Access {
  return {
    // Volunteers see no case at all: their first page is the report form.
    queue: role !== 'admin' && role !== 'volunteer',
    open: role === 'grid_worker',
    dashboard: role === 'supervisor' || role === 'admin' || role === 'judicial_officer',
    admin: role === 'admin' || role === 'supervisor',
    office: {
      supervision: role === 'supervisor' || role === 'admin',
      report: role === 'supervisor' || role === 'judicial_officer',
      // The API's agendaRefusal: the street's office and the community's police read agendas.
      agenda: ['supervisor', 'judicial_officer', 'community_police', 'auxiliary_police'].includes(
        role,
      ),
      calendar: role === 'supervisor' || role === 'admin',
    },
    police: {
      file: role === 'grid_worker' || role === 'volunteer',
      queue: ['community_police', 'auxiliary_police', 'supervisor'].includes(role),
      team: !['judicial_officer', 'lawyer', 'panel_member'].includes(role),
      map: [
        'community_police',
        'auxiliary_police',
        'supervisor',
        'judicial_officer',
        'admin',
      ].includes(role),
    },
  };
}

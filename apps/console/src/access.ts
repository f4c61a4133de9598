/** Which pages each role gets: the one place the console decides it (the API still decides). */
export interface Access {
  queue: boolean;
  open: boolean;
  dashboard: boolean;
  admin: boolean;
}

export function accessFor(role: string): Access {
  return {
    queue: role !== 'admin',
    open: role === 'grid_worker',
    dashboard: role === 'supervisor' || role === 'admin' || role === 'judicial_officer',
    admin: role === 'admin' || role === 'supervisor',
  };
}

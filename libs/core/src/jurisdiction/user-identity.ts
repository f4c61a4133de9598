import type { Institution, Role } from '@tricolor/workflow';

/** Who is acting, as authentication established it. */
export interface UserIdentity {
  id: string;
  role: Role;
  unitCode: string;
  institution?: Institution;
}

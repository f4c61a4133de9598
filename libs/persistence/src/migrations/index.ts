import { InitialSchema1767225600000 } from './1767225600000-initial-schema';
import { DisputeAssignments1767312000000 } from './1767312000000-dispute-assignments';
import { DisputeListIndexes1767484800000 } from './1767484800000-dispute-list-indexes';

/** Every migration, oldest first. Append new ones; never edit one that has shipped. */
export const ALL_MIGRATIONS = [
  InitialSchema1767225600000,
  DisputeAssignments1767312000000,
  DisputeListIndexes1767484800000,
];

import { InitialSchema1767225600000 } from './1767225600000-initial-schema';
import { DisputeAssignments1767312000000 } from './1767312000000-dispute-assignments';
import { DisputeTierClock1767398400000 } from './1767398400000-dispute-tier-clock';
import { DisputeListIndexes1767484800000 } from './1767484800000-dispute-list-indexes';
import { SealedAuditTrail1767571200000 } from './1767571200000-sealed-audit-trail';
import { AccountRevocation1767571300000 } from './1767571300000-account-revocation';
import { PersonalDataReads1767571400000 } from './1767571400000-personal-data-reads';
import { CalendarAndSupervision1767744000000 } from './1767744000000-calendar-and-supervision';
import { Attachments1767830400000 } from './1767830400000-attachments';
import { CommunityPoliceRoom1767916800000 } from './1767916800000-community-police-room';
import { DisputeHotPath1768000000000 } from './1768000000000-dispute-hot-path';
import { MediationTypeAndPrivacy1768100000000 } from './1768100000000-mediation-type-and-privacy';
import { CalendarRetimeState1768200000000 } from './1768200000000-calendar-retime-state';
import { StatsRollup1768400000000 } from './1768400000000-stats-rollup';
import { StatsGroupStatistics1768550000000 } from './1768550000000-stats-group-statistics';

/** Every migration, oldest first. Append new ones; never edit one that has shipped. */
export const ALL_MIGRATIONS = [
  InitialSchema1767225600000,
  DisputeAssignments1767312000000,
  DisputeTierClock1767398400000,
  DisputeListIndexes1767484800000,
  SealedAuditTrail1767571200000,
  AccountRevocation1767571300000,
  PersonalDataReads1767571400000,
  CalendarAndSupervision1767744000000,
  Attachments1767830400000,
  CommunityPoliceRoom1767916800000,
  DisputeHotPath1768000000000,
  MediationTypeAndPrivacy1768100000000,
  CalendarRetimeState1768200000000,
  StatsRollup1768400000000,
  StatsGroupStatistics1768550000000,
];

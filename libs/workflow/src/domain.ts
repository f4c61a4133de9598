/** The vocabulary of DESIGN.md §2–§4. Every string here is contractual. */

export const TIERS = ['blue', 'yellow', 'red'] as const;
export type Tier = (typeof TIERS)[number];

export const UNIT_KINDS = ['street', 'community', 'grid'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ROLES = [
  'grid_worker',
  'community_police',
  'judicial_officer',
  'lawyer',
  'panel_member',
  'supervisor',
  'admin',
  // The community police room's team (issue 15): they see their community's 社情 reports; a
  // volunteer files reports but sees no personal data and no cases.
  'auxiliary_police',
  'volunteer',
] as const;
export type Role = (typeof ROLES)[number];

export const INSTITUTIONS = ['police_station', 'judicial_office', 'law_firm', 'court'] as const;
export type Institution = (typeof INSTITUTIONS)[number];

export const OUTCOMES = [
  'resolved',
  'withdrawn',
  'refused',
  'referred_to_litigation',
  'transferred',
  'agreement_not_performed',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The `status` of a case: the statechart's active state, dotted for nested states. */
export const STATUSES = [
  'blue.mediating',
  'yellow.awaitingAcceptance',
  'yellow.jointReview',
  'red.convening',
  'red.panelMediation',
  'agreed',
  'agreed.judicialConfirmation',
  'followUp',
  'suspended',
  'closed',
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses a case can be suspended from and resumed to. */
export type OpenStatus = Exclude<Status, 'suspended' | 'closed'>;

export const PARTY_ROLES = ['applicant', 'respondent'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const PERFORMANCE = ['full', 'partial', 'none'] as const;
export type Performance = (typeof PERFORMANCE)[number];

/** The system's own actor, used for timer events. */
export const SYSTEM_ACTOR_ID = 'system';

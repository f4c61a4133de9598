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
  // People's Mediation Law: screened out at intake (2002 rules Arts. 22, 24) and a route the
  // parties chose instead of mediation at any tier (PML Art. 3(3), Art. 26).
  'not_accepted',
  'other_route',
  // The parties settled the dispute by themselves (自行和解) while it was being mediated: not an
  // agreement of the committee, and not a party ending mediation — the statistics count it apart.
  'settled_by_parties',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes that end a case without an agreement in effect: each records the Art. 26 notice. */
export const OUTCOMES_WITHOUT_AGREEMENT: readonly Outcome[] = [
  'withdrawn',
  'refused',
  'referred_to_litigation',
  'transferred',
  'not_accepted',
  'other_route',
];

/**
 * Why mediation ended with WITHDRAW (PML Art. 23): a party ended it (the contract's `withdrawn`),
 * or the parties settled by themselves (`settled_by_parties`).
 */
export const WITHDRAWAL_GROUNDS = ['party_ended', 'settled_by_parties'] as const;
export type WithdrawalGround = (typeof WITHDRAWAL_GROUNDS)[number];

/**
 * Which mediation a case is (人民调解 / 治安调解 / 诉前·法院调解), so the justice bureau, the police
 * and the court each count only their own and never one case three times.
 */
export const MEDIATION_TYPES = ['people', 'police', 'court'] as const;
export type MediationType = (typeof MEDIATION_TYPES)[number];

/**
 * A party's capacity (民法典 Arts. 19–24): a minor or a person without full capacity acts through
 * their guardian (监护人), who is their legal representative.
 */
export const PARTY_CAPACITIES = ['full', 'minor', 'incapacitated'] as const;
export type PartyCapacity = (typeof PARTY_CAPACITIES)[number];

/** Who acts for a party: a guardian (wards only) or an agent the party appointed (委托代理人). */
export const REPRESENTATIVE_KINDS = ['guardian', 'agent'] as const;
export type RepresentativeKind = (typeof REPRESENTATIVE_KINDS)[number];

/** Where a case came from (PML Art. 18), so it can be reported back to whoever sent it. */
export const CASE_SOURCES = [
  'grid_worker',
  'party_application',
  'hotline_110',
  'hotline_12345',
  'police_referral',
  'court_referral',
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/**
 * How a party came to mediation (PML Art. 17): they applied, they consented when asked, or —
 * for mediation the committee starts itself — they did not object.
 */
export const CONSENT_FORMS = ['application', 'consent', 'no_objection'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/** How a notice was given (2002 rules Art. 30: orally or in writing). */
export const NOTICE_FORMS = ['oral', 'written'] as const;
export type NoticeForm = (typeof NOTICE_FORMS)[number];

/** The routes besides mediation the parties are told of (PML Art. 26) and may choose (Art. 3). */
export const OTHER_ROUTES = ['arbitration', 'administrative', 'litigation'] as const;
export type OtherRoute = (typeof OTHER_ROUTES)[number];

/** Why a dispute is not accepted for people's mediation (2002 rules Arts. 22, 24). */
export const SCREENING_GROUNDS = [
  'before_court',
  'before_police',
  'before_administrative_organ',
  'reserved_to_special_body',
  'criminal',
] as const;
export type ScreeningGround = (typeof SCREENING_GROUNDS)[number];

/** What a report to the police is about (PML Art. 25; 2002 rules Art. 32). */
export const POLICE_RISKS = ['violence', 'self_harm', 'threats', 'criminal'] as const;
export type PoliceRisk = (typeof POLICE_RISKS)[number];

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

/**
 * Triage indicators that make a report to the police required before mediation may end
 * (PML Art. 25; 2002 rules Art. 32): violence, self-harm and threats.
 */
export const POLICE_REPORT_INDICATORS: readonly string[] = [
  'threat_of_violence',
  'threat_of_self_harm',
  'threat_of_revenge',
  'weapons_or_poison',
  'domestic_violence',
  'criminal_risk',
];

/** PML Art. 28: an agreement is written, or — where the parties think it unnecessary — oral. */
export const AGREEMENT_FORMS = ['written', 'oral'] as const;
export type AgreementForm = (typeof AGREEMENT_FORMS)[number];

/** The court's four answers to an application for judicial confirmation (法释〔2011〕5号). */
export const CONFIRMATION_RESULTS = ['not_accepted', 'withdrawn', 'confirmed', 'rejected'] as const;
export type ConfirmationResult = (typeof CONFIRMATION_RESULTS)[number];

/** After a follow-up that found the agreement not performed (PML Art. 32). */
export const NON_PERFORMANCE_PATHS = ['urge', 'sue'] as const;
export type NonPerformancePath = (typeof NON_PERFORMANCE_PATHS)[number];

/**
 * Categories of personal status (marriage, adoption, …): a court does not confirm agreements
 * about them (法释〔2011〕5号 Art. 4), so the request is refused before it is sent.
 */
export const PERSONAL_STATUS_CATEGORIES: readonly string[] = [
  'marriage',
  'divorce',
  'adoption',
  'parentage',
  'guardianship',
  'personal_status',
];

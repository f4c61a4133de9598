import type {
  AgreementForm,
  CaseSource,
  ConfirmationResult,
  ConsentForm,
  Institution,
  NoticeForm,
  OpenStatus,
  OtherRoute,
  Outcome,
  PartyCapacity,
  PartyRole,
  PoliceRisk,
  RepresentativeKind,
  Role,
  ScreeningGround,
  Tier,
} from './domain';
import type { TimerEntry, PausedTimer, WorkflowPolicy } from './timers';
import type { BusinessCalendar } from './calendar/types';

/** Who sends an event, with the jurisdiction the server resolved from their unit. */
export interface Actor {
  id: string;
  role: Role | 'system';
  institution?: Institution | null;
  gridCode?: string | null;
  communityCode?: string | null;
  streetCode?: string | null;
}

/** A user referenced by an event payload (officer, lawyer, panel member), resolved by the server. */
export interface UserRef {
  id: string;
  role: Role;
  institution?: Institution | null;
  streetCode?: string | null;
}

export interface CaseLocation {
  gridCode: string;
  communityCode: string;
  streetCode: string;
}

/** The workflow only needs a party's identity; contact details stay in the case record. */
export interface PartyRef {
  id: string;
  name: string;
  role: PartyRole;
  /** Absent on parties of machine versions 1–2: full capacity. */
  capacity?: PartyCapacity;
  /** The guardian or agent who acts and signs for the party (machine version 3). */
  representative?: RepresentativeRef | null;
}

/**
 * A guardian (监护人) of a minor or incapacitated party, or an agent (代理人) a party appointed.
 * The id is the party's with a suffix (`p2-g`), so a signature list can name them.
 */
export interface RepresentativeRef {
  id: string;
  name: string;
  kind: RepresentativeKind;
}

/** Who signed for a party: the party, or their guardian or agent. */
export interface Signature {
  partyId: string;
  signedBy: string;
  as: 'party' | RepresentativeKind;
}

export interface PanelMember {
  userId: string;
  institution: Institution;
}

export interface AgreementRecord {
  tier: Tier;
  terms: string;
  performanceDueAt: string | null;
  signedByPartyIds: string[];
  /** Machine version 3: each party's signature, by the party or their guardian or agent. */
  signatures?: Signature[];
  reachedAt: string;
  reachedBy: string;
  /** People's Mediation Law Art. 33: the parties may apply for judicial confirmation within 30 days. */
  confirmationWindowEndsAt: string;
  confirmation: 'pending' | 'confirmed' | 'refused' | null;
  // Machine version 2 (PML Arts. 28–33); absent (undefined) on agreements of version 1.
  /** PML Art. 28: written or oral. */
  form?: AgreementForm;
  /** PML Arts. 7, 29, 33: the people's mediation committee that made it; null if none did. */
  organisation?: string | null;
  /** PML Arts. 19, 29: the mediators who signed (written) or recorded (oral) it. */
  mediatorIds?: string[];
  /** Art. 29 content beside the terms: the facts and the issues. */
  facts?: string | null;
  issues?: string | null;
  /** Written: when the committee's seal was applied (Art. 29); null for oral agreements. */
  sealedAt?: string | null;
  /** PML Arts. 29–30: it binds from here. */
  effectiveAt?: string;
  /** The joint application (PML Art. 33; CPL Art. 205). */
  request?: { court: string | null; applicantPartyIds: string[]; at: string; by: string } | null;
  /** The court's answer (CPL Art. 206). */
  result?: {
    result: ConfirmationResult;
    court: string | null;
    rulingNumber: string | null;
    note: string | null;
    at: string;
  } | null;
  /** PML Art. 31: once in effect it binds; a withdrawal or refusal after that is non-performance. */
  nonPerformance?: { partyId: string | null; note: string; at: string; recordedBy: string }[];
  /** PML Art. 32 / 2002 rules: urging performance (督促履行). */
  urgedAt?: string[];
}

export interface EscalationRecord {
  from: Tier;
  to: Tier;
  reason: string;
  at: string;
  automatic: boolean;
}

export interface RefusalRecord {
  partyId: string;
  note: string;
  /** Art. 26: the routes the parties were told of (the full record is `routesNotice`). */
  routesExplained: readonly string[];
}

/** A party's consent to mediation by the body now handling the case (PML Arts. 3, 17). */
export interface ConsentRecord {
  partyId: string;
  form: ConsentForm;
  /** The body (tier) that received it: a case moved to another body needs it again. */
  tier: Tier;
  recordedBy: string;
  at: string;
}

/** The parties were told their rights and obligations (2002 rules Art. 30). */
export interface RightsNotice {
  tier: Tier;
  givenBy: string;
  how: NoticeForm;
  at: string;
}

/**
 * PML Art. 26 (and Art. 32 after non-performance): a mediation that ends without an agreement
 * tells the parties they may go to arbitration, administrative channels or court — recorded with
 * who told them and how, not assumed.
 */
export interface RoutesNotice {
  givenBy: string;
  how: NoticeForm;
  at: string;
  routes: readonly OtherRoute[];
  /** The body named to the parties (a transfer's agency, a screening's referral), if any. */
  referredTo: string | null;
}

/** PML Arts. 19, 23: a mediator replaced at a party's request, or recused. */
export interface RecusalRecord {
  tier: Tier;
  replacedUserId: string;
  replacementUserId: string;
  requestedByPartyId: string | null;
  reason: string;
  at: string;
  recordedBy: string;
}

/** Intake screening that did not accept the dispute (2002 rules Arts. 22, 24). */
export interface ScreeningRecord {
  ground: ScreeningGround;
  /** The body the parties were told to go to. */
  referredTo: string;
  note: string | null;
}

/** A report to the police station (PML Art. 25; 2002 rules Art. 32); the case stays open. */
export interface PoliceReport {
  risk: PoliceRisk;
  reason: string;
  station: string | null;
  reportedBy: string;
  at: string;
  tier: Tier;
}

export interface DisputeContext {
  location: CaseLocation;
  parties: PartyRef[];
  tier: Tier;
  highestTier: Tier;
  officerId: string | null;
  lawyerId: string | null;
  panel: PanelMember[];
  agreement: AgreementRecord | null;
  overdue: boolean;
  suspendedFrom: OpenStatus | null;
  outcome: Outcome | null;
  closingReason: string | null;
  lastEscalation: EscalationRecord | null;
  refusal: RefusalRecord | null;
  /** Machine version 2 (the People's Mediation Law review): see docs/law.md. */
  source: CaseSource | null;
  consents: ConsentRecord[];
  rightsNotices: RightsNotice[];
  routesNotice: RoutesNotice | null;
  otherRoute: OtherRoute | null;
  screening: ScreeningRecord | null;
  /** Triage marked violence, self-harm or threats: a police report is due (Art. 25). */
  policeReportRequired: boolean;
  policeReports: PoliceReport[];
  /** A marriage, adoption or other personal-status matter: never judicially confirmed. */
  personalStatus: boolean;
  recusals: RecusalRecord[];
  /** Agreements superseded after non-performance: kept on record, not erased (PML Art. 31). */
  priorAgreements: AgreementRecord[];
  timers: TimerEntry[];
  pausedTimers: PausedTimer[];
  timerSeq: number;
  policy: WorkflowPolicy;
}

/** What opening a case feeds the machine. */
export interface DisputeInput {
  location: CaseLocation;
  parties: PartyRef[];
  tier: Tier;
  openedAt: string;
  policy: WorkflowPolicy;
  /** The business calendar for working-time deadlines; not kept in the context. */
  calendar?: BusinessCalendar;
  /** Who opened the case (records the intake consent and rights notice); defaults to `system`. */
  openedBy?: string;
  source?: CaseSource;
  /** Each party's consent at intake; omitted parties are recorded as not objecting (Art. 17). */
  consents?: { partyId: string; form: ConsentForm }[];
  /** How the opener told the parties their rights (2002 rules Art. 30); default oral. */
  rightsNoticeHow?: NoticeForm;
  /** Triage marked a risk the police must hear of (Art. 25). */
  policeReportRequired?: boolean;
  /** The category is a personal-status matter (marriage, adoption, …). */
  personalStatus?: boolean;
  /** Set when intake screening does not accept the dispute: the case opens closed. */
  notAccepted?: ScreeningRecord & { noticeHow?: NoticeForm };
}

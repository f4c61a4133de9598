import type {
  AgreementForm,
  ConfirmationResult,
  ConsentForm,
  NonPerformancePath,
  Institution,
  NoticeForm,
  OtherRoute,
  Performance,
  PoliceRisk,
  WithdrawalGround,
} from './domain';
import type { Actor, UserRef } from './context';
import type { BusinessCalendar } from './calendar/types';

/**
 * The receiving body records the parties' consent and tells them their rights when it takes the
 * case (PML Arts. 17, 23; 2002 rules Art. 30). Parties not listed as consenting are recorded as
 * not objecting; a party who objects is recorded with RECORD_REFUSAL instead.
 */
interface Reception {
  consentingPartyIds?: string[];
  rightsNoticeHow?: NoticeForm;
}

/** The Art. 26 notice given at a closure without agreement: how it was given (default oral). */
interface Closing {
  noticeHow?: NoticeForm;
}

/** Payloads as sent by users (DESIGN.md §3, event table). */
export type DomainEvent =
  | ({ type: 'ACCEPT'; officerId: string; lawyerId: string } & Reception)
  | ({
      type: 'CONVENE_PANEL';
      members: { userId: string; institution: Institution }[];
    } & Reception)
  | {
      type: 'REACH_AGREEMENT';
      terms: string;
      performanceDueAt?: string | null;
      signedByPartyIds: string[];
      /** PML Art. 28: default written. */
      form?: AgreementForm;
      /** PML Art. 29: the committee whose seal it carries; default the case's committee. */
      organisation?: string;
      /** The mediators who sign (written) or record (oral) it; default the sender. */
      mediatorIds?: string[];
      facts?: string;
      issues?: string;
      /** A written agreement takes effect only with the committee's seal: false is refused. */
      sealed?: boolean;
    }
  | { type: 'ESCALATE'; reason: string }
  | { type: 'DOWNGRADE'; reason: string }
  | { type: 'EMERGENCY_ESCALATE'; reason: string }
  | ({ type: 'REFER_TO_LITIGATION'; reason: string } & Closing)
  | ({
      type: 'WITHDRAW';
      reason: string;
      /** PML Art. 23: default `party_ended` (outcome `withdrawn`). */
      ground?: WithdrawalGround;
    } & Closing)
  | ({ type: 'TRANSFER'; agency: string; reason: string } & Closing)
  | ({ type: 'RECORD_REFUSAL'; partyId: string; note: string } & Closing)
  | { type: 'RECORD_CONSENT'; partyIds: string[]; form: ConsentForm; rightsNoticeHow?: NoticeForm }
  | ({ type: 'CHOOSE_OTHER_ROUTE'; route: OtherRoute; reason: string } & Closing)
  | { type: 'REPORT_TO_POLICE'; risk: PoliceRisk; reason: string; station?: string | null }
  | {
      type: 'REPLACE_MEDIATOR';
      replacedUserId: string;
      replacementUserId: string;
      reason: string;
      requestedByPartyId?: string;
    }
  | {
      type: 'EXTEND_DEADLINE';
      /** The new deadline; or, instead, */
      until?: string;
      /** working time to add to the current deadline (`3WD`, `4WH`), counted on the calendar. */
      by?: string;
      reason: string;
      consentingPartyIds: string[];
    }
  | { type: 'SUSPEND'; reason: string }
  | { type: 'RESUME' }
  | { type: 'REQUEST_JUDICIAL_CONFIRMATION'; court?: string; applicantPartyIds?: string[] }
  | {
      type: 'RECORD_CONFIRMATION';
      /** The contract's boolean; `result` says which of the court's four answers it was. */
      confirmed?: boolean;
      result?: ConfirmationResult;
      court?: string;
      rulingNumber?: string;
      note?: string;
    }
  | { type: 'RECORD_FOLLOW_UP'; performed: Performance; note?: string; next?: NonPerformancePath }
  | { type: 'DEADLINE_EXPIRED'; timerId: string }
  | { type: 'FOLLOW_UP_DUE'; timerId: string };

export type EventType = DomainEvent['type'];

export const EVENT_TYPES = [
  'ACCEPT',
  'CONVENE_PANEL',
  'REACH_AGREEMENT',
  'ESCALATE',
  'DOWNGRADE',
  'EMERGENCY_ESCALATE',
  'REFER_TO_LITIGATION',
  'WITHDRAW',
  'TRANSFER',
  'RECORD_REFUSAL',
  'EXTEND_DEADLINE',
  'SUSPEND',
  'RESUME',
  'REQUEST_JUDICIAL_CONFIRMATION',
  'RECORD_CONFIRMATION',
  'RECORD_FOLLOW_UP',
  'RECORD_CONSENT',
  'CHOOSE_OTHER_ROUTE',
  'REPORT_TO_POLICE',
  'REPLACE_MEDIATOR',
  'DEADLINE_EXPIRED',
  'FOLLOW_UP_DUE',
] as const satisfies readonly EventType[];

/** Events only the system's timers send. */
export const SYSTEM_EVENTS: readonly EventType[] = ['DEADLINE_EXPIRED', 'FOLLOW_UP_DUE'];

/**
 * What the machine receives: the payload plus who sent it, when (the server's clock),
 * and the users the payload names, resolved from the database.
 */
export interface Envelope {
  actor: Actor;
  at: string;
  refs?: Record<string, UserRef>;
  /** The business calendar working-time deadlines are counted on, handed in like the clock. */
  calendar?: BusinessCalendar;
}

export type WorkflowEvent = DomainEvent & Envelope;
export type WorkflowEventOf<T extends EventType> = Extract<DomainEvent, { type: T }> & Envelope;

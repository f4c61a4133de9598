import type {
  CaseSource,
  ConsentForm,
  MediationType,
  NoticeForm,
  PartyCapacity,
  RepresentativeKind,
  PartyRole,
  ScreeningGround,
  Status,
  Tier,
} from '@tricolor/workflow';

/** What opening a dispute takes (DESIGN.md §6); the HTTP DTO validates this shape. */
export interface OpenDisputeCommand {
  title: string;
  description: string;
  category: string;
  gridCode: string;
  parties: {
    name: string;
    role: PartyRole;
    phone?: string;
    idNumber?: string;
    /** PML Art. 17: how this party came to mediation; default no objection (application for the applicant of a party's application). */
    consent?: ConsentForm;
    /** 民法典 Arts. 19–24: default full; a minor or incapacitated party needs a guardian. */
    capacity?: PartyCapacity;
    /** PML Art. 23: the guardian (wards only) or agent who acts and signs for the party. */
    representative?: { name: string; kind: RepresentativeKind; relation?: string };
  }[];
  /** 人民调解 / 治安调解 / 诉前·法院调解; default people's mediation. */
  mediationType?: MediationType;
  /** PML Art. 23: mediated not in public at a party's request; default false (public). */
  private?: boolean;
  amount?: number;
  riskIndicators: string[];
  requestedTier?: Tier;
  tierReason?: string;
  linkedCaseId?: string;
  /** Where the case is (WGS 84 degrees), from the phone or picked on the map. */
  location?: { lon: number; lat: number };
  /** The 社情 report it is opened from; set only by converting the report, never from a body. */
  reportId?: string;
  /** PML Art. 18: where the case came from; default grid_worker. */
  source?: CaseSource;
  /** 2002 rules Art. 30: how the opener told the parties their rights; default oral. */
  rightsNoticeHow?: NoticeForm;
  /** 2002 rules Arts. 22, 24: intake screening did not accept the dispute. */
  notAccepted?: {
    ground: ScreeningGround;
    referredTo: string;
    note?: string;
    noticeHow?: NoticeForm;
  };
}

export interface ListDisputesFilter {
  tier?: Tier;
  status?: Status;
  unit?: string;
  overdue?: boolean;
  text?: string;
  page?: number;
  pageSize?: number;
  /** A `nextCursor` from an earlier page of the same list: the items after it (keyset paging). */
  after?: string;
}

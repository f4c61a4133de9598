import type { CaseFacts } from './case-facts';
import type { DocBlock } from './doc-model';
import { agreementBlocks } from './mappers/agreement';
import { applicationBlocks } from './mappers/application';
import { closingReportBlocks } from './mappers/closing-report';
import { confirmationApplicationBlocks } from './mappers/confirmation-application';
import { followUpBlocks } from './mappers/follow-up';
import { oralAgreementBlocks } from './mappers/oral-agreement';

export const DOCUMENT_KINDS = [
  'application',
  'agreement',
  'oral_agreement',
  'follow_up',
  'closing_report',
  'confirmation_application',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentTemplate {
  title: string;
  /** Raised whenever the template's wording or layout changes; printed on every copy. */
  version: number;
  /** Whether the case's state makes the document available. */
  available(facts: CaseFacts): boolean;
  blocks(facts: CaseFacts): DocBlock[];
}

const written = (f: CaseFacts) => f.agreement !== null && f.agreement.form === 'written';

/** One entry per document: what it is called, when it exists, and its mapper. */
export const DOCUMENT_TEMPLATES: Record<DocumentKind, DocumentTemplate> = {
  application: {
    title: '人民调解申请书（受理登记表）',
    version: 1,
    available: () => true,
    blocks: applicationBlocks,
  },
  agreement: {
    title: '人民调解协议书',
    version: 1,
    available: written,
    blocks: agreementBlocks,
  },
  oral_agreement: {
    title: '口头调解协议登记表',
    version: 1,
    available: (f) => f.agreement?.form === 'oral',
    blocks: oralAgreementBlocks,
  },
  follow_up: {
    title: '人民调解回访记录',
    version: 1,
    available: (f) => f.followUps.length > 0,
    blocks: followUpBlocks,
  },
  closing_report: {
    title: '人民调解结案报告',
    version: 1,
    available: (f) => f.view.status === 'closed',
    blocks: closingReportBlocks,
  },
  confirmation_application: {
    title: '司法确认申请书',
    version: 1,
    available: written,
    blocks: confirmationApplicationBlocks,
  },
};

export const templateVersionOf = (kind: DocumentKind): string =>
  `${kind}@${DOCUMENT_TEMPLATES[kind].version}`;

export { CasefileCoreModule } from './casefile.module';
export { AttachmentStore, DirectoryAttachmentStore } from './attachment-store';
export { S3AttachmentStore, type S3StoreOptions } from './s3-attachment-store';
export {
  AttachmentsService,
  ATTACHMENT_ADDED,
  ATTACHMENT_WITHDRAWN,
  type AttachmentView,
  type AttachmentFile,
  type AddAttachmentCommand,
} from './attachments.service';
export {
  sniffMediaType,
  ATTACHMENT_MEDIA_TYPES,
  type AttachmentMediaType,
} from './sniff-media-type';
export {
  DocumentsService,
  DOCUMENT_FORMATS,
  MEDIA_TYPES as DOCUMENT_MEDIA_TYPES,
  type DocumentFormat,
  type DocumentListing,
  type RenderedDocument,
} from './documents/documents.service';
export {
  DOCUMENT_KINDS,
  DOCUMENT_TEMPLATES,
  templateVersionOf,
  type DocumentKind,
} from './documents/document-kinds';
export {
  BundleService,
  BUNDLE_FORMAT,
  type Bundle,
  type BundleManifest,
  type ManifestFile,
} from './bundle/bundle.service';
export { BundleSigner, type SigningKeyInfo } from './bundle/bundle-signer';
export { writeZip, crc32, type ZipEntry } from './bundle/zip-writer';
export { MonthlyReportService } from './reports/monthly-report.service';
export {
  aggregateMonthly,
  monthWindow,
  MONTHLY_REPORT_EVENT_TYPES,
  type Breakdown,
  type MonthlyReport,
  type ReportAgreement,
  type ReportCase,
  type ReportEvent,
  type SupervisionFigures,
  type TierShares,
} from './reports/monthly-report';
export { reportCsv, reportXlsx, reportRows } from './reports/report-files';

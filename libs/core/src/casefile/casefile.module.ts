import path from 'node:path';
import { Module } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import { DisputesCoreModule } from '../disputes/disputes-core.module';
import { AttachmentStore, DirectoryAttachmentStore } from './attachment-store';
import { AttachmentsService } from './attachments.service';
import { S3AttachmentStore } from './s3-attachment-store';
import { DocumentsService } from './documents/documents.service';
import { BundleService } from './bundle/bundle.service';
import { BundleSigner } from './bundle/bundle-signer';
import { MonthlyReportService } from './reports/monthly-report.service';

/** The case file (卷宗): attachments, generated documents, the verifiable bundle, reports. */
@Module({
  imports: [DisputesCoreModule],
  providers: [
    {
      provide: AttachmentStore,
      inject: [AppConfig],
      useFactory: (config: AppConfig): AttachmentStore =>
        config.attachmentS3
          ? new S3AttachmentStore(config.attachmentS3)
          : new DirectoryAttachmentStore(path.resolve(config.dataDir, 'attachments')),
    },
    AttachmentsService,
    DocumentsService,
    {
      provide: BundleSigner,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new BundleSigner(config.jwtSecret),
    },
    BundleService,
    MonthlyReportService,
  ],
  exports: [
    AttachmentsService,
    AttachmentStore,
    DocumentsService,
    BundleService,
    BundleSigner,
    MonthlyReportService,
    DisputesCoreModule,
  ],
})
export class CasefileCoreModule {}

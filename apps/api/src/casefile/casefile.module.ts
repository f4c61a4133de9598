import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '@tricolor/config';
import { CasefileCoreModule } from '@tricolor/core';
import { AttachmentsController } from './attachments.controller';
import { BundleController } from './bundle.controller';
import { DocumentsController } from './documents.controller';
import { ReportsController } from './reports.controller';

/** The case file over HTTP: attachments, documents, the bundle and the monthly report. */
@Module({
  imports: [
    CasefileCoreModule,
    // Memory storage (no `dest`): an upload over the cap is refused with 413 before a byte is
    // written anywhere; one file per request.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 10, parts: 11 },
      }),
    }),
  ],
  controllers: [AttachmentsController, DocumentsController, BundleController, ReportsController],
})
export class CasefileModule {}

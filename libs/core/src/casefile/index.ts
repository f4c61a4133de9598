export { CasefileCoreModule } from './casefile.module';
export { AttachmentStore, DirectoryAttachmentStore } from './attachment-store';
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

import type { NotificationEntity } from '@tricolor/persistence';
import type { NotificationKind } from './notification-kind';

/** An inbox entry as its owner sees it. */
export interface NotificationView {
  id: string;
  disputeId: string | null;
  kind: NotificationKind;
  message: string;
  createdAt: Date;
  readAt: Date | null;
}

export function toNotificationView(row: NotificationEntity): NotificationView {
  return {
    id: row.id,
    disputeId: row.disputeId,
    // Only the Notifier writes rows, and only with a NotificationKind.
    kind: row.kind as NotificationKind,
    message: row.message,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

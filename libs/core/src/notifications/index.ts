export { NOTIFICATION_KINDS, type NotificationKind } from './notification-kind';
export { assignedUserIds, handlersAmong } from './handler-rules';
export { handlersOf, judicialOfficersOf, supervisorsOf } from './recipients';
export { Notifier, type NotificationInput } from './notifier.service';
export { InboxService, type InboxPage, type InboxQuery } from './inbox.service';
export { toNotificationView, type NotificationView } from './notification-view';
export { NotificationsCoreModule } from './notifications.module';

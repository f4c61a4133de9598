/** What an inbox entry is about (DESIGN.md §5/§6). */
export const NOTIFICATION_KINDS = [
  'reminder',
  'overdue',
  'escalation',
  'confirmation_window',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

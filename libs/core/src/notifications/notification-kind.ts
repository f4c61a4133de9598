/** What an inbox entry is about (DESIGN.md §5/§6). */
export const NOTIFICATION_KINDS = [
  'reminder',
  'overdue',
  'escalation',
  'confirmation_window',
  // A 社情 report nobody looked at by the next working day's end (community police room).
  'report_overdue',
  // A supervisor pressed on a case (督办).
  'supervision',
  // PML Art. 25: a dispute at risk of violence, self-harm or turning criminal was reported.
  'police_report',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

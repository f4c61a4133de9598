import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '@tricolor/core';

// Shapes for the OpenAPI document only; the services return plain objects of the same shape.

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  disputeId: string | null;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;

  @ApiProperty({ example: 'Deadline for case TC-20250303-1A2B3C4D (blue.mediating) is due at …' })
  message: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readAt: string | null;
}

export class InboxPageResponse {
  @ApiProperty({ type: [NotificationResponse] })
  items: NotificationResponse[];

  @ApiProperty({ description: 'Notifications matching the query' })
  total: number;

  @ApiProperty({ description: 'Unread notifications in the whole inbox' })
  unread: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}

export class MarkedResponse {
  @ApiProperty({ description: 'How many notifications were unread and are now read' })
  marked: number;
}

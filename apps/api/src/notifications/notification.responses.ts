import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '@tricolor/core';

// Shapes for the OpenAPI document only; the services return plain objects of the same shape.

@ApiSchema({ name: 'Notification', description: 'An inbox entry' })
export class NotificationResponse {
  @ApiProperty()
  id: string;

  @ApiProperty({ nullable: true, type: String })
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

@ApiSchema({ name: 'NotificationList', description: 'One page of the inbox, newest first' })
export class InboxPageResponse {
  @ApiProperty({ type: [NotificationResponse] })
  items: NotificationResponse[];

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Notifications matching the query' })
  total: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Unread in the whole inbox' })
  unread: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  page: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 200 })
  pageSize: number;
}

@ApiSchema({ name: 'MarkedRead' })
export class MarkedResponse {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'How many notifications were unread and are now read',
  })
  marked: number;
}

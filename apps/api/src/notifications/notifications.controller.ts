import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors.decorator';
import { InboxService, type InboxPage, type NotificationView } from '@tricolor/core';
import { CurrentUser, type AuthUser } from '../auth';
import { ListNotificationsQuery } from './list-notifications.query';
import { InboxPageResponse, MarkedResponse, NotificationResponse } from './notification.responses';

/** The caller's own inbox (DESIGN.md §6): reminders, overdue cases and escalations. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(401, 503)
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({
    operationId: 'listNotifications',
    summary: "The caller's notifications, newest first",
  })
  @ApiOkResponse({ type: InboxPageResponse })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsQuery): Promise<InboxPage> {
    return this.inbox.list(user.id, query);
  }

  // Declared before ':id/read' for readability only: the paths cannot match each other.
  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'markAllNotificationsRead',
    summary: 'Mark every unread notification read',
  })
  @ApiOkResponse({ type: MarkedResponse })
  async readAll(@CurrentUser() user: AuthUser): Promise<{ marked: number }> {
    return { marked: await this.inbox.markAllRead(user.id) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ operationId: 'markNotificationRead', summary: 'Mark one notification read' })
  @ApiParam({
    name: 'id',
    description: 'The notification id',
    schema: { type: 'string', maxLength: 64 },
  })
  @ApiOkResponse({ type: NotificationResponse })
  @ApiErrors(400, [404, "No such notification in the caller's inbox"])
  read(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<NotificationView> {
    return this.inbox.markRead(user.id, id);
  }
}

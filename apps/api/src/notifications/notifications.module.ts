import { Module } from '@nestjs/common';
import { NotificationsCoreModule } from '@tricolor/core';
import { NotificationsController } from './notifications.controller';

@Module({
  imports: [NotificationsCoreModule],
  controllers: [NotificationsController],
})
export class NotificationsModule {}

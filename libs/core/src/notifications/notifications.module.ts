import { Module } from '@nestjs/common';
import { InboxService } from './inbox.service';
import { Notifier } from './notifier.service';

/**
 * The in-app inbox: the Notifier writes entries inside the transitions and timer firings that
 * cause them (API and worker alike); the InboxService reads them for their owner.
 */
@Module({ providers: [Notifier, InboxService], exports: [Notifier, InboxService] })
export class NotificationsCoreModule {}

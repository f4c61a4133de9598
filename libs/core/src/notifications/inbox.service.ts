import { Injectable } from '@nestjs/common';
import { NotificationEntity, TransactionRunner } from '@tricolor/persistence';
import { IsNull } from 'typeorm';
import { NotFoundError } from '../domain-errors';
import { toNotificationView, type NotificationView } from './notification-view';

export interface InboxQuery {
  /** Only unread entries. */
  unread?: boolean;
  /** 1-based; default 1. */
  page?: number;
  /** Default 20. */
  pageSize?: number;
}

export interface InboxPage {
  items: NotificationView[];
  /** Entries matching the query, for paging. */
  total: number;
  /** Unread entries in the whole inbox, whatever the query. */
  unread: number;
  page: number;
  pageSize: number;
}

/**
 * A user's own inbox. Every lookup is keyed by the owner as well as the id, so another user's
 * entry reads exactly like one that does not exist.
 */
@Injectable()
export class InboxService {
  constructor(private readonly tx: TransactionRunner) {}

  list(userId: string, query: InboxQuery = {}): Promise<InboxPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    return this.tx.run(async (m) => {
      const where = query.unread ? { userId, readAt: IsNull() } : { userId };
      const [rows, total] = await m.findAndCount(NotificationEntity, {
        where,
        // The id breaks ties between entries written in the same millisecond.
        order: { createdAt: 'DESC', id: 'DESC' },
        skip: (page - 1) * pageSize,
        take: pageSize,
      });
      const unread = query.unread
        ? total
        : await m.countBy(NotificationEntity, { userId, readAt: IsNull() });
      return { items: rows.map(toNotificationView), total, unread, page, pageSize };
    });
  }

  /** Marks one entry read; reading it again keeps the first time. */
  markRead(userId: string, id: string, at: Date = new Date()): Promise<NotificationView> {
    return this.tx.run(async (m) => {
      const row = await m.findOneBy(NotificationEntity, { id, userId });
      if (!row) throw NotFoundError.of('notification', id);
      if (row.readAt === null) {
        await m.update(NotificationEntity, { id, userId, readAt: IsNull() }, { readAt: at });
        row.readAt = at;
      }
      return toNotificationView(row);
    });
  }

  /** Marks every unread entry of the user read; returns how many changed. */
  markAllRead(userId: string, at: Date = new Date()): Promise<number> {
    return this.tx.run(async (m) => {
      const result = await m.update(
        NotificationEntity,
        { userId, readAt: IsNull() },
        { readAt: at },
      );
      return result.affected ?? 0;
    });
  }
}

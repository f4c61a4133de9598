import { Injectable } from '@nestjs/common';
import { Notifier, type TimerReaction } from '@tricolor/core';
import type { JobProcessor } from './job-processor';
import { deferNotices } from './system-event';

/** At REMINDER_RATIO of a deadline: whoever must act next is reminded when it falls due. */
@Injectable()
export class ReminderJob implements JobProcessor {
  readonly name = 'reminder' as const;

  constructor(private readonly notifier: Notifier) {}

  readonly react: TimerReaction = async (ctx) => {
    const timers = ctx.dispute.snapshot.context.timers;
    const reminder = timers.find((t) => t.id === ctx.timerId);
    const deadline = timers.find((t) => t.id === reminder?.remindsOf);
    if (deadline) {
      const notices = await this.notifier.reminderNotices(
        ctx.m,
        ctx.dispute,
        deadline.kind,
        new Date(deadline.dueAt),
        ctx.now,
      );
      deferNotices(this.notifier, ctx, notices);
    }
    return null;
  };
}

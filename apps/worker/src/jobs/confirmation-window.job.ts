import { Injectable } from '@nestjs/common';
import { Notifier, type TimerReaction } from '@tricolor/core';
import type { JobProcessor } from './job-processor';
import { deferNotices } from './system-event';

/** The Art. 33 judicial-confirmation window has closed: the handler is told. */
@Injectable()
export class ConfirmationWindowJob implements JobProcessor {
  readonly name = 'confirmation_window' as const;

  constructor(private readonly notifier: Notifier) {}

  readonly react: TimerReaction = async (ctx) => {
    const notices = await this.notifier.confirmationWindowNotices(
      ctx.m,
      ctx.dispute,
      false,
      ctx.now,
    );
    deferNotices(this.notifier, ctx, notices);
    return null;
  };
}

/** Day 25 of 30: the handler is reminded that the window is about to close. */
@Injectable()
export class ConfirmationReminderJob implements JobProcessor {
  readonly name = 'confirmation_reminder' as const;

  constructor(private readonly notifier: Notifier) {}

  readonly react: TimerReaction = async (ctx) => {
    const notices = await this.notifier.confirmationWindowNotices(
      ctx.m,
      ctx.dispute,
      true,
      ctx.now,
    );
    deferNotices(this.notifier, ctx, notices);
    return null;
  };
}

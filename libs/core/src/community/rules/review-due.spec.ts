import { reviewDueAt } from './review-due';

// 17:30 in Shanghai is 09:30 UTC.
describe('reviewDueAt: the next working day at 17:30 Asia/Shanghai', () => {
  it.each([
    ['a Monday morning', '2026-11-30T01:00:00Z', '2026-12-01T09:30:00.000Z'],
    [
      'a Monday late evening (already Tuesday in Shanghai)',
      '2026-11-30T17:00:00Z',
      '2026-12-02T09:30:00.000Z',
    ],
    ['a Thursday', '2026-12-03T03:00:00Z', '2026-12-04T09:30:00.000Z'],
    ['a Friday: Monday', '2026-12-04T03:00:00Z', '2026-12-07T09:30:00.000Z'],
    ['a Saturday: Monday', '2026-12-05T03:00:00Z', '2026-12-07T09:30:00.000Z'],
    ['a Sunday: Monday', '2026-12-06T03:00:00Z', '2026-12-07T09:30:00.000Z'],
    ['Friday 23:59 in Shanghai: Monday', '2026-12-04T15:59:00Z', '2026-12-07T09:30:00.000Z'],
    ['Saturday 00:00 in Shanghai: Monday', '2026-12-04T16:00:00Z', '2026-12-07T09:30:00.000Z'],
    ['across a year end', '2026-12-31T05:00:00Z', '2027-01-01T09:30:00.000Z'],
  ])('%s', (_what, filed, due) => {
    expect(reviewDueAt(new Date(filed)).toISOString()).toBe(due);
  });
});

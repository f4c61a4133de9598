import { escalationReason } from './escalation-reason';

describe('escalationReason', () => {
  it.each([
    ['ESCALATE', { reason: ' needs a lawyer ' }, null, 'needs a lawyer'],
    ['ESCALATE', {}, null, 'no reason given'],
    ['EMERGENCY_ESCALATE', { reason: 'threat of violence' }, null, 'emergency: threat of violence'],
    [
      'DEADLINE_EXPIRED',
      { timerId: 't1' },
      'blue.mediating',
      'the blue.mediating deadline passed (automatic escalation)',
    ],
    [
      'RECORD_FOLLOW_UP',
      { performed: 'none', note: 'did not pay' },
      'agreed',
      'the agreement was not performed: did not pay',
    ],
    ['RECORD_FOLLOW_UP', { performed: 'none' }, 'followUp', 'the agreement was not performed'],
    ['SOMETHING_ELSE', { reason: 5 }, null, 'SOMETHING_ELSE'],
  ] as const)('%s %j reads %p', (type, payload, fromStatus, expected) => {
    expect(escalationReason(type, payload, fromStatus)).toBe(expected);
  });
});

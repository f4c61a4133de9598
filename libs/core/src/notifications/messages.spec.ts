import {
  acceptanceOverdueMessage,
  confirmationWindowMessage,
  escalationMessage,
  formatTime,
  redOverdueMessage,
  reminderMessage,
  type CaseFacts,
} from './messages';

const REF = 'TC-20250303-1A2B3C4D';
const blue: CaseFacts = { reference: REF, status: 'blue.mediating', streetCode: 'S1' };
const at = new Date('2025-03-06T08:30:45.123Z');

describe('notification messages', () => {
  it('writes times in UTC to the minute', () => {
    expect(formatTime(at)).toBe('2025-03-06 08:30 UTC');
  });

  it('names the case, its status and what is due when', () => {
    expect(reminderMessage(blue, 'deadline', at)).toBe(
      `Deadline for case ${REF} (blue.mediating) is due at 2025-03-06 08:30 UTC.`,
    );
    expect(reminderMessage({ ...blue, status: 'agreed' }, 'follow_up', at)).toBe(
      `Follow-up visit for case ${REF} (agreed) is due at 2025-03-06 08:30 UTC.`,
    );
    expect(reminderMessage({ ...blue, status: 'agreed' }, 'confirmation_reminder', at)).toMatch(
      /^Judicial-confirmation window for case .* closes at/,
    );
  });

  it('says an unaccepted yellow case is overdue, and what to do', () => {
    const c: CaseFacts = { ...blue, status: 'yellow.awaitingAcceptance' };
    expect(acceptanceOverdueMessage(c, at)).toBe(
      `Acceptance of case ${REF} (yellow.awaitingAcceptance) in street S1 is overdue: no judicial ` +
        'officer had accepted it by 2025-03-06 08:30 UTC. Accept it, naming the officer and the lawyer.',
    );
  });

  it('says which red deadline passed', () => {
    expect(redOverdueMessage({ ...blue, status: 'red.convening' }, at)).toBe(
      `Case ${REF} (red.convening) in street S1 is overdue: the panel was not convened by 2025-03-06 08:30 UTC.`,
    );
    expect(redOverdueMessage({ ...blue, status: 'red.panelMediation' }, at)).toMatch(
      /the panel did not conclude mediation by/,
    );
  });

  it('tells escalations, automatic ones and moves down apart', () => {
    const yellow: CaseFacts = { ...blue, status: 'yellow.awaitingAcceptance' };
    expect(
      escalationMessage(yellow, {
        from: 'blue',
        to: 'yellow',
        automatic: false,
        reason: 'needs legal advice',
        at,
      }),
    ).toBe(
      `Case ${REF} was escalated from blue to yellow at 2025-03-06 08:30 UTC and is now ` +
        'yellow.awaitingAcceptance. Reason: needs legal advice',
    );
    expect(
      escalationMessage(yellow, { from: 'blue', to: 'yellow', automatic: true, reason: null, at }),
    ).toMatch(/escalated from blue to yellow automatically, because its deadline passed, at/);
    expect(
      escalationMessage(blue, { from: 'yellow', to: 'blue', automatic: false, reason: null, at }),
    ).toMatch(/was moved down from yellow to blue/);
  });

  it('tells the confirmation window closing from closed', () => {
    const agreed: CaseFacts = { ...blue, status: 'agreed' };
    expect(confirmationWindowMessage(agreed, false, at)).toMatch(
      /window for case .* \(agreed\) closes at 2025-03-06 08:30 UTC: until then/,
    );
    expect(confirmationWindowMessage(agreed, true, at)).toMatch(
      /closed at 2025-03-06 08:30 UTC: the parties can no longer apply/,
    );
  });
});

/**
 * Issue 15: the community's auxiliary police mediate blue cases beside the grid worker. They
 * record the parties' consent and the agreement of a blue case in their own community, and
 * nothing else the grid worker does alone.
 */
import type { Actor } from './context';
import { ACTORS, caseIn, COMMUNITY, OTHER_COMMUNITY, STREET } from './testing/fixtures';

const auxiliary: Actor = {
  id: 'u-aux-hu',
  role: 'auxiliary_police',
  communityCode: COMMUNITY,
  streetCode: STREET,
};
const foreignAuxiliary: Actor = { ...auxiliary, id: 'u-aux-xu', communityCode: OTHER_COMMUNITY };

describe('auxiliary police at blue', () => {
  it('record the consent and the agreement of a blue case in their community', () => {
    const c = caseIn('blue.mediating');
    c.send('RECORD_CONSENT', {}, auxiliary);
    const step = c.send('REACH_AGREEMENT', {}, auxiliary);
    expect(step.status).toBe('agreed');
    expect(c.context.agreement?.tier).toBe('blue');
  });

  it('are refused outside their community, with the community named', () => {
    const c = caseIn('blue.mediating');
    expect(c.refusal('REACH_AGREEMENT', {}, foreignAuxiliary)).toBe(
      `only the auxiliary police of community ${COMMUNITY} mediate this blue case beside its grid worker`,
    );
    expect(c.refusal('RECORD_CONSENT', {}, foreignAuxiliary)).toMatch(/auxiliary police of/);
  });

  it('do not escalate, withdraw or close a blue case: those stay the grid worker’s', () => {
    const c = caseIn('blue.mediating');
    expect(c.refusal('ESCALATE', {}, auxiliary)).toMatch(/only a grid worker/);
    expect(c.refusal('WITHDRAW', {}, auxiliary)).toMatch(/only a grid worker/);
    expect(c.refusal('RECORD_REFUSAL', {}, auxiliary)).toMatch(/only a grid worker/);
  });

  it('do not mediate once the case is yellow', () => {
    const c = caseIn('yellow.jointReview');
    expect(c.refusal('REACH_AGREEMENT', {}, auxiliary)).toMatch(/judicial officer/);
  });

  it('leave the grid worker’s own rights unchanged', () => {
    const c = caseIn('blue.mediating');
    expect(c.send('REACH_AGREEMENT', {}, ACTORS.gridWorker).status).toBe('agreed');
  });
});

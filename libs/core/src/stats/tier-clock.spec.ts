import { TIERS, type Tier } from '@tricolor/workflow';
import fc from 'fast-check';
import { advanceTierClock, openTierClock, type TierClock } from './tier-clock';

const HOUR = 3_600_000;
const T0 = Date.parse('2020-03-02T00:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * HOUR);

type Case = TierClock & { tier: Tier };

/** Time per tier as GET /stats reads it from the clock columns. */
function timesFromClock(c: Case, end: Date): Partial<Record<Tier, number>> {
  const times: Partial<Record<Tier, number>> = {};
  for (const t of TIERS) {
    const total = { blue: c.blueMs, yellow: c.yellowMs, red: c.redMs }[t];
    if (total === null) continue;
    times[t] = total + (c.tier === t ? end.getTime() - c.tierSince!.getTime() : 0);
  }
  return times;
}

/** The audit trail's definition: each record spans until the next, the last one until `end`. */
function timesFromTrail(
  trail: { tier: Tier; at: Date }[],
  end: Date,
): Partial<Record<Tier, number>> {
  const times: Partial<Record<Tier, number>> = {};
  trail.forEach((record, i) => {
    const until = trail[i + 1]?.at ?? end;
    times[record.tier] = (times[record.tier] ?? 0) + until.getTime() - record.at.getTime();
  });
  return times;
}

function replay(trail: { tier: Tier; at: Date }[]): Case {
  const [first, ...rest] = trail;
  let c: Case = { tier: first.tier, ...openTierClock(first.tier, first.at) };
  for (const record of rest) {
    c = { ...c, ...advanceTierClock(c, record.tier, record.at), tier: record.tier };
  }
  return c;
}

describe('the tier clock', () => {
  it('opens at the first tier, reached with nothing accumulated', () => {
    expect(openTierClock('yellow', at(0))).toEqual({
      openedTier: 'yellow',
      tierSince: at(0),
      blueMs: null,
      yellowMs: 0,
      redMs: null,
    });
  });

  it('changes nothing while the case stays at its tier', () => {
    const c = { tier: 'blue' as const, ...openTierClock('blue', at(0)) };
    expect(advanceTierClock(c, 'blue', at(5))).toEqual({});
  });

  it('adds the stay to the tier left and starts one at the tier entered', () => {
    const c = { tier: 'blue' as const, ...openTierClock('blue', at(0)) };
    expect(advanceTierClock(c, 'yellow', at(72))).toEqual({
      blueMs: 72 * HOUR,
      yellowMs: 0,
      tierSince: at(72),
    });
  });

  it('keeps the total of a tier the case returns to', () => {
    const c = replay([
      { tier: 'blue', at: at(0) },
      { tier: 'yellow', at: at(10) },
      { tier: 'blue', at: at(15) },
      { tier: 'yellow', at: at(18) },
    ]);
    expect(c).toMatchObject({ blueMs: 13 * HOUR, yellowMs: 5 * HOUR, redMs: null });
    expect(timesFromClock(c, at(20))).toEqual({ blue: 13 * HOUR, yellow: 7 * HOUR });
  });

  it('yields the audit trail spans for any history', () => {
    const record = fc.record({
      tier: fc.constantFrom(...TIERS),
      gap: fc.integer({ min: 0, max: 100 * HOUR }),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 12 }), fc.nat(HOUR), (rs, tail) => {
        let t = T0;
        const trail = rs.map((r) => ({ tier: r.tier, at: new Date((t += r.gap)) }));
        const end = new Date(t + tail);
        expect(timesFromClock(replay(trail), end)).toEqual(timesFromTrail(trail, end));
      }),
    );
  });
});

import { STATUSES } from '../../domain';
import { disputeMachine } from '../../machine';
import { toStatechartJson } from '../statechart-json';
import {
  catalogueWords,
  drawStatechart,
  layOut,
  legendLines,
  readStatechart,
  routesOf,
  toSvgText,
  type Link,
} from './index';

// As a client receives it: through JSON.
const chart = readStatechart(JSON.parse(JSON.stringify(toStatechartJson(disputeMachine))));
const name = (l: Link) => `${l.from}>${l.to}`;

describe('the statechart picture', () => {
  it('reads the chart of GET /workflow back, and refuses what is not one', () => {
    const json = toStatechartJson(disputeMachine);
    expect(chart?.states?.agreed?.states?.judicialConfirmation?.on).toEqual(
      json.states?.agreed?.states?.judicialConfirmation?.on,
    );
    expect(chart?.states?.yellow?.initial).toBe('awaitingAcceptance');
    expect(readStatechart({ type: 'atomic' })).toBeUndefined();
    expect(readStatechart({ type: 'atomic', on: { GO: [{ target: 3, guard: null }] } })).toBe(
      undefined,
    );
    expect(readStatechart('dispute')).toBeUndefined();
  });

  it('lists what every open state can do once, instead of an arrow from each state', () => {
    const { common, links } = routesOf(chart!);
    const names = common.map((c) => c.event);
    expect(names).toEqual(
      expect.arrayContaining([
        'WITHDRAW',
        'TRANSFER',
        'RECORD_REFUSAL',
        'SUSPEND',
        'EXTEND_DEADLINE',
      ]),
    );
    // Moving along the path is never "common", however many states do it.
    expect(names).not.toContain('DEADLINE_EXPIRED');
    expect(names).not.toContain('ESCALATE');
    expect(links.flatMap((l) => l.events)).not.toContain('WITHDRAW');
    // A withdrawal after the agreement goes to the follow-up, not to closed: the legend says so.
    const withdraw = common.find((c) => c.event === 'WITHDRAW');
    expect(withdraw?.targets.find((t) => t.to === 'followUp')?.stages).toContain('agreed');
  });

  it('draws the main path bold and keeps the rest for the reader who asks', () => {
    const main = layOut(chart!);
    const drawn = main.arrows.map((a) => a.link);
    expect(
      drawn
        .filter((l) => l.kind === 'main')
        .map(name)
        .sort(),
    ).toEqual(
      [
        'intake>blue',
        'blue>yellow',
        'yellow>red',
        'blue>agreed',
        'yellow>agreed',
        'red>agreed',
        'agreed>followUp',
        'followUp>closed',
      ].sort(),
    );
    expect(drawn.filter((l) => l.kind === 'other')).toEqual([]);
    expect(main.hidden).toBeGreaterThan(10);
    const all = layOut(chart!, { showAll: true });
    expect(all.hidden).toBe(0);
    expect(all.arrows.map((a) => name(a.link))).toEqual(
      expect.arrayContaining(['yellow>blue', 'red>closed', 'suspended>red']),
    );
    // A side step the case took is drawn even when the rest is not.
    const kept = layOut(chart!, { keep: (l) => name(l) === 'yellow>blue' });
    expect(kept.arrows.map((a) => name(a.link))).toContain('yellow>blue');
    expect(kept.hidden).toBe(main.hidden - 1);
  });

  it('leaves the list of common events to the page when asked, and gives it as lines', () => {
    const words = catalogueWords(() => undefined);
    const inside = layOut(chart!);
    const beside = layOut(chart!, { legend: false });
    expect(beside.group.h).toBeLessThan(inside.group.h);
    expect(toSvgText(drawStatechart(beside, words))).not.toContain('data-legend');
    const lines = legendLines(beside, words, { used: new Set(['TRANSFER']) });
    expect(lines.find((l) => l.event === 'TRANSFER')).toEqual({
      event: 'TRANSFER',
      label: 'TRANSFER',
      text: '→ closed',
      used: true,
    });
  });

  it('names every state a case can be in by its status, inside the picture', () => {
    const picture = layOut(chart!);
    const states = picture.boxes.filter((b) => !b.compound).map((b) => b.name);
    expect(states.sort()).toEqual(['intake', ...STATUSES].sort());
    for (const b of picture.boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(picture.width);
      expect(b.y + b.h).toBeLessThanOrEqual(picture.height);
    }
  });

  it('marks the current state and the way the case came', () => {
    const svg = toSvgText(
      drawStatechart(
        layOut(chart!),
        catalogueWords(() => undefined),
        {
          current: 'yellow.jointReview',
          visited: new Set(['intake', 'blue.mediating', 'yellow.awaitingAcceptance']),
          walked: (l) => ['intake>blue', 'blue>yellow'].includes(name(l)),
        },
      ),
    );
    expect(svg).toContain('data-state="yellow.jointReview" data-current="true"');
    expect(svg.match(/data-walked="true"/g)).toHaveLength(2);
    expect(svg).toContain('data-link="blue&gt;yellow"');
  });
});

import { and, not, setup, stateIn } from 'xstate';
import { renderDiagramFiles, toMermaid, toStatechartJson } from './index';

// Small, but with everything the dispute machine uses: nesting, guards (several for one
// event, combinators, params), a targetless transition, machine-level events, a final state.
const toy = setup({
  types: {
    events: {} as
      | { type: 'ESCALATE' }
      | { type: 'CONVENE_PANEL' }
      | { type: 'EXTEND_DEADLINE' }
      | { type: 'WITHDRAW' }
      | { type: 'AGREE' },
  },
  guards: {
    panelComplete: () => true,
    isHandler: () => true,
    hasRole: (_args, _params: { role: string }) => true,
  },
}).createMachine({
  id: 'toy',
  version: '7',
  initial: 'blue',
  on: { WITHDRAW: '.closed' },
  states: {
    blue: {
      initial: 'mediating',
      description: 'the grid worker mediates',
      meta: { tier: 'blue', render: () => 'dropped: not JSON' },
      states: {
        mediating: {
          on: {
            EXTEND_DEADLINE: { guard: 'isHandler', actions: [] },
            ESCALATE: { target: '#toy.red.convening', guard: 'isHandler' },
          },
        },
      },
    },
    red: {
      initial: 'convening',
      states: {
        convening: {
          on: {
            CONVENE_PANEL: [
              { target: 'panelMediation', guard: 'panelComplete' },
              { target: 'convening', guard: not('panelComplete'), reenter: true },
            ],
          },
        },
        panelMediation: {
          on: {
            AGREE: {
              target: '#toy.closed',
              guard: and([
                { type: 'hasRole', params: { role: 'court' } },
                stateIn('#toy.red.panelMediation'),
              ]),
            },
          },
        },
      },
    },
    closed: { type: 'final' },
  },
});

describe('toMermaid', () => {
  const diagram = toMermaid(toy);
  const lines = diagram.split('\n').map((line) => line.trim());

  it('is a stateDiagram-v2 ending in a newline', () => {
    expect(diagram.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(diagram.endsWith('\n')).toBe(true);
  });

  it('draws nested states as composites with dot-free ids and dotted labels', () => {
    expect(lines).toContain('state "blue" as blue {');
    expect(lines).toContain('state "blue.mediating" as blue_mediating');
    expect(lines).toContain('state "red.panelMediation" as red_panelMediation');
    expect(diagram).not.toMatch(/as [^\n]*\./);
  });

  it('marks initial and final states', () => {
    expect(lines).toContain('[*] --> blue');
    expect(lines).toContain('[*] --> blue_mediating');
    expect(lines).toContain('[*] --> red_convening');
    expect(lines).toContain('closed --> [*]');
  });

  it('labels every transition with its event and guard, one edge per guarded branch', () => {
    expect(lines).toContain('blue_mediating --> red_convening : ESCALATE [isHandler]');
    expect(lines).toContain('red_convening --> red_panelMediation : CONVENE_PANEL [panelComplete]');
    expect(lines).toContain('red_convening --> red_convening : CONVENE_PANEL [not panelComplete]');
    expect(lines).toContain(
      'red_panelMediation --> closed : AGREE [hasRole(court) and in(toy.red.panelMediation)]',
    );
  });

  it('draws a targetless transition as a self-loop', () => {
    expect(lines).toContain('blue_mediating --> blue_mediating : EXTEND_DEADLINE [isHandler]');
  });

  it('starts machine-level transitions from an "any state" node', () => {
    expect(lines).toContain('state "toy (any state)" as toy');
    expect(lines).toContain('toy --> closed : WITHDRAW');
  });

  it('writes edges inside the composite that holds both ends', () => {
    const red = diagram.slice(diagram.indexOf('state "red" as red {'));
    const redBlock = red.slice(0, red.indexOf('\n  }'));
    expect(redBlock).toContain('red_convening --> red_panelMediation');
    expect(redBlock).not.toContain('--> closed');
  });

  it('is deterministic and does not depend on the order events were declared in', () => {
    expect(toMermaid(toy)).toBe(diagram);
    const a = setup({}).createMachine({
      id: 'm',
      initial: 's',
      states: { s: { on: { B: 't', A: 't' } }, t: {} },
    });
    const b = setup({}).createMachine({
      id: 'm',
      initial: 's',
      states: { s: { on: { A: 't', B: 't' } }, t: {} },
    });
    expect(toMermaid(a)).toBe(toMermaid(b));
  });

  it('keeps Mermaid keywords and odd characters out of ids and labels', () => {
    const machine = setup({}).createMachine({
      id: 'm',
      initial: 'note',
      states: {
        note: { on: { 'a:b;c': 'default-x' } },
        'default-x': {},
      },
    });
    const text = toMermaid(machine);
    expect(text).toContain('state "note" as _note');
    expect(text).toContain('state "default-x" as _default_x');
    expect(text).toContain('_note --> _default_x : a b c');
  });

  it('refuses two states that would share an id', () => {
    const machine = setup({}).createMachine({
      id: 'm',
      initial: 'a',
      states: { a: { initial: 'b', states: { b: {} } }, a_b: {} },
    });
    expect(() => toMermaid(machine)).toThrow(/both map to the Mermaid id "a_b"/);
  });
});

describe('toStatechartJson', () => {
  const json = toStatechartJson(toy);

  it('describes the machine as plain JSON', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json).toMatchObject({ id: 'toy', version: '7', type: 'compound', initial: 'blue' });
    expect(json.on).toEqual({ WITHDRAW: [{ target: 'closed', guard: null }] });
  });

  it('nests states with their type, initial state, description, meta and transitions', () => {
    expect(json.states?.blue).toEqual({
      type: 'compound',
      initial: 'mediating',
      description: 'the grid worker mediates',
      meta: { tier: 'blue' },
      on: {},
      states: {
        mediating: {
          type: 'atomic',
          on: {
            ESCALATE: [{ target: 'red.convening', guard: 'isHandler' }],
            EXTEND_DEADLINE: [{ target: null, guard: 'isHandler' }],
          },
        },
      },
    });
    expect(json.states?.red?.states?.convening?.on.CONVENE_PANEL).toEqual([
      { target: 'red.panelMediation', guard: 'panelComplete' },
      { target: 'red.convening', guard: 'not panelComplete' },
    ]);
    expect(json.states?.closed).toEqual({ type: 'final', on: {} });
  });

  it('takes the version from the caller when given', () => {
    expect(toStatechartJson(toy, { version: 'abc' }).version).toBe('abc');
    expect(toStatechartJson(setup({}).createMachine({ id: 'x' })).version).toBeNull();
  });
});

describe('renderDiagramFiles', () => {
  it('gives the raw diagram, the two pictures and a page that shows them and names what is in them', () => {
    const files = renderDiagramFiles(toy);
    expect(files['statechart.mmd']).toBe(toMermaid(toy));
    expect(files['statechart.md']).toMatch(/^# The `toy` statechart\n/);
    expect(files['statechart.md']).toContain(
      '![The toy statechart: the main path](statechart.svg)',
    );
    expect(files['statechart.md']).toContain('| blue.mediating | `blue.mediating` |');
    expect(files['statechart.md']).toContain('| ESCALATE | `ESCALATE` |');
    expect(files['statechart.svg']).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(files['statechart-all.svg']).toMatch(/<\/svg>\n$/);
  });
});

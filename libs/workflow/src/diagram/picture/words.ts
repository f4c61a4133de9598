import type { Box } from './layout';
import type { DiagramWords } from './draw';

/** Looks a message up in a catalogue: undefined when it has none. */
export type Lookup = (key: string, params?: Readonly<Record<string, string>>) => string | undefined;

const TIERS = new Set(['blue', 'yellow', 'red']);

/**
 * The picture's words from a message catalogue with the console's keys (`tier.blue`,
 * `status.yellow.jointReview`, `event.ACCEPT`, `diagram.*`), so the console and
 * docs/statechart.svg name every state and event the same way. `codes` adds each state's
 * machine name under its label, for readers of the code.
 */
export function catalogueWords(lookup: Lookup, options: { codes?: boolean } = {}): DiagramWords {
  const word = (key: string, params?: Readonly<Record<string, string>>) =>
    lookup(key, params) ?? key;
  const name = (value: string, kind: Box['kind']) => {
    const code = options.codes ? value : undefined;
    if (kind === 'stage' && TIERS.has(value)) {
      return { title: word(`tier.${value}`), note: lookup(`tier.${value}.who`) ?? code };
    }
    if (kind === 'stage' && lookup(`diagram.stage.${value}`) !== undefined) {
      return { title: word(`diagram.stage.${value}`), note: lookup(`diagram.stage.${value}.note`) };
    }
    const title = lookup(`diagram.state.${value}`) ?? lookup(`status.${value}`) ?? value;
    return code === undefined || code === title ? { title } : { title, note: code };
  };
  return {
    name: (value, kind) => name(value, kind),
    event: (type) =>
      type === 'always'
        ? word('diagram.always')
        : type.startsWith('always:')
          ? word(`diagram.${type.slice('always:'.length)}`)
          : (lookup(`diagram.event.${type}`) ?? lookup(`event.${type}`) ?? type),
    open: word('diagram.open'),
    common: word('diagram.common'),
    self: word('diagram.self'),
    when: (stages) => word('diagram.when', { stages }),
    only: (stages) => word('diagram.only', { stages }),
    current: word('diagram.current'),
    title: word('diagram.title'),
  };
}

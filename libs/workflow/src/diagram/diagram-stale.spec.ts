import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { disputeMachine } from '../machine';
import { docLookup } from '../../../../scripts/diagram-words';
import { renderDiagramFiles } from './index';

const DOCS = join(__dirname, '..', '..', '..', '..', 'docs');

// Line endings may be rewritten by git on checkout; only the content matters.
function committed(name: string): string | undefined {
  try {
    return readFileSync(join(DOCS, name), 'utf8').replace(/\r\n/g, '\n');
  } catch {
    return undefined;
  }
}

describe('docs/statechart.*', () => {
  it('matches the machine', () => {
    const stale = Object.entries(renderDiagramFiles(disputeMachine, docLookup))
      .filter(([name, text]) => committed(name) !== text)
      .map(([name]) => `docs/${name}`);
    if (stale.length > 0) {
      throw new Error(
        `docs/statechart.* is stale: run npm run diagram (out of date: ${stale.join(', ')})`,
      );
    }
  });
});

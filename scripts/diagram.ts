// Writes docs/statechart.{md,svg,mmd} and docs/statechart-all.svg from the dispute machine.
// Run with `npm run diagram`; a unit test fails while the committed files are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDiagramFiles } from '../libs/workflow/src/diagram';
import { disputeMachine } from '../libs/workflow/src/machine';
import { docLookup } from './diagram-words';

const docs = join(__dirname, '..', 'docs');
mkdirSync(docs, { recursive: true });
for (const [name, text] of Object.entries(renderDiagramFiles(disputeMachine, docLookup))) {
  writeFileSync(join(docs, name), text);
  console.log(`wrote docs/${name}`);
}

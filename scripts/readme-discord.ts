// `npm run docs:discord`: rewrite the README's table of where Discord's commands differ from the
// README's spelling, from the command registry (test/adapters/discord/readme-differences.test.ts fails
// when the README's copy is stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { differencesMarkdown, withDifferences } from '../adapters/discord/commands/command-differences.js';
import { COMMAND_SPECS } from '../src/core/app/registry.js';
import { translate } from '../src/i18n/index.js';

const file = new URL('../README.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = withDifferences(before, differencesMarkdown({ commands: COMMAND_SPECS, translate }));
if (after !== before) writeFileSync(file, after);
console.log(after === before ? 'README.md is up to date' : 'README.md: Discord differences rewritten');

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLACK_SCOPES } from '../../../adapters/slack/slack-adapter.js';
import { shortcutsOf } from '../../../adapters/slack/receive/commands.js';
import { COMMAND_SPECS } from '../../../src/core/app/registry.js';

const manifest = readFileSync(new URL('../../../adapters/slack/manifest.yml', import.meta.url), 'utf8');

describe('Slack app manifest', () => {
  it('asks for exactly the scopes the OAuth install requests', () => {
    const bot = manifest.slice(manifest.indexOf('    bot:'), manifest.indexOf('settings:'));
    const scopes = [...bot.matchAll(/^\s+- ([a-z:.]+)$/gm)].map((m) => m[1]);
    expect(scopes.sort()).toEqual([...SLACK_SCOPES].sort());
  });

  it("declares /election and every shortcut the adapter handles (the registry's aliases), with interactivity on", () => {
    const commands = [...manifest.matchAll(/- command: (\/\S+)/g)].map((m) => m[1]);
    const shortcuts = shortcutsOf(COMMAND_SPECS);
    expect(commands.sort()).toEqual(['/election', ...shortcuts.keys()].sort());
    expect([...shortcuts.values()].sort()).toEqual(['ballot.get', 'nomination.create', 'report.survey']);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
  });
});

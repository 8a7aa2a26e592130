// Every command of the real registry can be offered as a Slack form: Slack refuses a whole modal for
// one over-long title or an empty label, so each spec is rendered and checked against those limits.
import { describe, expect, it } from 'vitest';
import { renderCommandForm } from '../../../adapters/slack/render/command-form.js';
import { createCore } from '../../../src/core/index.js';
import { translate } from '../../../src/i18n/index.js';

const core = createCore({} as never);

describe('command forms for the real registry', () => {
  it('renders a valid modal for every command, in both languages', () => {
    expect(core.commands.length).toBeGreaterThan(10);
    for (const locale of ['en', 'zh-Hans']) {
      const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
      for (const spec of core.commands) {
        const view = renderCommandForm(spec, { command: spec.id, preset: {} }, t) as {
          title: { text: string };
          blocks: { block_id: string; label: { text: string } }[];
          private_metadata: string;
        };
        expect(view.title.text.length, spec.id).toBeLessThanOrEqual(24);
        expect(view.title.text, spec.id).not.toBe(spec.summaryKey);
        expect(new Set(view.blocks.map((b) => b.block_id)).size).toBe(view.blocks.length);
        for (const b of view.blocks) {
          expect(b.label.text.length, `${spec.id}.${b.block_id}`).toBeGreaterThan(0);
          expect(b.label.text, `${spec.id}.${b.block_id} label is an untranslated key`).not.toMatch(
            /^[a-z]+(\.[a-z_]+)+$/,
          );
        }
        expect(view.private_metadata.length).toBeLessThanOrEqual(3000);
      }
    }
  });
});

// Settings of the whole organisation (a Slack workspace, a Discord server), not of one election.
import type { Locale } from '../../i18n/catalog.types.js';
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { toActor } from '../kit/say.js';
import { orgLanguage } from '../shared/org.types.js';

const LANGUAGES = ['en', 'zh-Hans'] as const satisfies readonly Locale[];

/**
 * The language Teller writes in to members whose own language it does not know (a member who has never
 * used Teller, on a platform that does not say). A member's own locale always wins. Who may set it: the
 * members allowed to create elections, since any of them could otherwise start an election in their
 * own language anyway.
 */
export const setLanguage = defineCommand<{ language?: Locale }>({
  id: 'org.language',
  path: ['language'],
  access: 'creator',
  args: { language: arg.choice('arg.language', LANGUAGES, { optional: true }) },
  async handler(ctx, args) {
    // read it again: the remembered organisation may predate another process's change
    const stored = (await ctx.tx.orgs.get(ctx.org.id)) ?? ctx.org;
    if (args.language === undefined) {
      const current = orgLanguage(stored);
      const source = stored.language ? 'org.language_source_chosen' : 'org.language_source_platform';
      return toActor(
        ctx.t('org.language_current', { language: ctx.t(`language.${current}`), source: ctx.t(source) }),
        { tone: 'info' },
      );
    }
    await ctx.tx.orgs.setLanguage(ctx.org.id, args.language);
    ctx.org = { ...stored, language: args.language };
    return toActor(ctx.t('org.language_set', { language: ctx.t(`language.${args.language}`) }));
  },
});

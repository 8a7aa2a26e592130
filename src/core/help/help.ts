import type { Translate } from '../../i18n/index.js';
import type { ElectionRoleName, Phase } from '../shared/election.types.js';
import { allowedCommandIds } from '../elections/election.rules.js';
import { argLabel, placeholder } from '../kit/arg-text.js';
import type { ArgSpec, CommandSpec } from '../kit/command.types.js';
import type { Reply } from '../shared/reply.js';

function argUsage(a: ArgSpec): string {
  const name = argLabel(a.name);
  const body = a.positional
    ? a.kind === 'members'
      ? `<${name}…>`
      : `<${name}>`
    : `${name}=${placeholder(a)}`;
  return a.required ? body : `[${body}]`;
}

export function usage(spec: CommandSpec, t: Translate): string {
  return t('help.usage', { usage: `/election ${[...spec.path, ...spec.args.map(argUsage)].join(' ')}` });
}

/** The commands a member may use: all listed ones, or, for an election, those open in its phase to their roles. */
export function helpReply(
  specs: readonly CommandSpec[],
  t: Translate,
  phase?: Phase,
  roles?: ElectionRoleName[],
  intro?: string,
): Reply {
  const ids = phase ? new Set(allowedCommandIds(specs, phase, roles ?? [])) : undefined;
  const lines = specs
    .filter((s) => s.listed && (!ids || ids.has(s.id)))
    .map(
      (s) =>
        `/election ${[...s.path, ...s.args.filter((a) => a.required).map(argUsage)].join(' ')} — ${t(s.summaryKey)}`,
    );
  const head = intro ? `${intro}\n` : '';
  return {
    visibility: 'only-you',
    body: { title: t('help.title'), text: head + lines.join('\n'), tone: 'info' },
  };
}

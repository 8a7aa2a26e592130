// Reply -> terminal text. Mentions print as @id and channels as #id; actions print as the command to type.
import {
  chartsOf,
  type Action,
  type BallotForm,
  type CommandSpec,
  type MessageBody,
} from '../../src/core/index.js';

export function plain(text: string): string {
  return text.replace(/<@!?([^>|]+)(\|[^>]*)?>/g, '@$1').replace(/<#([^>|]+)(\|[^>]*)?>/g, '#$1');
}

export function actionCommand(action: Action, commands: readonly CommandSpec[]): string {
  const spec = commands.find((c) => c.id === action.command);
  if (!spec) return action.command;
  const positional = spec.args
    .filter((a) => a.positional && action.args[a.name] !== undefined)
    .map((a) => action.args[a.name]);
  return `/election ${[...spec.path, ...positional].join(' ')}`;
}

function ballotLines(form: BallotForm): string[] {
  const lines = form.options.map((o) => `   ${o.number}. ${o.name}${o.statement ? ` — ${o.statement}` : ''}`);
  // A template, not a filled-in line: a line in this voter's (shuffled) display order, pasted back,
  // would cast a choice the voter never made.
  const criteria = (form.criteria ?? ['x']).map(() => 's').join('/');
  const example: Record<BallotForm['kind'], string> = {
    marks: form.maxChoices > 1 ? 'N,N,…' : 'N',
    ranking: 'N>N>…',
    opinions: 'N:+,N:-,N:0,…',
    scores: `N=${form.scoreRange?.min ?? 0}..${form.scoreRange?.max ?? 5},…`,
    criteria: `N=${criteria},…`,
  };
  const writeIn = form.writeIns ? ' [write-in=@member]' : '';
  const proxy = form.for ? ` for=@${form.for}` : '';
  return [
    ...lines,
    `   → /election cast ${form.election} ${form.contest} ${example[form.kind]}${writeIn}${proxy}`,
  ];
}

export function renderBody(body: MessageBody, commands: readonly CommandSpec[]): string {
  const out: string[] = [];
  if (body.title) out.push(`== ${plain(body.title)} ==`);
  if (body.text) out.push(plain(body.text));
  for (const f of body.fields ?? []) {
    const value = plain(f.value);
    out.push(
      value.includes('\n')
        ? `${plain(f.label)}:\n  ${value.replace(/\n/g, '\n  ')}`
        : `${plain(f.label)}: ${value}`,
    );
  }
  if (body.ballot) out.push(...ballotLines(body.ballot));
  for (const a of body.actions ?? []) out.push(`[${a.label}] → ${actionCommand(a, commands)}`);
  for (const chart of chartsOf(body)) out.push(`(chart: ${chart.labels.length} bars)`);
  return out.join('\n');
}

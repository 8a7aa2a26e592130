// Reply -> terminal text. Mentions print as @id and channels as #id; actions print as the command to type.
import type { Action, BallotForm, CommandSpec, MessageBody } from '../../src/core/index.js';

export function plain(text: string): string {
  return text.replace(/<@!?([^>|]+)(\|[^>]*)?>/g, '@$1').replace(/<#([^>|]+)(\|[^>]*)?>/g, '#$1');
}

export function actionCommand(action: Action, commands: readonly CommandSpec[]): string {
  const spec = commands.find((c) => c.id === action.command);
  if (!spec) return action.command;
  const positional = spec.args.filter((a) => a.positional && action.args[a.name] !== undefined).map((a) => action.args[a.name]);
  return `/election ${[...spec.path, ...positional].join(' ')}`;
}

function ballotLines(form: BallotForm): string[] {
  const lines = form.options.map((o) => `   ${o.number}. ${o.name}${o.statement ? ` — ${o.statement}` : ''}`);
  const example: Record<BallotForm['kind'], string> = {
    marks: form.options.slice(0, Math.max(1, Math.min(form.maxChoices, 2))).map((o) => o.number).join(','),
    ranking: form.options.map((o) => o.number).join('>'),
    opinions: form.options.map((o, i) => `${o.number}:${i === 0 ? '+' : '-'}`).join(','),
    scores: form.options.map((o) => `${o.number}=${form.scoreRange?.max ?? 5}`).join(','),
    criteria: form.options.map((o) => `${o.number}=${(form.criteria ?? ['x']).map(() => 3).join('/')}`).join(','),
  };
  return [...lines, `   → /election cast ${form.election} ${form.contest} ${example[form.kind]}`];
}

export function renderBody(body: MessageBody, commands: readonly CommandSpec[]): string {
  const out: string[] = [];
  if (body.title) out.push(`== ${plain(body.title)} ==`);
  if (body.text) out.push(plain(body.text));
  for (const f of body.fields ?? []) {
    const value = plain(f.value);
    out.push(value.includes('\n') ? `${plain(f.label)}:\n  ${value.replace(/\n/g, '\n  ')}` : `${plain(f.label)}: ${value}`);
  }
  if (body.ballot) out.push(...ballotLines(body.ballot));
  for (const a of body.actions ?? []) out.push(`[${a.label}] → ${actionCommand(a, commands)}`);
  if (body.chart) out.push(`(chart: ${body.chart.labels.length} bars)`);
  return out.join('\n');
}

import { parseMember } from '../kit/args.js';
import { fail, ok, type Result } from '../shared/result.js';

export interface ImportLine {
  memberId: string;
  weight: number;
}

/**
 * A pasted list: one member per line or separated by commas, each optionally with a weight
 * ("@alice", "@bob 2", "carol:3"). Every line is checked before anything is written.
 */
export function parseRollImport(text: string): Result<ImportLine[]> {
  const out: ImportLine[] = [];
  const entries = text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = 0; i < entries.length; i++) {
    const m = /^(\S+?)(?:[\s:=]+(\d+(?:\.\d+)?))?$/.exec(entries[i]);
    const memberId = m ? parseMember(m[1]) : undefined;
    if (!m || !memberId) return fail('roll.import_bad_line', { line: i + 1, text: entries[i] }, 'list');
    const weight = m[2] === undefined ? 1 : Number(m[2]);
    if (!(weight > 0) || weight > 1_000_000)
      return fail('roll.import_bad_weight', { line: i + 1, text: entries[i] }, 'list');
    if (out.some((x) => x.memberId === memberId))
      return fail('roll.import_duplicate', { line: i + 1, member: memberId }, 'list');
    out.push({ memberId, weight });
  }
  if (out.length === 0) return fail('roll.import_empty', {}, 'list');
  return ok(out);
}

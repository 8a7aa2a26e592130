// Slack treats <...> as control sequences: a candidate statement containing "<!channel>" would ping
// everyone. Core text writes member mentions as <@U123> (and channels as <#C123>), which must survive;
// everything else that Slack would interpret is escaped.

const MENTION = /<(@[UW][A-Z0-9]+|#C[A-Z0-9]+)(\|[^<>]*)?>/g;

export function escapeMrkdwn(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    out += escapePlain(text.slice(last, m.index)) + m[0];
    last = m.index! + m[0].length;
  }
  return out + escapePlain(text.slice(last));
}

function escapePlain(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Split long text into chunks at line breaks where possible (section text is capped at 3000). */
export function chunks(text: string, max = 3000): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = max;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest.length > 0 || out.length === 0) out.push(rest);
  return out;
}

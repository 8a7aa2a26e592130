// Discord's published limits on application commands, checked by the fake on registration the way
// Discord answers: 400 with code 50035 (Invalid Form Body) naming what is wrong.
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

export function commandProblems(commands: any[]): string[] {
  const problems: string[] = [];
  if (commands.length > 100) problems.push('more than 100 chat input commands');
  const names = new Set<string>();
  for (const c of commands) {
    if (names.has(c.name)) problems.push(`duplicate command ${c.name}`);
    names.add(c.name);
    // Discord counts the characters for each locale, the localised description standing in for the default
    const locales = new Set<string>(['']);
    const chars = new Map<string, number>();
    const count = (o: any) => {
      for (const l of Object.keys(o.description_localizations ?? {})) locales.add(l);
    };
    const add = (o: any) => {
      for (const l of locales) {
        const d = (l && o.description_localizations?.[l]) || o.description || '';
        chars.set(l, (chars.get(l) ?? 0) + o.name.length + d.length);
      }
    };
    const collect = (o: any) => {
      count(o);
      for (const x of o.options ?? []) collect(x);
    };
    collect(c);
    const walk = (o: any, where: string, depth: number) => {
      if (!NAME.test(o.name) || o.name !== o.name.toLowerCase()) problems.push(`${where}: bad name`);
      if (typeof o.description !== 'string' || o.description.length < 1 || o.description.length > 100)
        problems.push(`${where}: description must be 1-100 characters`);
      for (const [loc, d] of Object.entries(o.description_localizations ?? {}))
        if (String(d).length > 100) problems.push(`${where}: ${loc} description too long`);
      add(o);
      const opts: any[] = o.options ?? [];
      if (opts.length > 25) problems.push(`${where}: more than 25 options`);
      const seen = new Set<string>();
      let optionalSeen = false;
      for (const x of opts) {
        if (seen.has(x.name)) problems.push(`${where}: duplicate option ${x.name}`);
        seen.add(x.name);
        if (x.type === 1 || x.type === 2) {
          if (x.type === 2 && depth > 0) problems.push(`${where}: group nested too deep`);
          if (x.type === 1 && depth > 1) problems.push(`${where}: subcommand nested too deep`);
        } else {
          if (x.required && optionalSeen)
            problems.push(`${where}.${x.name}: required option after an optional one`);
          if (!x.required) optionalSeen = true;
          if ((x.choices?.length ?? 0) > 25) problems.push(`${where}.${x.name}: more than 25 choices`);
          if (x.choices && x.autocomplete) problems.push(`${where}.${x.name}: choices with autocomplete`);
          for (const ch of x.choices ?? [])
            for (const l of locales)
              chars.set(l, (chars.get(l) ?? 0) + String(ch.name).length + String(ch.value).length);
        }
        walk(x, `${where}.${x.name}`, depth + 1);
      }
      const kinds = new Set(opts.map((x) => (x.type === 1 || x.type === 2 ? 'sub' : 'value')));
      if (kinds.size > 1) problems.push(`${where}: subcommands mixed with value options`);
    };
    walk(c, c.name, 0);
    for (const [l, n] of chars)
      if (n > 8000) problems.push(`${c.name}: ${n} characters${l ? ` in ${l}` : ''}, over Discord's 8000`);
  }
  return problems;
}

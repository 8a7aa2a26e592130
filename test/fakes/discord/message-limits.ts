// Discord's published limits on a message's components, embeds and attachments (content 2000 characters;
// at most 10 embeds and 10 attachments; an embed's title 256, description 4096, at most 25 fields of a
// 1-256 character name and 1-1024 character value, and 6000 characters across all a message's embeds),
// checked by the fake the way Discord answers a message that breaks them: 400 with code 50035 (Invalid
// Form Body). Without this a ballot
// with 26 options in one select, or two selects with one custom id, would pass every test and fail
// on the real Discord.
const MAX_ROWS = 5;
const MAX_BUTTONS = 5;
const MAX_OPTIONS = 25;

export function messageProblems(m: any): string[] {
  const problems: string[] = [];
  const rows: any[] = m?.components ?? [];
  if (rows.length > MAX_ROWS) problems.push(`${rows.length} action rows, over ${MAX_ROWS}`);
  const ids = new Set<string>();
  rows.forEach((row, r) => {
    if (row.type !== 1) problems.push(`row ${r}: not an action row`);
    const items: any[] = row.components ?? [];
    if (items.length === 0) problems.push(`row ${r}: empty`);
    const selects = items.filter((c) => c.type === 3);
    if (selects.length > 0 && items.length > 1) problems.push(`row ${r}: a select must be alone in its row`);
    if (items.length > MAX_BUTTONS) problems.push(`row ${r}: ${items.length} buttons, over ${MAX_BUTTONS}`);
    for (const c of items) {
      const where = `row ${r} ${c.custom_id ?? c.type}`;
      if (typeof c.custom_id === 'string') {
        if (c.custom_id.length > 100) problems.push(`${where}: custom_id over 100 characters`);
        if (ids.has(c.custom_id)) problems.push(`${where}: duplicate custom_id`);
        ids.add(c.custom_id);
      }
      if (c.type === 2 && String(c.label ?? '').length > 80)
        problems.push(`${where}: label over 80 characters`);
      if (c.type === 3) {
        const options: any[] = c.options ?? [];
        if (options.length < 1 || options.length > MAX_OPTIONS)
          problems.push(`${where}: ${options.length} options, must be 1-${MAX_OPTIONS}`);
        const max = c.max_values ?? 1;
        const min = c.min_values ?? 1;
        if (max < 1 || max > MAX_OPTIONS || max > options.length)
          problems.push(`${where}: max_values ${max} with ${options.length} options`);
        if (min < 0 || min > max) problems.push(`${where}: min_values ${min}`);
        if (String(c.placeholder ?? '').length > 150)
          problems.push(`${where}: placeholder over 150 characters`);
        const values = new Set<string>();
        for (const o of options) {
          if (
            String(o.label).length > 100 ||
            String(o.value).length > 100 ||
            String(o.description ?? '').length > 100
          )
            problems.push(`${where}: option over 100 characters`);
          if (values.has(o.value)) problems.push(`${where}: duplicate option value ${o.value}`);
          values.add(o.value);
        }
      }
    }
  });
  if (String(m?.content ?? '').length > 2000) problems.push('content over 2000 characters');
  const embeds: any[] = m?.embeds ?? [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds, over 10`);
  if ((m?.attachments ?? []).length > 10) problems.push(`${m.attachments.length} attachments, over 10`);
  let chars = 0;
  for (const e of embeds) {
    if (String(e.title ?? '').length > 256) problems.push('embed title over 256 characters');
    if (String(e.description ?? '').length > 4096) problems.push('embed description over 4096 characters');
    if ((e.fields ?? []).length > 25) problems.push('more than 25 embed fields');
    chars += String(e.title ?? '').length + String(e.description ?? '').length;
    for (const f of e.fields ?? []) {
      const name = String(f.name ?? '');
      const value = String(f.value ?? '');
      if (name.length < 1 || name.length > 256) problems.push('embed field name must be 1-256 characters');
      if (value.length < 1 || value.length > 1024)
        problems.push('embed field value must be 1-1024 characters');
      chars += name.length + value.length;
    }
  }
  if (chars > 6000) problems.push(`embeds hold ${chars} characters, over 6000`);
  return problems;
}

/**
 * Discord's limits on a modal (interaction callback 9): a title of 1-45 characters, a custom id, 1-5 action
 * rows each holding one text input, whose label is 1-45 characters, placeholder at most 100, prefilled
 * value at most 4000, and whose custom ids differ.
 */
export function modalProblems(m: any): string[] {
  const problems: string[] = [];
  const title = String(m?.title ?? '');
  if (title.length < 1 || title.length > 45) problems.push('modal title must be 1-45 characters');
  const id = String(m?.custom_id ?? '');
  if (id.length < 1 || id.length > 100) problems.push('modal custom_id must be 1-100 characters');
  const rows: any[] = m?.components ?? [];
  if (rows.length < 1 || rows.length > MAX_ROWS) problems.push(`modal has ${rows.length} rows, must be 1-5`);
  const ids = new Set<string>();
  rows.forEach((row, r) => {
    const items: any[] = row?.components ?? [];
    if (row?.type !== 1 || items.length !== 1 || items[0].type !== 4) {
      problems.push(`modal row ${r}: must be an action row holding one text input`);
      return;
    }
    const input = items[0];
    const where = `modal row ${r} ${input.custom_id}`;
    if (ids.has(input.custom_id)) problems.push(`${where}: duplicate custom_id`);
    ids.add(input.custom_id);
    const label = String(input.label ?? '');
    if (label.length < 1 || label.length > 45) problems.push(`${where}: label must be 1-45 characters`);
    if (String(input.placeholder ?? '').length > 100)
      problems.push(`${where}: placeholder over 100 characters`);
    if (String(input.value ?? '').length > 4000) problems.push(`${where}: value over 4000 characters`);
    if (input.style !== 1 && input.style !== 2) problems.push(`${where}: style must be 1 or 2`);
  });
  return problems;
}

// Every candidate must be choosable on every ballot, however many there are (issue 9: the select was
// cut to 25 from each voter's shuffled order, so a different few were missing for each voter). Discord
// allows 25 options in a select and 5 action rows in a message, one of which holds the buttons; so the
// candidates are split into selects of 25, up to four selects a page, and pages beyond that.
import type { BallotOption } from '../../../src/core/index.js';
import type { Draft } from './ballot-draft.js';

export const OPTIONS_PER_SELECT = 25;
/** action rows left for selects: Discord allows 5, and the last holds the buttons */
export const SELECT_ROWS = 4;

/** One select's share of the candidates; `index` is stable across pages and names it in custom ids. */
export interface Chunk {
  index: number;
  options: BallotOption[];
}

export interface Page {
  chunks: Chunk[];
  /** this page, clamped to the pages there are */
  page: number;
  pages: number;
  /** how many chunks (selects of one kind) the whole list makes */
  totalChunks: number;
  /** the position in the list of the page's first and last candidate, counting from 1 */
  from: number;
  to: number;
  total: number;
}

export function chunksOf(options: readonly BallotOption[]): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < options.length; i += OPTIONS_PER_SELECT)
    out.push({ index: out.length, options: options.slice(i, i + OPTIONS_PER_SELECT) });
  return out;
}

/** Opinions need two selects (approve, oppose) per chunk; marks and ranks one. */
export function selectsPerChunk(d: Draft): number {
  return d.form.kind === 'opinions' ? 2 : 1;
}

/**
 * The candidates a select of this draft chooses from: for marks and opinions the whole list, so each
 * chunk keeps the same candidates while the voter picks; for a ranking those not ranked yet.
 */
export function selectable(d: Draft): BallotOption[] {
  return d.form.kind === 'ranking'
    ? d.form.options.filter((o) => !d.ranking.includes(o.number))
    : d.form.options;
}

export function pageOf(d: Draft): Page {
  const options = selectable(d);
  const chunks = chunksOf(options);
  // a ballot taking write-ins keeps a row for the member picker (R5, C4)
  const rows = SELECT_ROWS - (d.form.writeIns ? 1 : 0);
  const perPage = Math.max(1, Math.floor(rows / selectsPerChunk(d)));
  const pages = Math.max(1, Math.ceil(chunks.length / perPage));
  const page = Math.min(Math.max(0, d.page), pages - 1);
  const shown = chunks.slice(page * perPage, page * perPage + perPage);
  const from = shown.length > 0 ? shown[0].index * OPTIONS_PER_SELECT + 1 : 0;
  const to = shown.length > 0 ? from - 1 + shown.reduce((n, c) => n + c.options.length, 0) : 0;
  return { chunks: shown, page, pages, totalChunks: chunks.length, from, to, total: options.length };
}

/** The candidate numbers of chunk `index` of the whole list (marks and opinions), for replacing one select's picks. */
export function chunkNumbers(d: Draft, index: number): number[] {
  return (chunksOf(d.form.options)[index]?.options ?? []).map((o) => o.number);
}

/**
 * A select's new values replace what was picked in that select only, so picks in the other selects
 * (other chunks, other pages) stay. Values not in the chunk are ignored: the payload is the member's.
 */
export function replaceWithin(
  current: readonly number[],
  inChunk: readonly number[],
  values: readonly string[],
): number[] {
  const allowed = new Set(inChunk);
  const picked = values.map(Number).filter((n) => allowed.has(n));
  return [...current.filter((n) => !allowed.has(n)), ...picked];
}

// The platform-neutral reply model. Handlers build these; adapters render them (Block Kit, embeds,
// console text). Text is already translated for its reader. Member mentions are written `<@memberId>`
// (the form Slack and Discord both use); the console prints them as `@memberId`.

import type { ChartData } from '../../counting/types.js';
import type { PrintDocument } from './document.js';

export type Tone = 'info' | 'success' | 'warning' | 'error';

export interface Field {
  label: string;
  value: string;
  /**
   * Figures laid out in columns (a round table): shown in a fixed-width font across the whole message,
   * its lines and spaces kept as they are. Platforms that must split it split between lines.
   */
  mono?: boolean;
}

/** A button that runs a command when pressed. The pressing member comes from the platform payload. */
export interface Action {
  label: string;
  command: string;
  /** arguments as the command's schema takes them; never a member id of the actor */
  args: Record<string, string>;
  style?: 'primary' | 'danger';
}

/** One candidate as a voter sees it on a ballot; `number` is the canonical number used in `ballot.cast`. */
export interface BallotOption {
  number: number;
  name: string;
  statement?: string;
}

/**
 * A ballot to fill in. Options are in this voter's shuffled order (or the contest's fixed order).
 * Adapters submit the voter's choice as `ballot.cast` with `choices` in the form of `choicesSyntax`:
 *  - 'marks':    "2,5"                 (numbers of the marked candidates; "" = blank)
 *  - 'opinions': "1:+,2:-,3:0"        (+ approve, - oppose, 0 abstain; unlisted = abstain)
 *  - 'scores':   "1=5,2=3"             (candidate number = score)
 *  - 'criteria': "1=5/4/3,2=2/3/3"    (candidate number = score per criterion, in criteria order)
 *  - 'ranking':  "3>1>2"               (first preference first)
 */
export interface BallotForm {
  election: string;
  electionTitle: string;
  contest: string;
  contestName: string;
  kind: 'marks' | 'opinions' | 'scores' | 'criteria' | 'ranking';
  options: BallotOption[];
  /** marks: how many may be marked; ranking: how many ranks may be used */
  minChoices: number;
  maxChoices: number;
  allowBlank: boolean;
  scoreRange?: { min: number; max: number };
  criteria?: string[];
  /** short instruction in the voter's language */
  instructions: string;
  /** how many members not on the list may be written in (R5, C4); adapters send their ids as `writeIn` */
  writeIns?: number;
  /** the principal (member id) a proxy fills this ballot in for (C13); adapters send it back as `for` */
  for?: string;
}

export interface MessageBody {
  title?: string;
  text: string;
  fields?: Field[];
  actions?: Action[];
  /** one chart per contest of an announcement, in contest order */
  charts?: ChartData[];
  /**
   * A single chart, as bodies were written before `charts`: messages queued (and stored) then still
   * carry it. Read both through chartsOf; write `charts`.
   */
  chart?: ChartData;
  ballot?: BallotForm;
  /** files to download with the message: an export, a report as Markdown, JSON or PDF */
  files?: ReplyFile[];
  tone?: Tone;
}

/**
 * A file to download with a reply (an export, a report), with exactly one of `data` and `document`:
 * text or bytes as they are, or a PDF as the document to print, which each adapter prints with
 * adapters/shared (core has no PDF library). Replies are stored as JSON for platform retries, so core
 * itself only ever puts text and documents here.
 */
export interface ReplyFile {
  name: string;
  mime: string;
  data?: string | Uint8Array;
  document?: PrintDocument;
}

/** every chart a body carries, whichever way it was written */
export function chartsOf(body: Pick<MessageBody, 'chart' | 'charts'>): ChartData[] {
  return [...(body.chart ? [body.chart] : []), ...(body.charts ?? [])];
}

/** Where a command's immediate reply goes: visible to the channel it was typed in, or to the actor only. */
export type Visibility = 'channel' | 'only-you';

export interface Reply {
  visibility: Visibility;
  body: MessageBody;
}

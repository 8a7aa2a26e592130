// BallotForm -> a Slack modal. One input block per question so Slack can show an error beside the
// exact question (response_action 'errors' is keyed by block_id). Options keep the voter's shuffled
// order; values are the canonical candidate numbers that ballot.cast takes.
// Slack limits that shape this: radio buttons and checkboxes take at most 10 options (selects 100),
// option text 75 characters, a modal 100 blocks, private_metadata 3000 characters.

import type { BallotForm, BallotOption } from '../../../src/core/index.js';
import type { Block } from './blocks.js';
import { clip } from '../../shared/index.js';
import { escapeMrkdwn } from './mrkdwn.js';

export const BALLOT_CALLBACK = 'ballot.cast';
export const ACTION = 'v';

export interface BallotMeta {
  election: string;
  contest: string;
  kind: BallotForm['kind'];
  min: number;
  max: number;
  blank: boolean;
  criteria: number;
  /** scores and criteria: the range the selects offer (missing in modals opened before it was kept) */
  scoreRange?: { min: number; max: number };
  /** numbers of the candidates on this ballot, to know what "not listed" means */
  numbers: number[];
  /** the principal a proxy casts this ballot for (C13), sent back as ballot.cast's `for` */
  for?: string;
  /** members who may be written in (R5, C4); none when absent */
  writeIns?: number;
}

/** One input block per question; its block_id is where Slack shows that question's error. */
export const BLOCK = {
  marks: 'marks',
  rank: (rank: number) => `rank-${rank}`,
  opinion: (candidate: number) => `cand-${candidate}`,
  score: (candidate: number) => `score-${candidate}`,
  criterion: (candidate: number, index: number) => `crit-${candidate}-${index}`,
  writeIn: 'write-in',
};

/** the input blocks of a ballot modal, in the order they are shown */
function blockIds(meta: BallotMeta): string[] {
  return [...questionIds(meta), ...(meta.writeIns ? [BLOCK.writeIn] : [])];
}

function questionIds(meta: BallotMeta): string[] {
  switch (meta.kind) {
    case 'marks':
      return [BLOCK.marks];
    case 'opinions':
      return meta.numbers.map(BLOCK.opinion);
    case 'scores':
      return meta.numbers.map(BLOCK.score);
    case 'criteria':
      return meta.numbers.flatMap((n) =>
        Array.from({ length: meta.criteria }, (_, i) => BLOCK.criterion(n, i)),
      );
    case 'ranking':
      return Array.from({ length: Math.min(meta.max, meta.numbers.length) }, (_, i) => BLOCK.rank(i + 1));
  }
}

/**
 * The block a refusal from the core's selection check belongs beside: its field names a rank
 * ('rank.2'), a candidate ('candidate.3'), one of a candidate's criteria ('candidate.3.criterion.1')
 * or the whole ballot; what has no block of its own goes to the first question.
 */
export function blockIdOf(meta: BallotMeta, field: string): string {
  const blocks = blockIds(meta);
  const wanted = wantedBlock(meta, field);
  return wanted !== undefined && blocks.includes(wanted) ? wanted : blocks[0];
}

function wantedBlock(meta: BallotMeta, field: string): string | undefined {
  const rank = /^rank\.(\d+)$/.exec(field);
  if (rank) return BLOCK.rank(Number(rank[1]));
  const criterion = /^candidate\.(\d+)\.criterion\.(\d+)$/.exec(field);
  if (criterion) return BLOCK.criterion(Number(criterion[1]), Number(criterion[2]) - 1);
  const candidate = /^candidate\.(\d+)$/.exec(field);
  if (field === 'write-in') return BLOCK.writeIn;
  if (!candidate) return field === 'marks' ? BLOCK.marks : undefined;
  const n = Number(candidate[1]);
  switch (meta.kind) {
    case 'marks':
      return BLOCK.marks;
    case 'opinions':
      return BLOCK.opinion(n);
    case 'scores':
      return BLOCK.score(n);
    case 'criteria':
      return BLOCK.criterion(n, 0);
    case 'ranking':
      return undefined;
  }
}

export interface ViewTexts {
  submit: string;
  close: string;
  rank: (n: number) => string;
  approve: string;
  oppose: string;
  abstain: string;
  choose: string;
  writeIn: string;
}

export function ballotMeta(form: BallotForm): BallotMeta {
  return {
    election: form.election,
    contest: form.contest,
    kind: form.kind,
    min: form.minChoices,
    max: form.maxChoices,
    blank: form.allowBlank,
    criteria: form.criteria?.length ?? 0,
    ...(form.scoreRange ? { scoreRange: form.scoreRange } : {}),
    numbers: form.options.map((o) => o.number),
    ...(form.for ? { for: form.for } : {}),
    ...(form.writeIns ? { writeIns: form.writeIns } : {}),
  };
}

export function renderBallotView(form: BallotForm, t: ViewTexts): Record<string, unknown> {
  const blocks: Block[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${escapeMrkdwn(form.contestName)}*\n${escapeMrkdwn(form.instructions)}`,
      },
    },
    ...questionBlocks(form, t),
    // R5, C4: members not on the list, picked from the workspace (Slack gives their ids)
    ...(form.writeIns
      ? [
          input(
            BLOCK.writeIn,
            t.writeIn,
            { type: 'multi_users_select', action_id: ACTION, max_selected_items: form.writeIns },
            true,
          ),
        ]
      : []),
  ];
  return {
    type: 'modal',
    callback_id: BALLOT_CALLBACK,
    title: { type: 'plain_text', text: clip(form.electionTitle, 24) },
    submit: { type: 'plain_text', text: t.submit },
    close: { type: 'plain_text', text: t.close },
    private_metadata: JSON.stringify(ballotMeta(form)),
    blocks: blocks.slice(0, 100),
  };
}

function option(o: BallotOption, withDescription: boolean): Block {
  const opt: Block = { text: { type: 'plain_text', text: clip(o.name, 75) }, value: String(o.number) };
  if (withDescription && o.statement) opt.description = { type: 'plain_text', text: clip(o.statement, 75) };
  return opt;
}

function input(blockId: string, label: string, element: Block, optional: boolean): Block {
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: clip(label, 2000) },
    element,
    optional,
  };
}

function questionBlocks(form: BallotForm, t: ViewTexts): Block[] {
  const small = form.options.length <= 10;
  switch (form.kind) {
    case 'marks': {
      const single = form.maxChoices <= 1;
      const options = form.options.map((o) => option(o, small));
      const element: Block = single
        ? small
          ? { type: 'radio_buttons', action_id: ACTION, options }
          : { type: 'static_select', action_id: ACTION, options, placeholder: plain(t.choose) }
        : small
          ? { type: 'checkboxes', action_id: ACTION, options }
          : {
              type: 'multi_static_select',
              action_id: ACTION,
              options,
              max_selected_items: form.maxChoices,
              placeholder: plain(t.choose),
            };
      return [input(BLOCK.marks, form.contestName, element, form.allowBlank || form.minChoices === 0)];
    }
    case 'opinions':
      return form.options.map((o) =>
        input(
          BLOCK.opinion(o.number),
          o.name,
          {
            type: 'radio_buttons',
            action_id: ACTION,
            options: [
              { text: plain(t.approve), value: '+' },
              { text: plain(t.oppose), value: '-' },
              { text: plain(t.abstain), value: '0' },
            ],
            initial_option: { text: plain(t.abstain), value: '0' },
          },
          true,
        ),
      );
    case 'scores':
      return form.options.map((o) => input(BLOCK.score(o.number), o.name, scoreSelect(form, t), true));
    case 'criteria':
      return form.options.flatMap((o) =>
        (form.criteria ?? []).map((c, i) =>
          input(BLOCK.criterion(o.number, i), `${o.name}: ${c}`, scoreSelect(form, t), true),
        ),
      );
    case 'ranking': {
      const ranks = Math.min(form.maxChoices, form.options.length);
      return Array.from({ length: ranks }, (_, i) =>
        input(
          BLOCK.rank(i + 1),
          t.rank(i + 1),
          {
            type: 'static_select',
            action_id: ACTION,
            placeholder: plain(t.choose),
            options: form.options.map((o) => option(o, false)),
          },
          i >= form.minChoices,
        ),
      );
    }
  }
}

function scoreSelect(form: BallotForm, t: ViewTexts): Block {
  const { min, max } = form.scoreRange ?? { min: 0, max: 5 };
  const options: Block[] = [];
  for (let s = max; s >= min; s--) options.push({ text: plain(String(s)), value: String(s) });
  return { type: 'static_select', action_id: ACTION, placeholder: plain(t.choose), options };
}

function plain(text: string): Block {
  return { type: 'plain_text', text: clip(text, 75) };
}

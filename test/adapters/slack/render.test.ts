import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BallotForm } from '../../../src/core/index.js';
import { decodeActionId, encodeActionId } from '../../../adapters/slack/action-id.js';
import { readChoices } from '../../../adapters/slack/receive/ballot-choices.js';
import { ballotMeta, blockIdOf, renderBallotView } from '../../../adapters/slack/render/ballot-view.js';
import { renderBlocks } from '../../../adapters/slack/render/blocks.js';
import { escapeMrkdwn } from '../../../adapters/slack/render/mrkdwn.js';

const texts = {
  submit: 'Cast',
  close: 'Cancel',
  rank: (n: number) => `Choice ${n}`,
  approve: 'Approve',
  oppose: 'Oppose',
  abstain: 'Abstain',
  choose: 'Choose',
  writeIn: 'Write in another member',
};
const names = ['Ann', 'Bo', 'Cy', 'Di', 'Ed', 'Fa', 'Gu', 'Ha', 'Io', 'Jo', 'Ka', 'Li'];
function form(kind: BallotForm['kind'], n: number, extra: Partial<BallotForm> = {}): BallotForm {
  return {
    election: '3',
    electionTitle: 'Board',
    contest: '1',
    contestName: 'Chair',
    kind,
    options: names.slice(0, n).map((name, i) => ({ number: i + 1, name, statement: `I am ${name}` })),
    minChoices: 1,
    maxChoices: 1,
    allowBlank: false,
    instructions: 'Pick',
    ...extra,
  };
}
type Blk = {
  type: string;
  block_id?: string;
  element?: { type: string; options?: unknown[]; max_selected_items?: number };
};
const inputs = (f: BallotForm) =>
  (renderBallotView(f, texts).blocks as Blk[]).filter((b) => b.type === 'input');

describe('ballot modal rendering', () => {
  it("uses radio buttons for a single choice and a select past Slack's 10-option limit", () => {
    expect(inputs(form('marks', 5))[0].element!.type).toBe('radio_buttons');
    expect(inputs(form('marks', 12))[0].element!.type).toBe('static_select');
    const many = inputs(form('marks', 12, { maxChoices: 3 }))[0].element!;
    expect(many).toMatchObject({ type: 'multi_static_select', max_selected_items: 3 });
    expect(many.options).toHaveLength(12);
  });

  it('asks approve/oppose/abstain per candidate and one select per criterion', () => {
    expect(inputs(form('opinions', 3)).map((b) => b.block_id)).toEqual(['cand-1', 'cand-2', 'cand-3']);
    const judged = inputs(
      form('criteria', 2, { criteria: ['vision', 'record'], scoreRange: { min: 1, max: 5 } }),
    );
    expect(judged.map((b) => b.block_id)).toEqual(['crit-1-0', 'crit-1-1', 'crit-2-0', 'crit-2-1']);
    expect(judged[0].element!.options).toHaveLength(5);
  });

  it('never offers more ranks than candidates', () => {
    expect(inputs(form('ranking', 3, { maxChoices: 10 }))).toHaveLength(3);
  });
});

describe('reading a submitted ballot', () => {
  const sel = (v: string) => ({ v: { selected_option: { value: v } } });
  it('writes each ballot kind in the BallotForm syntax', () => {
    expect(readChoices(ballotMeta(form('opinions', 3)), { 'cand-1': sel('+'), 'cand-3': sel('-') })).toEqual({
      ok: true,
      choices: '1:+,2:0,3:-',
    });
    expect(
      readChoices(ballotMeta(form('scores', 3, { scoreRange: { min: 0, max: 9 } })), { 'score-2': sel('7') }),
    ).toEqual({ ok: true, choices: '2=7' });
    const crit = ballotMeta(form('criteria', 2, { criteria: ['a', 'b'] }));
    expect(readChoices(crit, { 'crit-2-0': sel('4'), 'crit-2-1': sel('5') })).toEqual({
      ok: true,
      choices: '2=4/5',
    });
    expect(readChoices(crit, { 'crit-1-0': sel('4') })).toEqual({
      ok: false,
      errors: { 'crit-1-1': { key: 'slack.ballot.criteria_incomplete' } },
    });
  });

  it('allows a blank marks ballot only where the contest allows it', () => {
    expect(readChoices(ballotMeta(form('marks', 3, { allowBlank: true })), {})).toEqual({
      ok: true,
      choices: '',
    });
    expect(readChoices(ballotMeta(form('marks', 3)), {})).toMatchObject({
      ok: false,
      errors: { marks: { key: 'slack.ballot.too_few' } },
    });
  });

  it("puts each of the core's refusals beside the input block it names", () => {
    const ranking = ballotMeta(form('ranking', 3, { maxChoices: 3 }));
    expect(blockIdOf(ranking, 'rank.2')).toBe('rank-2');
    expect(blockIdOf(ranking, 'ranks')).toBe('rank-1');
    // no such rank on this ballot: the first question
    expect(blockIdOf(ranking, 'rank.9')).toBe('rank-1');
    const crit = ballotMeta(form('criteria', 2, { criteria: ['a', 'b'] }));
    expect(blockIdOf(crit, 'candidate.2.criterion.2')).toBe('crit-2-1');
    expect(blockIdOf(crit, 'candidate.2')).toBe('crit-2-0');
    expect(blockIdOf(ballotMeta(form('opinions', 3)), 'candidate.3')).toBe('cand-3');
    expect(blockIdOf(ballotMeta(form('scores', 3)), 'choices')).toBe('score-1');
    expect(blockIdOf(ballotMeta(form('marks', 3)), 'candidate.2')).toBe('marks');
  });

  it("refuses too few ranks at the first rank left to fill, in the modal's words", () => {
    const meta = ballotMeta(form('ranking', 3, { maxChoices: 3, minChoices: 1 }));
    expect(readChoices(meta, {})).toEqual({
      ok: false,
      errors: { 'rank-1': { key: 'slack.ballot.too_few', params: { min: 1 } } },
    });
  });

  it('flags any repeated candidate in a ranking at its later rank (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }), {
          minLength: 6,
          maxLength: 6,
        }),
        (picks) => {
          const values: Record<string, unknown> = {};
          picks.forEach((p, i) => {
            if (p !== undefined) values[`rank-${i + 1}`] = sel(String(p));
          });
          const out = readChoices(
            ballotMeta(form('ranking', 6, { maxChoices: 6, minChoices: 0, allowBlank: true })),
            values as never,
          );
          const given = picks.filter((p) => p !== undefined);
          const hasDup = new Set(given).size !== given.length;
          expect(out.ok).toBe(!hasDup);
          if (out.ok) expect(out.choices).toBe(given.join('>'));
        },
      ),
    );
  });
});

describe('messages', () => {
  it('keeps mentions but defuses Slack control sequences in member-written text', () => {
    expect(escapeMrkdwn('<@U123> says <!channel> & <https://x|y>')).toBe(
      '<@U123> says &lt;!channel&gt; &amp; &lt;https://x|y&gt;',
    );
  });

  it('renders buttons whose ids carry only command and args', () => {
    const blocks = renderBlocks({
      text: 'Voting is open',
      actions: [{ label: 'Vote', command: 'ballot.get', args: { election: '3' }, style: 'primary' }],
    });
    const button = (blocks[1] as { elements: { action_id: string; style: string }[] }).elements[0];
    expect(button).toMatchObject({ action_id: 'ballot.get:election=3', style: 'primary' });
  });

  it('round-trips action ids, including awkward values', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.string({ maxLength: 12 }), { maxKeys: 3 }),
        (args) => {
          expect(decodeActionId(encodeActionId('ballot.get', args))).toEqual({ command: 'ballot.get', args });
        },
      ),
    );
  });
});

describe('logging', () => {
  it('never forwards Bolt debug output, which would contain submitted ballots', async () => {
    const { boltLogger } = await import('../../../adapters/slack/bolt-logger.js');
    const seen: string[] = [];
    const sink = {
      debug: (m: string) => seen.push(m),
      info: (m: string) => seen.push(m),
      warn: (m: string) => seen.push(m),
      error: (m: string) => seen.push(m),
    };
    const bolt = boltLogger(sink);
    bolt.debug(
      JSON.stringify({
        view: { state: { values: { 'rank-1': { v: { selected_option: { value: '3' } } } } } },
      }),
    );
    bolt.warn('socket reconnecting');
    expect(seen).toEqual(['socket reconnecting']);
  });
});

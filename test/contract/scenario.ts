// One whole election, written once against the ElectionDriver: every transport runs exactly this, and
// the test compares what each one produced. The expectations here are the platform-neutral ones (who
// was elected, who got which DM, who was refused); the comparison catches everything else.
import { expect } from 'vitest';
import type { ElectionDriver } from './driver.js';
import { masked, RECEIPT } from './normalise.js';

export const ROLL = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];
/** everyone who appears in the scenario: organiser, scrutineer, roll, and a member not on the roll */
export const MEMBERS = ['olga', 'sam', ...ROLL, 'mallory'];

/** who marks whom; erin changes her mind, and only her last ballot counts. frank does not vote. */
export const VOTES: [voter: string, candidate: string][] = [
  ['alice', 'alice'],
  ['bob', 'alice'],
  ['carol', 'dave'],
  ['dave', 'dave'],
  ['erin', 'dave'],
  ['erin', 'alice'],
];

const SETUP: [actor: string, command: string][] = [
  ['olga', 'create "Staff council 2026"'],
  ['olga', 'contest add 1 Chair 1 plurality'],
  ['olga', `roll add 1 ${ROLL.map((m) => `@${m}`).join(' ')}`],
  ['olga', 'scrutineer add 1 @sam'],
  ['olga', 'nominations open 1'],
  ['alice', 'nominate 1 Chair statement="Fair pay for all"'],
  ['bob', 'second 1 1'],
  ['carol', 'nominate 1 Chair @dave'],
  ['erin', 'second 1 2'],
  ['dave', 'accept 1 2'],
  ['frank', 'nominate 1 Chair'],
  ['carol', 'second 1 3'],
  ['olga', 'nominations close 1'],
  ['olga', 'review approve 1 1'],
  ['olga', 'review approve 1 2'],
  ['olga', 'review reject 1 3 not a paid-up member'],
  ['olga', 'candidates publish 1'],
  ['olga', 'voting open 1'],
];

const FINISH: [actor: string, command: string][] = [
  ['olga', 'voting close 1'],
  ['olga', 'count 1'],
  ['sam', 'count confirm 1'],
  ['olga', 'announce 1'],
];

const TROUBLE = /Something went wrong|needs fixing|not possible now|There is no|Only |not on the roll/;

export interface Results {
  turnout: string;
  votes: Record<string, number>;
  elected: string[];
}

/** everything the election left for members to see, normalised and with per-run values masked */
export interface ElectionOutcome {
  results: Results;
  /** each step's actor, what they typed (or 'vote for x'), and the answer they saw */
  answers: string[];
  /** per member, their DMs in the order they came, each as it reads at the end */
  dms: Record<string, string[]>;
  /** the channel's posts as they read at the end, each after the step that first posted it */
  channel: string[];
}

export async function runElection(d: ElectionDriver): Promise<ElectionOutcome> {
  const answers: [string, string, string][] = [];
  // Messages one command queues are claimed in no set order (outbox ids are random), so posts are
  // compared per step: the step that first posted each one (an edit keeps its place), then its text.
  const postedAt: number[] = [];
  const answered = async (actor: string, command: string, said: string) => {
    answers.push([actor, command, said]);
    const posts = await d.channelPosts();
    while (postedAt.length < posts.length) postedAt.push(answers.length);
  };
  const run = async (actor: string, command: string, expected: RegExp | 'ok' = 'ok') => {
    const said = await d.run(actor, command);
    if (expected === 'ok') expect(said, `${d.name}: ${actor} typed ${command}`).not.toMatch(TROUBLE);
    else expect(said, `${d.name}: ${actor} typed ${command}`).toMatch(expected);
    await answered(actor, command, said);
    return said;
  };

  for (const [actor, command] of SETUP) await run(actor, command);

  // the rejected nominee is told why, privately; the accepted candidates are told they stand
  expect((await d.dmsOf('frank')).join('\n')).toMatch(
    /nomination 3 .* was rejected\. Reason: not a paid-up member/,
  );
  expect((await d.dmsOf('dave')).join('\n')).toMatch(/was approved: you are a candidate/);

  // voting open: each member on the roll has exactly one ballot DM with a Vote button, nobody else has one
  const ballotDm = (m: string) => /^== Your ballot: Staff council 2026 ==\n[\s\S]*\n\[Vote\]$/.test(m);
  for (const m of MEMBERS)
    expect((await d.dmsOf(m)).filter(ballotDm), `${d.name}: ballot DMs of ${m}`).toHaveLength(
      ROLL.includes(m) ? 1 : 0,
    );

  // only an organiser may close voting, and a member off the roll cannot vote; neither changes anything
  await run('bob', 'voting close 1', /Only the election's organisers/);
  await run('mallory', 'vote 1', /not on the roll for this election.*Nothing was recorded/s);

  const receipts = new Map<string, string>();
  for (const [voter, candidate] of VOTES) {
    const said = await d.vote(voter, '1', [candidate]);
    const codes = [...new Set(said.match(RECEIPT))];
    expect(codes, `${d.name}: ${voter}'s ballot after the cast: ${said}`).toHaveLength(1);
    const code = codes[0];
    // the re-voter keeps her receipt: the code proves a ballot of hers is counted, whichever it is
    if (receipts.has(code)) expect(receipts.get(code)).toBe(voter);
    else {
      expect([...receipts.values()]).not.toContain(voter);
      receipts.set(code, voter);
    }
    expect(said.toLowerCase(), 'a cast answer never echoes the choice').not.toMatch(/alice|dave/);
    await answered(voter, `vote for ${candidate}`, said);
  }
  expect(answers.at(-1)![2]).toMatch(/replaces your earlier one/);

  // each voter has exactly one receipt DM, with their own code and nothing about the choice; the
  // re-voter's was edited to say her latest ballot is the one recorded
  const voters = [...new Set(VOTES.map(([v]) => v))];
  for (const m of MEMBERS) {
    const got = (await d.dmsOf(m)).filter((t) => /^== Your ballot receipt/.test(t));
    expect(got, `${d.name}: receipt DMs of ${m}`).toHaveLength(voters.includes(m) ? 1 : 0);
    if (got.length === 0) continue;
    const codes = got[0].match(RECEIPT) ?? [];
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(receipts.get(code), `${d.name}: the receipt in ${m}'s DM`).toBe(m);
    expect(got[0].toLowerCase()).not.toMatch(/\b(alice|dave)\b/);
    if (m === 'erin') expect(got[0]).toMatch(/with your latest change/);
  }
  expect(await d.dmsOf('mallory')).toEqual([]);

  for (const [actor, command] of FINISH) await run(actor, command);

  // the announcement is one post in the channel, with the chart
  const posts = await d.channelPosts();
  // an official notice: the election, its rules and dates first, then who confirmed the count
  const announced = posts.filter((p) =>
    /^== Results: Staff council 2026 ==\nOfficial notice of the result of election 1, Staff council 2026\. Rules: Teller’s defaults\. Voting opened .+ and closed .+\.\nCount confirmed/.test(
      p,
    ),
  );
  expect(announced, `${d.name}: results posts\n${posts.join('\n---\n')}`).toHaveLength(1);
  expect(announced[0]).toMatch(/\n\(chart\)$/);
  const results = resultsOf(announced[0]);
  expect(results).toEqual({
    turnout: 'eligible 6, ballots issued 6, cast 5 (83.3%)',
    votes: { alice: 3, dave: 2 },
    elected: ['alice'],
  });

  const dms: Record<string, string[]> = {};
  for (const m of MEMBERS) dms[m] = (await d.dmsOf(m)).map((t) => masked(t, receipts));
  return {
    results,
    // Slack cannot attach an image to a command's answer (a response carries no files), so charts are
    // compared where every platform shows them: in the channel's results post.
    answers: answers.map(
      ([actor, command, said]) =>
        `${actor}: ${command}\n${masked(said, receipts).replace(/\n\(chart\)$/, '')}`,
    ),
    dms,
    channel: posts.map((p, i) => `after step ${postedAt[i]}: ${masked(p, receipts)}`).sort(byStep),
  };
}

const byStep = (a: string, b: string) =>
  Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]) || (a < b ? -1 : a > b ? 1 : 0);

/** turnout, votes per candidate and the elected, read from a results post */
export function resultsOf(post: string): Results {
  const votes: Record<string, number> = {};
  for (const m of post.matchAll(/^ {2}(\S+): (\d+)( ✓)?$/gm)) votes[m[1]] = Number(m[2]);
  return {
    turnout: /Turnout: (.*)$/m.exec(post)?.[1] ?? '',
    votes,
    elected: (/^Elected: (.*)$/m.exec(post)?.[1] ?? '').split(', ').filter(Boolean),
  };
}

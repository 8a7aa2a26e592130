// A small stand-in for TellerCore: a registry of a few real-shaped commands, a miniature election
// (roll, one contest, ballots replaced on re-vote, receipts). The outbound queue and platform state are
// the adapter's own dependencies, made by the harness.
// It records every invocation so tests can check what the adapter dispatched.
import type {
  BallotForm,
  CommandSpec,
  ContestSummary,
  ElectionSummary,
  TimetableSummary,
  DispatchResult,
  Invocation,
  Reply,
  TellerCore,
} from '../../../src/core/index.js';
import discordCatalog from '../../../src/i18n/catalogs/discord.js';

const arg = (
  name: string,
  kind: CommandSpec['args'][number]['kind'],
  required: boolean,
  extra: object = {},
) => ({
  name,
  kind,
  required,
  positional: true,
  descriptionKey: `arg.${name}`,
  ...extra,
});

export const SPECS: CommandSpec[] = [
  {
    id: 'election.create',
    path: ['create'],
    summaryKey: 'cmd.election.create',
    args: [arg('title', 'text', true), arg('channel', 'channel', false)],
    access: 'creator',
    listed: true,
  },
  {
    id: 'election.list',
    path: ['list'],
    summaryKey: 'cmd.election.list',
    args: [],
    access: 'anyone',
    listed: true,
  },
  {
    id: 'voting.open',
    path: ['voting', 'open'],
    summaryKey: 'cmd.voting.open',
    args: [arg('election', 'election', true)],
    access: 'organiser',
    listed: true,
  },
  {
    id: 'election.show',
    path: ['show'],
    summaryKey: 'cmd.election.show',
    args: [arg('election', 'election', true)],
    access: 'anyone',
    listed: true,
  },
  {
    id: 'roll.add',
    path: ['roll', 'add'],
    summaryKey: 'cmd.roll.add',
    args: [arg('election', 'election', true), arg('members', 'members', true)],
    access: 'organiser',
    listed: true,
  },
  {
    id: 'roll.show',
    path: ['roll'],
    summaryKey: 'cmd.roll.show',
    args: [arg('election', 'election', true)],
    access: 'organiser',
    listed: true,
  },
  {
    id: 'election.contest.add',
    path: ['contest', 'add'],
    summaryKey: 'cmd.election.contest.add',
    args: [
      arg('election', 'election', true),
      arg('name', 'word', true),
      arg('seats', 'int', false, { min: 1, max: 50 }),
      arg('method', 'choice', false, { choices: ['plurality', 'irv', 'score'] }),
    ],
    access: 'organiser',
    listed: true,
  },
  {
    id: 'nomination.create',
    path: ['nominate'],
    aliases: ['nominate'],
    summaryKey: 'cmd.nomination.create',
    args: [arg('election', 'election', true), arg('contest', 'contest', true), arg('member', 'member', true)],
    access: 'anyone',
    listed: true,
  },
  {
    id: 'ballot.get',
    path: ['vote'],
    aliases: ['vote'],
    summaryKey: 'cmd.ballot.get',
    args: [arg('election', 'election', true), arg('contest', 'contest', false)],
    access: 'anyone',
    listed: true,
  },
  {
    id: 'ballot.cast',
    path: ['cast'],
    summaryKey: 'cmd.ballot.cast',
    args: [arg('election', 'election', true), arg('contest', 'contest', true), arg('choices', 'text', true)],
    access: 'anyone',
    listed: false,
  },
];

export interface MiniElection {
  number: string;
  title: string;
  kind: BallotForm['kind'];
  candidates: string[];
  roll: Set<string>;
  /** a proxy's ballot: the principal the real core names in the form (C13) */
  proxyFor?: string;
  /** members who may be written in (R5, C4) */
  writeIns?: number;
  /** member -> choices string; a stand-in for the core's link, which a real core keeps as an HMAC */
  ballots: Map<string, string>;
  receipts: Map<string, string>;
}

const ok = (reply: Reply): DispatchResult => ({ kind: 'ok', reply });
const say = (text: string, visibility: Reply['visibility'] = 'only-you'): Reply => ({
  visibility,
  body: { text },
});

export class FakeCore implements TellerCore {
  readonly commands = SPECS;
  /** adapters never run jobs; the composition root does */
  async runJobs(): Promise<number> {
    return 0;
  }
  /** the delivery progress reports the adapter passed on to the core */
  readonly deliveryReports: { electionId: string; purpose: string }[] = [];
  async reportDelivery(report: { electionId: string; purpose: string }): Promise<void> {
    this.deliveryReports.push(report);
  }
  readonly channelReaders: ((platformOrgId: string, channelId: string) => Promise<string[]>)[] = [];
  readChannelsWith(
    _platform: string,
    reader: (platformOrgId: string, channelId: string) => Promise<string[]>,
  ): void {
    this.channelReaders.push(reader);
  }
  readonly invocations: Invocation[] = [];
  /** the miniature elections, by number */
  readonly byNumber = new Map<string, MiniElection>();
  /** how long election.show takes, so a test can watch the adapter defer a slow command */
  slowMs = 0;
  /** how long a cast takes, so a test can press Cast again while the first is still being recorded */
  castDelayMs = 0;
  private receiptSeq = 0;

  translate(locale: string | undefined, key: string, params: Record<string, string | number> = {}): string {
    const lang = locale?.startsWith('zh') ? 'zh-Hans' : 'en';
    const text = (discordCatalog[lang] as Record<string, string>)[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
  }

  /** the core's read-only queries, over the miniature elections (one contest each, all open for voting) */
  async elections(_org: { platform: string; platformOrgId: string }): Promise<ElectionSummary[]> {
    return [...this.byNumber.values()].map((e) => ({
      number: Number(e.number),
      title: e.title,
      phase: 'voting',
    }));
  }
  async contests(q: { election: number }): Promise<ContestSummary[]> {
    return this.byNumber.has(String(q.election)) ? [{ number: 1, name: 'Chair' }] : [];
  }
  /** the miniature elections have no timetable; tests of the schedule form run on the real core */
  async timetable(): Promise<TimetableSummary | undefined> {
    return undefined;
  }

  addElection(e: Omit<MiniElection, 'ballots' | 'receipts'>): MiniElection {
    const full = { ...e, ballots: new Map(), receipts: new Map() };
    this.byNumber.set(e.number, full);
    return full;
  }

  async dispatch(inv: Invocation): Promise<DispatchResult> {
    this.invocations.push(structuredClone(inv));
    const args = inv.args as Record<string, unknown>;
    const e = this.byNumber.get(String(args.election ?? ''));
    switch (inv.command) {
      case 'election.create':
        if (!inv.actor.isAdmin)
          return { kind: 'forbidden', reply: say('Only server managers may create elections.') };
        return ok(say(`Created election "${String(args.title)}"`, 'channel'));
      case 'election.list':
        return ok({
          visibility: 'only-you',
          body: { text: [...this.byNumber.values()].map((x) => `#${x.number} ${x.title}`).join('\n') },
        });
      case 'election.show':
        await new Promise((r) => setTimeout(r, this.slowMs));
        return ok(say('slow done', 'channel'));
      case 'ballot.get':
        if (!e) return { kind: 'domain-error', code: 'election.not_found', reply: say('No such election.') };
        if (!e.roll.has(inv.actor.memberId))
          return {
            kind: 'domain-error',
            code: 'ballot.not_on_roll',
            reply: say('You are not on the roll for this election.'),
          };
        return ok({ visibility: 'only-you', body: { text: 'Your ballot', ballot: this.formOf(e) } });
      case 'ballot.cast':
        if (this.castDelayMs > 0) await new Promise((r) => setTimeout(r, this.castDelayMs));
        return this.cast(inv, e, String(args.choices ?? ''));
      case '':
        return { kind: 'unknown', reply: say('Commands: create, list, voting open, roll add') };
      default:
        return ok(say(`ran ${inv.command}`, 'channel'));
    }
  }

  formOf(e: MiniElection): BallotForm {
    const max = e.kind === 'ranking' ? e.candidates.length : 1;
    return {
      election: e.number,
      electionTitle: e.title,
      contest: '1',
      contestName: 'Chair',
      kind: e.kind,
      options: e.candidates.map((name, i) => ({ number: i + 1, name })),
      minChoices: e.kind === 'ranking' ? 1 : 1,
      maxChoices: max,
      allowBlank: false,
      ...(e.kind === 'scores' ? { scoreRange: { min: 0, max: 5 } } : {}),
      ...(e.kind === 'criteria' ? { criteria: ['Vision', 'Delivery'] } : {}),
      instructions: 'Fill in your ballot',
      ...(e.proxyFor ? { for: e.proxyFor } : {}),
      ...(e.writeIns ? { writeIns: e.writeIns } : {}),
    };
  }

  private cast(inv: Invocation, e: MiniElection | undefined, choices: string): DispatchResult {
    if (!e) return { kind: 'domain-error', code: 'election.not_found', reply: say('No such election.') };
    const member = inv.actor.memberId;
    if (!e.roll.has(member))
      return {
        kind: 'domain-error',
        code: 'ballot.not_on_roll',
        reply: say('You are not on the roll for this election.'),
      };
    // like the core: a ranking may be typed "3 1 2", "3, 1, 2" or "3>1>2", and is stored as "3>1>2"
    if (e.kind === 'ranking')
      choices = choices
        .trim()
        .split(/\s*[>,]\s*|\s+/)
        .filter(Boolean)
        .join('>');
    const numbers = choices
      .split(/[>,]/)
      .map((x) => (/^\d+/.test(x) ? Number(x.split(/[=:]/)[0]) : Number.NaN));
    if (choices === '' || numbers.some((n) => !(n >= 1 && n <= e.candidates.length))) {
      return {
        kind: 'domain-error',
        code: 'ballot.invalid_choices',
        reply: say('Those choices are not valid: pick at least one candidate.'),
      };
    }
    if (new Set(numbers).size !== numbers.length)
      return {
        kind: 'domain-error',
        code: 'ballot.duplicate_rank',
        reply: say('A candidate appears twice in your ranking.'),
      };
    e.ballots.set(member, choices);
    const receipt = e.receipts.get(member) ?? `R-${String(++this.receiptSeq).padStart(4, '0')}`;
    e.receipts.set(member, receipt);
    return ok({
      visibility: 'only-you',
      body: { text: `Your ballot was recorded. Receipt: ${receipt}`, tone: 'success' },
    });
  }
}

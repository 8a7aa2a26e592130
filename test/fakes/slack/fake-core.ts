// A stand-in TellerCore for adapter tests: dispatch records every invocation and answers through a
// replaceable handler; translate reads the Slack catalog. The outbound queue and platform state are the
// adapter's own dependencies, made by the harness.

import type {
  CommandSpec,
  ContestSummary,
  ElectionSummary,
  TimetableSummary,
  DispatchResult,
  Invocation,
  Reply,
  TellerCore,
} from '../../../src/core/index.js';
import slackCatalog from '../../../src/i18n/catalogs/slack.js';

export const SPECS: CommandSpec[] = [
  { id: 'help', path: ['help'], summaryKey: 'help', args: [], access: 'anyone', listed: true },
  {
    id: 'election.create',
    path: ['create'],
    summaryKey: 'Create election',
    access: 'anyone',
    listed: true,
    args: [
      { name: 'title', kind: 'text', required: true, descriptionKey: 'Title', positional: true },
      { name: 'channel', kind: 'channel', required: false, descriptionKey: 'Channel', positional: false },
    ],
  },
  {
    id: 'roll.add',
    path: ['roll', 'add'],
    summaryKey: 'Add voters',
    access: 'organiser',
    listed: true,
    args: [
      { name: 'election', kind: 'election', required: true, descriptionKey: 'Election', positional: true },
      { name: 'members', kind: 'members', required: true, descriptionKey: 'Members', positional: true },
    ],
  },
  {
    id: 'roll.import',
    path: ['roll', 'import'],
    summaryKey: 'Import voters',
    access: 'organiser',
    listed: true,
    args: [
      { name: 'election', kind: 'election', required: true, descriptionKey: 'Election', positional: true },
      { name: 'list', kind: 'text', required: true, descriptionKey: 'List', positional: true },
    ],
  },
  {
    id: 'nomination.create',
    path: ['nominate'],
    aliases: ['nominate'],
    summaryKey: 'Nominate',
    access: 'anyone',
    listed: true,
    args: [
      { name: 'election', kind: 'election', required: true, descriptionKey: 'Election', positional: true },
      { name: 'contest', kind: 'contest', required: true, descriptionKey: 'Contest', positional: true },
      { name: 'nominee', kind: 'member', required: true, descriptionKey: 'Nominee', positional: true },
      { name: 'statement', kind: 'text', required: false, descriptionKey: 'Statement', positional: true },
    ],
  },
  {
    id: 'nomination.reject',
    path: ['nomination', 'reject'],
    summaryKey: 'Reject nomination',
    access: 'organiser',
    listed: true,
    args: [
      { name: 'election', kind: 'election', required: true, descriptionKey: 'Election', positional: true },
      {
        name: 'nomination',
        kind: 'nomination',
        required: true,
        descriptionKey: 'Nomination',
        positional: true,
      },
      { name: 'reason', kind: 'text', required: true, descriptionKey: 'Reason', positional: true },
    ],
  },
  {
    id: 'ballot.get',
    path: ['vote'],
    aliases: ['vote'],
    summaryKey: 'Vote',
    access: 'anyone',
    listed: false,
    args: [
      { name: 'election', kind: 'election', required: true, descriptionKey: 'Election', positional: true },
      { name: 'contest', kind: 'contest', required: false, descriptionKey: 'Contest', positional: true },
    ],
  },
  {
    id: 'ballot.cast',
    path: ['cast'],
    summaryKey: 'Cast',
    access: 'anyone',
    listed: false,
    args: [
      { name: 'election', kind: 'election', required: true, descriptionKey: 'Election', positional: true },
      { name: 'contest', kind: 'contest', required: true, descriptionKey: 'Contest', positional: true },
      { name: 'choices', kind: 'text', required: true, descriptionKey: 'Choices', positional: true },
    ],
  },
];

export function ok(
  text: string,
  visibility: Reply['visibility'] = 'only-you',
  extra: Partial<Reply['body']> = {},
): DispatchResult {
  return { kind: 'ok', reply: { visibility, body: { text, ...extra } } };
}

export class FakeCore implements TellerCore {
  readonly invocations: Invocation[] = [];
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
  handler: (inv: Invocation) => DispatchResult | Promise<DispatchResult> = () => ok('done');

  /** the core's read-only queries: nothing to find here (the schedule form is tested on the real core) */
  async elections(): Promise<ElectionSummary[]> {
    return [];
  }
  async contests(): Promise<ContestSummary[]> {
    return [];
  }
  async timetable(): Promise<TimetableSummary | undefined> {
    return undefined;
  }

  async dispatch(inv: Invocation): Promise<DispatchResult> {
    this.invocations.push(structuredClone(inv));
    return this.handler(inv);
  }

  translate(locale: string | undefined, key: string, params: Record<string, string | number> = {}): string {
    const lang = locale?.startsWith('zh') ? 'zh-Hans' : 'en';
    const text = (slackCatalog[lang] as Record<string, string>)[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  }
}

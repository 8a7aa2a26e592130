// The local console: the same commands chat members type, typed in a terminal. `/as alice` switches
// who you are; replies, DMs and channel posts are printed, each labelled with where it went.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DeliveryQueue, DispatchResult, ReplyFile, TellerCore } from '../../src/core/index.js';
import { fileBytes } from '../shared/index.js';
import { plain, renderBody } from './render.js';

export interface ConsoleOptions {
  /** the outbound queue: the console prints what it holds for the console platform */
  delivery: DeliveryQueue;
  member: string;
  locale?: string;
  channel?: string;
  /** print DMs to other members (the demo turns this off to keep its output short) */
  showDms?: boolean;
  /** where files a reply carries (a report) are written; without it they are named and not saved */
  filesDir?: string;
  write(text: string): void;
}

export class ConsoleSession {
  member: string;
  locale: string | undefined;
  /** what the last command typed came to (the demo stops on anything but ok) */
  lastResult: DispatchResult | undefined;
  private readonly channel: string;
  /** `/vote` -> ballot.get: the registry's aliases, typed with a slash as on Slack and Discord */
  private readonly shortcuts: Map<string, string>;

  constructor(
    private readonly core: TellerCore,
    private readonly options: ConsoleOptions,
  ) {
    this.member = options.member;
    this.locale = options.locale;
    this.channel = options.channel ?? 'general';
    this.shortcuts = new Map(
      core.commands.flatMap((c) => (c.aliases ?? []).map((a) => [`/${a}`, c.id] as const)),
    );
  }

  /** Handle one typed line; false means the member asked to quit. */
  async handleLine(line: string): Promise<boolean> {
    const text = line.trim();
    if (text === '') return true;
    const [head, ...rest] = text.split(/\s+/);
    const tail = text.slice(head.length).trim();
    switch (head) {
      case '/quit':
      case '/exit':
        return false;
      case '/as':
        if (!/^@?[A-Za-z0-9_.-]{1,64}$/.test(tail)) {
          this.options.write('Usage: /as <member>, e.g. /as alice');
        } else {
          this.member = tail.replace(/^@/, '');
          this.options.write(`You are now @${this.member}.`);
        }
        return true;
      case '/lang':
        this.locale = rest[0];
        this.options.write(`Language: ${this.locale ?? 'default'}`);
        return true;
    }
    const command = head === '/election' ? '' : head === '/help' ? 'help' : this.shortcuts.get(head);
    if (command !== undefined) {
      const result = await this.dispatch(command, tail);
      this.lastResult = result;
      this.options.write(this.renderResult(result));
      for (const line of await this.saveFiles(result.reply.body.files)) this.options.write(line);
      await this.deliver();
      return true;
    }
    this.options.write(
      'Commands start with /election, /vote or /nominate. Try /election help, or /as <member> to switch member, /quit to leave.',
    );
    return true;
  }

  dispatch(command: string, text: string): Promise<DispatchResult> {
    return this.core.dispatch({
      platform: 'console',
      platformOrgId: 'console',
      orgName: 'Console',
      actor: {
        memberId: this.member,
        displayName: this.member,
        ...(this.locale ? { locale: this.locale } : {}),
      },
      channelId: this.channel,
      command,
      args: { text },
    });
  }

  renderResult(result: DispatchResult): string {
    const where =
      result.reply.visibility === 'channel'
        ? `[#${this.channel}] @${this.member}:`
        : `[only you, @${this.member}]`;
    return `${where}\n${renderBody(result.reply.body, this.core.commands)}`;
  }

  /**
   * A terminal cannot show a file: each is written into the data directory (a report's PDF printed
   * first), and its path printed. A later file of the same name replaces the earlier one.
   */
  async saveFiles(files: readonly ReplyFile[] | undefined): Promise<string[]> {
    const lines: string[] = [];
    for (const f of files ?? []) {
      const dir = this.options.filesDir;
      if (!dir) {
        lines.push(`(file: ${f.name}, not saved: no data directory)`);
        continue;
      }
      mkdirSync(dir, { recursive: true });
      // the name is Teller's own (election-3-report.pdf); basename-only all the same
      const path = resolve(join(dir, f.name.replace(/[/\\]/g, '_')));
      writeFileSync(path, await fileBytes(f));
      lines.push(`File: ${path}`);
    }
    return lines;
  }

  /** Print what the outbound queue holds for the console, and mark it delivered. */
  async deliver(): Promise<string[]> {
    const printed: string[] = [];
    for (;;) {
      const batch = await this.options.delivery.claim('console', 500, new Date(), 60_000);
      if (batch.length === 0) return printed;
      for (const m of batch) {
        const dest =
          m.destination.kind === 'dm'
            ? `[DM to @${m.destination.memberId}]`
            : `[#${m.destination.channelId}${m.replaces ? ', updated' : ''}]`;
        const text = `${dest}\n${renderBody(m.body, this.core.commands)}`;
        printed.push(text);
        if (m.destination.kind === 'channel' || this.options.showDms !== false) this.options.write(text);
        await this.options.delivery.markSent(m.id, `console:${m.id}`, new Date());
      }
    }
  }
}

export { plain };

// `npm run demo`: a whole election, typed through the console adapter on a throwaway in-memory
// database, ending with the announcement as the channel sees it.
import { randomBytes } from 'node:crypto';
import { ConsoleSession } from '../adapters/console/console.js';
import type { Config } from './config.js';
import { createLogger } from './logger.js';
import { buildTeller } from './main.js';

const MEMBERS = [
  'amy',
  'ben',
  'chen',
  'dara',
  'eli',
  'fang',
  'gus',
  'hana',
  'ivan',
  'jun',
  'kai',
  'lena',
  'mo',
  'nia',
  'omar',
  'pia',
  'quin',
  'rosa',
  'sol',
  'tao',
  'uma',
  'vic',
];

/** [member, what they type] — the script of the demo election. */
export const DEMO_SCRIPT: [string, string][] = [
  ['olga', '/election create "Branch committee 2026"'],
  ['olga', '/election configure 1 seconders=2 objection-days=3'],
  ['olga', '/election contest add 1 Secretary 1 plurality'],
  ['olga', '/election contest add 1 Committee 3 block'],
  ['olga', `/election roll import 1 ${MEMBERS.map((m) => `@${m}`).join(', ')}`],
  ['olga', '/election scrutineer add 1 @sam'],
  ['olga', '/election nominations open 1'],
  ['amy', '/nominate 1 Secretary statement="Ten years as a rep"'],
  ['ben', '/election second 1 1'],
  ['chen', '/election second 1 1'],
  ['dara', '/nominate 1 Secretary @eli'],
  ['fang', '/election second 1 2'],
  ['gus', '/election second 1 2'],
  ['eli', '/election accept 1 2'],
  ['hana', '/nominate 1 Committee'],
  ['ivan', '/election second 1 3'],
  ['jun', '/election second 1 3'],
  ['kai', '/nominate 1 Committee'],
  ['lena', '/election second 1 4'],
  ['mo', '/election second 1 4'],
  ['nia', '/nominate 1 Committee'],
  ['omar', '/election second 1 5'],
  ['pia', '/election second 1 5'],
  ['quin', '/nominate 1 Committee'],
  ['rosa', '/election second 1 6'],
  ['sol', '/election second 1 6'],
  ['tao', '/nominate 1 Committee'],
  ['uma', '/election second 1 7'],
  ['vic', '/election second 1 7'],
  ['olga', '/election nominations close 1'],
  ['olga', '/election review approve 1 1'],
  ['olga', '/election review approve 1 2'],
  ['olga', '/election review approve 1 3'],
  ['olga', '/election review approve 1 4'],
  ['olga', '/election review approve 1 5'],
  ['olga', '/election review reject 1 6 "not a paid-up member on the closing date"'],
  ['olga', '/election review approve 1 7'],
  ['olga', '/election candidates publish 1'],
  ['olga', '/election voting open 1'],
];

/** Canonical numbers: Secretary 1 = amy, 2 = eli; Committee 1 = hana, 2 = kai, 3 = nia, 4 = tao. */
const SECRETARY = [
  '1',
  '1',
  '2',
  '1',
  '2',
  '1',
  '1',
  '2',
  '1',
  '1',
  '2',
  '1',
  '',
  '1',
  '2',
  '1',
  '2',
  '1',
  '1',
  '2',
];
const COMMITTEE = [
  '1,2,3',
  '1,4',
  '2,3',
  '1,2,4',
  '3',
  '1,2',
  '2,3,4',
  '1',
  '1,3',
  '4',
  '1,2,3',
  '2',
  '3,4',
  '1,4',
  '',
  '1,2',
  '2,3',
  '1',
  '3',
  '1,2,4',
];

export function demoVotes(): [string, string][] {
  const lines: [string, string][] = [];
  MEMBERS.slice(0, 20).forEach((m, i) => {
    lines.push([m, `/election cast 1 1 ${SECRETARY[i]}`]);
    lines.push([m, `/election cast 1 2 ${COMMITTEE[i]}`]);
  });
  // a changed vote: ben switches his Secretary vote; the last ballot counts
  lines.push(['ben', '/election cast 1 1 2']);
  lines.push(['olga', '/election voting close 1']);
  lines.push(['olga', '/election count 1']);
  lines.push(['sam', '/election count confirm 1']);
  lines.push(['olga', '/election announce 1']);
  return lines;
}

export async function runDemo(config: Config, write: (text: string) => void): Promise<number> {
  const teller = await buildTeller(config, createLogger('error'), {
    databaseUrl: ':memory:',
    secret: randomBytes(32).toString('base64'),
  });
  try {
    const silent: string[] = [];
    const locale = config.consoleLocale;
    const session = new ConsoleSession(teller.core, {
      delivery: teller.delivery,
      member: 'olga',
      showDms: false,
      ...(locale ? { locale } : {}),
      write: (t) => silent.push(t),
    });
    const t = (key: string, params?: Record<string, string | number>) =>
      teller.core.translate(locale, key, params);
    const resultsTitle = `== ${t('result.title', { title: 'Branch committee 2026' })}`;
    for (const [member, line] of [...DEMO_SCRIPT, ...demoVotes()]) {
      session.member = member;
      const before = silent.length;
      await session.handleLine(line);
      const reply = silent[before] ?? '';
      if (session.lastResult?.kind !== 'ok') {
        write(`demo step failed: @${member} ${line}\n${reply}`);
        return 1;
      }
    }
    const announcement = [...silent]
      .reverse()
      .find((x) => x.startsWith('[#general]') && x.includes(resultsTitle));
    write(
      `Demo election: ${MEMBERS.length} members on the roll, 7 nominations (one rejected), 20 voters, one changed vote.\n`,
    );
    write(announcement ?? silent.slice(-1)[0]);
    return announcement ? 0 : 1;
  } finally {
    await teller.close();
  }
}

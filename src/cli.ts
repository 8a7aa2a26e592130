// `teller <command>`: start, migrate, demo, audit verify, tally, discord deploy-commands.
import { readFile } from 'node:fs/promises';
import { ConfigError, loadConfig, type Config } from './config.js';
import { runDemo } from './demo.js';
import { createLogger } from './logger.js';
import { buildTeller, deployDiscordCommands, openDatabase, withStore } from './main.js';
import { StartupError } from './startup-error.js';

const USAGE = `Usage: teller <command>
  start                      run Teller (Slack and/or Discord when configured, else the local console)
  migrate                    bring the database schema up to date
  demo                       run a whole example election and print the announcement
  audit verify [--election ID] [--expect COUNT:HEAD]
                             check every election's audit chain (or one, against its posted checkpoints)
  tally FILE --method M ...  count a ballot file (.blt, .csv, .json); see README
  discord deploy-commands [--guild ID]
                             register the slash commands with Discord (one guild, or global)
  help                       this text`;

async function auditVerify(config: Config, args: string[]): Promise<number> {
  const { runAuditVerify } = await import('./cli/audit-verify.js');
  return withStore(config, (store) =>
    runAuditVerify(store, args, { out: (l) => console.log(l), err: (l) => console.error(l) }),
  );
}

async function deployDiscord(config: Config, args: string[]): Promise<number> {
  const i = args.indexOf('--guild');
  const guild = i >= 0 ? args[i + 1] : undefined;
  if (i >= 0 && !/^\d{5,25}$/.test(guild ?? '')) {
    console.error('--guild takes a server (guild) id, e.g. --guild 123456789012345678');
    return 2;
  }
  if (!config.discord) {
    console.error('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to deploy Discord commands.');
    return 2;
  }
  const teller = await buildTeller(config, createLogger(config.logLevel));
  try {
    const result = await deployDiscordCommands(teller, config, guild);
    console.log(
      `Deployed ${result.deployed.length} command(s) ${result.scope === 'guild' ? `to guild ${guild}` : 'globally'}: ${result.deployed.join(', ')}`,
    );
    return 0;
  } finally {
    await teller.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (e) {
    // a setting or database the operator must fix: one sentence, no stack trace
    if (!(e instanceof StartupError)) throw e;
    console.error(e instanceof ConfigError ? `Configuration error:\n${e.message}` : e.message);
    return e.exitCode;
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'tally') {
    const { runTally } = await import('./cli/tally.js');
    return runTally(rest, {
      readFile: (p) => readFile(p),
      out: (s) => process.stdout.write(s),
      err: (s) => process.stderr.write(s),
    });
  }
  if (command === undefined || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  const config = loadConfig(process.env);
  switch (command) {
    case 'start':
      return (await import('./start.js')).start(config);
    case 'migrate': {
      const { database, applied } = await openDatabase(config);
      await database.close();
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
      return 0;
    }
    case 'demo':
      return runDemo(config, (t) => console.log(t));
    case 'audit':
      if (rest[0] === 'verify') return auditVerify(config, rest.slice(1));
      break;
    case 'discord':
      if (rest[0] === 'deploy-commands') return deployDiscord(config, rest.slice(1));
      break;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exitCode = 1;
  },
);

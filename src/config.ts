// The environment, parsed once. Every variable Teller reads is here (and in the README).
import { z } from 'zod';
import { StartupError } from './startup-error.js';

const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

export const SUPPORTED_DATABASES =
  'a postgres:// or postgresql:// URL, a SQLite file path (optionally written sqlite:path or file:path), or :memory:';

/** A URL scheme Teller would otherwise mistake for part of a SQLite file name (mysql://… became ./mysql:/…). */
function checkDatabaseUrl(url: string, ctx: z.RefinementCtx): void {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'sqlite' || scheme === 'file') return;
  if (scheme !== 'postgres' && scheme !== 'postgresql') {
    ctx.addIssue({
      code: 'custom',
      message: `${scheme}:// is not a database Teller supports; use ${SUPPORTED_DATABASES}`,
    });
    return;
  }
  try {
    new URL(url);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message:
        'not a valid PostgreSQL URL (postgres://user:password@host:5432/database; percent-encode special characters in the password)',
    });
  }
}

const schema = z.object({
  DATABASE_URL: optional.superRefine((v, ctx) => (v === undefined ? undefined : checkDatabaseUrl(v, ctx))),
  TELLER_DATA_DIR: optional.transform((v) => v ?? './data'),
  TELLER_SECRET: optional.pipe(z.string().min(16, 'TELLER_SECRET must be at least 16 characters').optional()),
  TELLER_LOCALE: optional,
  TELLER_MEMBER: optional,
  LOG_LEVEL: z.enum(['debug', 'info', 'error', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  SLACK_STATE_SECRET: optional,
  SLACK_API_URL: optional.pipe(z.url().optional()),
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional,
  DISCORD_API_URL: optional.pipe(z.url().optional()),
  DISCORD_PUBLIC_KEY: optional,
  DISCORD_INTERACTIONS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  databaseUrl: string;
  /** which variable chose databaseUrl, so a start-up error names the one to change (DATABASE_URL when absent) */
  databaseSetting?: 'DATABASE_URL' | 'TELLER_DATA_DIR';
  dataDir: string;
  secret?: string;
  consoleLocale?: string;
  consoleMember: string;
  logLevel: Env['LOG_LEVEL'];
  slack?: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    clientId?: string;
    clientSecret?: string;
    stateSecret?: string;
    apiUrl?: string;
    port: number;
  };
  discord?: {
    token: string;
    applicationId: string;
    apiUrl?: string;
    publicKey?: string;
    interactionsPort?: number;
  };
}

/** A setting that is wrong on its face; like every StartupError it stops Teller with status 2. */
export class ConfigError extends StartupError {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('\n'));
  }
  const e = parsed.data;
  const slackWanted = Boolean(e.SLACK_BOT_TOKEN || e.SLACK_CLIENT_ID || e.SLACK_APP_TOKEN);
  if (slackWanted && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET is required for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  if (e.SLACK_CLIENT_ID && (!e.SLACK_CLIENT_SECRET || !e.SLACK_STATE_SECRET)) {
    throw new ConfigError(
      'SLACK_CLIENT_ID needs SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for the OAuth install flow',
    );
  }
  if (Boolean(e.DISCORD_TOKEN) !== Boolean(e.DISCORD_APPLICATION_ID)) {
    throw new ConfigError('DISCORD_TOKEN and DISCORD_APPLICATION_ID go together');
  }
  return {
    databaseUrl: e.DATABASE_URL ?? `${e.TELLER_DATA_DIR.replace(/\/$/, '')}/teller.db`,
    databaseSetting: e.DATABASE_URL === undefined ? 'TELLER_DATA_DIR' : 'DATABASE_URL',
    dataDir: e.TELLER_DATA_DIR,
    ...(e.TELLER_SECRET ? { secret: e.TELLER_SECRET } : {}),
    ...(e.TELLER_LOCALE ? { consoleLocale: e.TELLER_LOCALE } : {}),
    consoleMember: e.TELLER_MEMBER ?? 'organiser',
    logLevel: e.LOG_LEVEL,
    ...(slackWanted
      ? {
          slack: {
            botToken: e.SLACK_BOT_TOKEN,
            signingSecret: e.SLACK_SIGNING_SECRET,
            appToken: e.SLACK_APP_TOKEN,
            clientId: e.SLACK_CLIENT_ID,
            clientSecret: e.SLACK_CLIENT_SECRET,
            stateSecret: e.SLACK_STATE_SECRET,
            apiUrl: e.SLACK_API_URL,
            port: e.PORT,
          },
        }
      : {}),
    ...(e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
      ? {
          discord: {
            token: e.DISCORD_TOKEN,
            applicationId: e.DISCORD_APPLICATION_ID,
            apiUrl: e.DISCORD_API_URL,
            publicKey: e.DISCORD_PUBLIC_KEY,
            interactionsPort: e.DISCORD_INTERACTIONS_PORT,
          },
        }
      : {}),
  };
}

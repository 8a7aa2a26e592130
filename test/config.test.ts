// DATABASE_URL is checked when the configuration is read, before anything is opened or created.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { StartupError } from '../src/startup-error.js';

describe('DATABASE_URL', () => {
  it.each([
    'mysql://teller:pw@db/teller',
    'mariadb://db/teller',
    'mongodb+srv://cluster/teller',
    'redis://cache',
    'HTTP://example.org/db',
  ])('refuses %s, naming the variable and what is supported', (url) => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: url });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).exitCode).toBe(2);
    const message = (error as Error).message;
    expect(
      message.startsWith(
        `DATABASE_URL: ${url.split(':')[0].toLowerCase()}:// is not a database Teller supports`,
      ),
    ).toBe(true);
    for (const form of ['postgres://', 'postgresql://', 'SQLite file path', 'sqlite:', 'file:', ':memory:'])
      expect(message).toContain(form);
    expect(message).not.toContain('pw');
  });

  it('refuses a PostgreSQL URL that does not parse', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://teller:p#ss@db:5432/teller' })).toThrow(
      /^DATABASE_URL: not a valid PostgreSQL URL/,
    );
  });

  it.each([
    ['postgres://u@db:5432/teller', 'postgres://u@db:5432/teller'],
    ['postgresql://u@db/teller?schema=branch', 'postgresql://u@db/teller?schema=branch'],
    ['POSTGRES://u@db/teller', 'POSTGRES://u@db/teller'],
    [':memory:', ':memory:'],
    ['./data/teller.db', './data/teller.db'],
    ['/var/lib/teller/teller.db', '/var/lib/teller/teller.db'],
    ['sqlite:./x.db', 'sqlite:./x.db'],
    ['sqlite:///var/lib/teller.db', 'sqlite:///var/lib/teller.db'],
    ['file:x.db', 'file:x.db'],
    ['backup:2026.db', 'backup:2026.db'],
  ])('keeps %s', (url, expected) => {
    const config = loadConfig({ DATABASE_URL: url });
    expect(config.databaseUrl).toBe(expected);
    expect(config.databaseSetting).toBe('DATABASE_URL');
  });

  it('defaults to teller.db in TELLER_DATA_DIR, and says so for error messages', () => {
    expect(loadConfig({ TELLER_DATA_DIR: '/srv/teller/' })).toMatchObject({
      databaseUrl: '/srv/teller/teller.db',
      databaseSetting: 'TELLER_DATA_DIR',
    });
    // an empty value means unset, not the root of the file system
    expect(loadConfig({ TELLER_DATA_DIR: '' })).toMatchObject({
      databaseUrl: './data/teller.db',
      dataDir: './data',
    });
  });
});

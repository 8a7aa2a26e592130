// ARCHITECTURE §3: the dependency rules, read from the import statements of every source file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  const abs = join(root, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

/** Every module a file imports or re-exports, resolved to a repo-relative path for relative imports. */
export function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
  return specs.map((s) =>
    s.startsWith('.') ? relative(root, resolve(dirname(join(root, file)), s)).replace(/\\/g, '/') : s,
  );
}

const usesEnv = (file: string) => /\bprocess\.env\b/.test(readFileSync(join(root, file), 'utf8'));

interface Rule {
  folder: string;
  allowed: (dep: string) => boolean;
  why: string;
}

const local = (dep: string) =>
  !/^[a-z@]/.test(dep) ||
  dep.startsWith('src/') ||
  dep.startsWith('adapters/') ||
  dep.startsWith('migrations/');
const pkg = (dep: string) =>
  dep
    .replace(/^node:/, 'node:')
    .split('/')
    .slice(0, dep.startsWith('@') ? 2 : 1)
    .join('/');

const rules: Rule[] = [
  {
    folder: 'src/core',
    allowed: (d) =>
      local(d)
        ? d.startsWith('src/core') || d.startsWith('src/counting') || d.startsWith('src/i18n')
        : ['zod', 'node:crypto'].includes(pkg(d)),
    why: 'core may import core, counting, i18n, zod and node:crypto only',
  },
  {
    folder: 'src/counting',
    allowed: (d) => local(d) && d.startsWith('src/counting'),
    why: 'counting is pure: it imports only itself',
  },
  {
    folder: 'src/storage',
    allowed: (d) =>
      local(d)
        ? d.startsWith('src/storage') ||
          d.startsWith('migrations') ||
          /^src\/core\/.*\.(types|ports)(\.js)?$/.test(d) ||
          d === 'src/core/kit/store.js' ||
          /^src\/(counting\/types|i18n\/catalog\.types)(\.js)?$/.test(d) ||
          d === 'src/core/index.js'
        : ['kysely', 'better-sqlite3', 'pg', 'node:fs', 'node:path', 'node:crypto'].includes(pkg(d)),
    why: 'storage may import core types and ports (and the type files they use, and kit/store: the Store and Tx of all ports), kysely and drivers',
  },
  {
    folder: 'migrations',
    allowed: (d) => (local(d) ? d.startsWith('migrations') : pkg(d) === 'kysely'),
    why: 'migrations import kysely only',
  },
];

const adapterRule = (name: string, sdk: string[], forbidden: string[]): Rule => ({
  folder: `adapters/${name}`,
  allowed: (d) =>
    local(d)
      ? d.startsWith(`adapters/${name}`) ||
        d.startsWith('adapters/shared') ||
        d === 'src/core/index.js' ||
        d === 'src/core/index'
      : !forbidden.some((f) => pkg(d) === f || d.startsWith(f)) &&
        (sdk.includes(pkg(d)) || d.startsWith('node:') || ['zod', 'ws', '@resvg/resvg-js'].includes(pkg(d))),
  why: `adapters/${name} may import core's public entry, adapters/shared and its own SDK`,
});

rules.push(
  adapterRule(
    'slack',
    ['@slack/bolt', '@slack/web-api', '@slack/socket-mode', '@slack/oauth', '@slack/types', '@slack/logger'],
    ['discord.js', '@discordjs', 'kysely', 'better-sqlite3', 'pg'],
  ),
  adapterRule(
    'discord',
    ['discord.js', '@discordjs/rest', '@discordjs/ws', '@discordjs/builders', 'discord-api-types'],
    ['@slack', 'kysely', 'better-sqlite3', 'pg'],
  ),
  adapterRule('console', [], ['@slack', 'discord.js', 'kysely', 'better-sqlite3', 'pg']),
  adapterRule('shared', [], ['@slack', 'discord.js', '@discordjs', 'kysely', 'better-sqlite3', 'pg']),
);

describe('import boundaries (ARCHITECTURE §3)', () => {
  for (const rule of rules) {
    it(`${rule.folder}: ${rule.why}`, () => {
      const offending: string[] = [];
      for (const file of files(rule.folder)) {
        for (const dep of importsOf(file)) if (!rule.allowed(dep)) offending.push(`${file} imports ${dep}`);
        if ((rule.folder === 'src/core' || rule.folder === 'src/counting') && usesEnv(file))
          offending.push(`${file} reads process.env`);
      }
      expect(offending).toEqual([]);
    });
  }

  it('finds the imports it checks (the rule cannot pass by reading nothing)', () => {
    expect(files('src/core').length).toBeGreaterThan(10);
    expect(importsOf('src/core/app/dispatch.ts')).toContain('src/core/shared/ids.js');
    const sample = rules[0];
    expect(sample.allowed('kysely')).toBe(false);
    expect(sample.allowed('src/storage/store.js')).toBe(false);
  });
});

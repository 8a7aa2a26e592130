// The dependency rules (ARCHITECTURE §3, docs/architecture.md), read from the import statements of every
// source file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  const abs = join(root, dir);
  try {
    if (statSync(abs).isFile()) return dir.endsWith('.ts') ? [dir] : [];
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
        (sdk.includes(pkg(d)) ||
          d.startsWith('node:') ||
          ['zod', 'ws', '@resvg/resvg-js', 'pdfkit'].includes(pkg(d))),
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

// What the code does today, written down so it stays that way (docs/architecture.md lists them).
const cli = (folder: string): Rule => ({
  folder,
  allowed: (d) => !local(d) || d.startsWith('src/') || d.startsWith('adapters/'),
  why: 'the command line may import src/* and adapters/* (it starts them)',
});
rules.push(
  {
    folder: 'src/i18n',
    allowed: (d) => local(d) && d.startsWith('src/i18n'),
    why: 'i18n imports only itself',
  },
  cli('src/cli'),
  cli('src/cli.ts'),
  {
    folder: 'src',
    allowed: (d) => !d.startsWith('bench/'),
    why: 'benchmarks may import anything, and nothing in src imports them',
  },
  {
    folder: 'adapters',
    allowed: (d) => !d.startsWith('bench/'),
    why: 'benchmarks may import anything, and nothing in adapters imports them',
  },
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

// The floors of src/core (docs/architecture.md), bottom to top. A file may import its own floor (its own
// module, on the module floor) and the floors below it, never above: so no module reaches up into the
// registry, and the registry is the only place that sees every module.
const CORE = 'src/core/';
/** The domain modules in their declared order: each may import only the ones before it. */
export const MODULES = [
  'orgs',
  'audit',
  'notices',
  'receipts',
  'elections',
  'roll',
  'nominations',
  'proxies',
  'ballots',
  'voting',
  'paper',
  'objections',
  'results',
  'reports',
  'archive',
  'help',
] as const;

interface Floor {
  rank: number;
  name: string;
  /** on the module floor: the module's place in MODULES */
  order?: number;
}

/** The floor a src/core file is on, or undefined for a file nobody placed (the test then fails). */
export function floorOf(file: string): Floor | undefined {
  const rel = file.slice(CORE.length).replace(/\.js$/, '.ts');
  if (rel === 'index.ts') return { rank: 5, name: 'index (public entry)' };
  const [top] = rel.split('/');
  if (!rel.includes('/')) return undefined;
  if (top === 'app') return { rank: 4, name: 'app' };
  if (top === 'kit') return { rank: 2, name: 'kit' };
  if (top === 'shared') return { rank: 0, name: 'shared' };
  if (/\.(types|ports)\.ts$/.test(rel)) return { rank: 1, name: 'types and ports' };
  const order = (MODULES as readonly string[]).indexOf(top);
  return order < 0 ? undefined : { rank: 3, name: `module ${top}`, order };
}

/** Why `file` may not import `dep`, or undefined when it may. */
export function floorViolation(file: string, dep: string): string | undefined {
  const from = floorOf(file);
  const to = floorOf(dep);
  if (!from || !to) return undefined;
  if (to.rank > from.rank) return `${file} (${from.name}) imports ${dep} (${to.name}), a higher floor`;
  if (from.order !== undefined && to.order !== undefined && to.order > from.order)
    return `${file} (${from.name}) imports ${dep} (${to.name}), a later module`;
  return undefined;
}

const coreFiles = () => files('src/core');
const coreImports = (file: string) =>
  importsOf(file)
    .filter((d) => d.startsWith(CORE))
    .map((d) => d.replace(/\.js$/, '.ts'));

/** Every import loop among `graph`'s files, each as the path around it. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

/** A command id's first word names its folder, singular or plural: election.* in elections/, proxy.* in proxies/. */
const singular = (w: string) => w.replace(/ies$/, 'y').replace(/s$/, '');
const sameWord = (word: string, folder: string) => singular(word) === singular(folder);

describe('the floors of src/core (docs/architecture.md)', () => {
  it('places every src/core file on a floor', () => {
    const unplaced = coreFiles().filter((f) => !floorOf(f));
    expect(unplaced, 'add the file to a module listed in MODULES, or to shared/, kit/ or app/').toEqual([]);
  });

  it('never imports a higher floor or a later module', () => {
    const offending = coreFiles().flatMap((f) => coreImports(f).flatMap((d) => floorViolation(f, d) ?? []));
    expect(offending).toEqual([]);
  });

  it('types and ports import other core files for their types only', () => {
    const offending: string[] = [];
    for (const file of coreFiles().filter((f) => floorOf(f)?.rank === 1)) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/^(import|export)\s+(?!type\b)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm))
        offending.push(`${file}: ${m[0].split('\n')[0]}`);
    }
    expect(offending).toEqual([]);
  });

  it('has no import loop', () => {
    const graph = new Map(coreFiles().map((f) => [f, coreImports(f)]));
    expect(importCycles(graph)).toEqual([]);
  });

  // Folders are the rooms a reader sees: a module's types and ports sit in its folder, so the kit must
  // not name them (each ports file adds its repositories to the kit's Tx instead), or the folders would
  // loop even while every file keeps to its floor.
  it('has no import loop between folders either', () => {
    const folderOf = (f: string) => f.slice(CORE.length).split('/').slice(0, -1).join('/') || 'index';
    const graph = new Map<string, string[]>();
    for (const f of coreFiles()) {
      const deps = graph.get(folderOf(f)) ?? [];
      for (const d of coreImports(f)) if (folderOf(d) !== folderOf(f)) deps.push(folderOf(d));
      graph.set(folderOf(f), deps);
    }
    expect(graph.size).toBeGreaterThan(10);
    expect(importCycles(graph)).toEqual([]);
  });

  it("files every command in the folder its id's first word names", async () => {
    const { COMMANDS } = await import('../src/core/app/registry.js');
    const commandFiles = coreFiles().filter((f) => f.endsWith('.commands.ts'));
    const definedIn = new Map<string, string>();
    for (const file of commandFiles) {
      const mod: Record<string, unknown> = await import(join(root, file));
      for (const value of Object.values(mod)) {
        const id = (value as { spec?: { id?: unknown } } | null)?.spec?.id;
        if (typeof id === 'string') definedIn.set(id, file);
      }
    }
    const offending: string[] = [];
    for (const { spec } of COMMANDS) {
      // a command the registry builds itself (help) is found by its literal id
      const file =
        definedIn.get(spec.id) ??
        commandFiles.find((f) => readFileSync(join(root, f), 'utf8').includes(`id: '${spec.id}'`));
      const folder = file?.slice(CORE.length).split('/')[0];
      if (!file || !folder || !sameWord(spec.id.split('.')[0], folder))
        offending.push(`${spec.id} is defined in ${file ?? 'no *.commands.ts file'}`);
    }
    expect(COMMANDS.length).toBeGreaterThan(30);
    expect(offending).toEqual([]);
  });

  it('tells a wrong import from a right one (the rules cannot pass by reading nothing)', () => {
    expect(floorOf('src/core/shared/result.ts')?.rank).toBe(0);
    expect(floorOf('src/core/elections/election.types.ts')?.rank).toBe(1);
    expect(floorOf('src/core/kit/define.ts')?.rank).toBe(2);
    expect(floorOf('src/core/voting/voting.commands.ts')).toMatchObject({ rank: 3, name: 'module voting' });
    expect(floorOf('src/core/app/dispatch.ts')?.rank).toBe(4);
    expect(floorOf('src/core/loose.ts')).toBeUndefined();
    expect(floorOf('src/core/newmodule/newmodule.service.ts')).toBeUndefined();
    expect(floorViolation('src/core/shared/result.ts', 'src/core/kit/define.js')).toMatch(/higher floor/);
    expect(floorViolation('src/core/elections/x.ts', 'src/core/ballots/y.js')).toMatch(/later module/);
    expect(floorViolation('src/core/ballots/y.ts', 'src/core/elections/x.js')).toBeUndefined();
    expect(floorViolation('src/core/app/dispatch.ts', 'src/core/index.js')).toMatch(/higher floor/);
    const loop = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(importCycles(loop)).toEqual(['a -> b -> c -> a']);
    expect(coreImports('src/core/app/registry.ts')).toContain('src/core/voting/voting.commands.ts');
  });
});

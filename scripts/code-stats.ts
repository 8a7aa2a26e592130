// `npm run stats [DIR]`: product files and the longest functions, read with the TypeScript parser, so
// a refactoring can say what it changed in numbers anyone can reproduce on any commit.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = process.argv[2] ?? process.cwd();
const productDirs = ['src', 'adapters'];

function tsFiles(dir: string): string[] {
  const abs = join(root, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(abs, f));
}

interface Fn {
  where: string;
  lines: number;
}

function functionsOf(file: string): Fn[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Fn[] = [];
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = lineOf(node.getStart(source));
      const lines = lineOf(node.getEnd()) - start + 1;
      found.push({ where: `${relative(root, file)}:${start}`, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = productDirs.flatMap(tsFiles);
const fns = files.flatMap(functionsOf).sort((a, b) => b.lines - a.lines);
const lines = files.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length, 0);
console.log(`product files (src/, adapters/): ${files.length}, ${lines} lines`);
console.log('longest functions (lines, where):');
for (const f of fns.slice(0, 5)) console.log(`  ${String(f.lines).padStart(4)}  ${f.where}`);

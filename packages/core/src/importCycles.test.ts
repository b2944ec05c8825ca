import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const sourceDir = new URL('./', import.meta.url);

/** Core's own modules (tests left out) and the core modules each one imports, type-only imports included. */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(sourceDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(new URL(file, sourceDir), 'utf8'), true, true);
    const local = importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith('./'))
      .map((name) => name.slice(2).replace(/\.js$/, '.ts'));
    graph.set(file, [...new Set(local)]);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the files around it. */
function importCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string) => {
    const at = path.indexOf(file);
    if (at >= 0) return void cycles.push([...path.slice(at), file]);
    if (done.has(file)) return;
    path.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return cycles;
}

describe('the core module graph', () => {
  it('has no import cycle, so each file can be read (and split) without the ones that import it', () => {
    expect(importCycles(importGraph()).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('would report a cycle', () => {
    const graph = new Map([
      ['decide.ts', ['appointmentsDecide.ts']],
      ['appointmentsDecide.ts', ['decide.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['decide.ts', 'appointmentsDecide.ts', 'decide.ts']]);
  });
});

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The production server sends reader pages without Next's hydration scripts (lib/page-cache), which
// is right only while nothing a reader page renders is a client component. This walks every import
// reachable from the reader site's routes and fails on the first 'use client'.
const root = path.resolve(import.meta.dirname, '../..');

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function clientModulesReachableFrom(entries: string[]): string[] {
  const seen = new Set<string>();
  const client: string[] = [];
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    if (/^\s*['"]use client['"]/m.test(source)) client.push(path.relative(root, file));
    for (const match of source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      // next/link is a client component too: harmless without scripts (it renders an anchor), but
      // every render pays for it as one, and reader pages have no scripts for it to serve.
      if ((match[1] ?? match[2]) === 'next/link') client.push(`${path.relative(root, file)} (next/link)`);
      const resolved = resolveImport(file, match[1] ?? match[2]!);
      if (resolved) queue.push(resolved);
    }
  }
  return client;
}

describe('reader pages', () => {
  it('render no client components, so they can be sent as plain HTML', () => {
    const entries = [...filesUnder(path.join(root, 'app/(site)')), path.join(root, 'app/layout.tsx')];
    expect(entries.length).toBeGreaterThan(10);
    expect(clientModulesReachableFrom(entries)).toEqual([]);
  });

  it('the check does find client components where they are', () => {
    const newsroom = clientModulesReachableFrom(filesUnder(path.join(root, 'app/(newsroom)')));
    expect(newsroom).toContain('components/editor/ArticleEditor.tsx');
    expect(newsroom.some((module) => module.endsWith('(next/link)'))).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The production server answers cache hits on a thread that loads no Next, React or Prisma
// (scripts/production-server.ts): loaded there, their hooks and patches cost every hit a third of
// its time. This follows the front's imports, as written, and fails if one of them comes back.
const root = path.resolve(import.meta.dirname, '../..');

function importsOf(file: string): { packages: Set<string>; files: Set<string> } {
  const packages = new Set<string>();
  const files = new Set<string>();
  const visit = (current: string) => {
    if (files.has(current)) return;
    files.add(current);
    for (const { fileName: specifier } of ts.preProcessFile(readFileSync(current, 'utf8'), true, true).importedFiles) {
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(current), specifier));
      else packages.add(specifier);
    }
  };
  visit(file);
  return { packages, files: new Set([...files].map((name) => path.relative(root, name))) };
}

describe("the production server's front thread", () => {
  it('imports no Next, React or Prisma, and not the database layer', () => {
    const front = importsOf(path.join(root, 'scripts/production-server.ts'));
    expect(front.files).toContain('lib/page-cache/index.ts');
    expect(front.files).toContain('lib/serving/admission.ts');
    const heavy = [...front.packages].filter((name) => /^(next|react|react-dom|@prisma\/|@tiptap\/)/.test(name));
    expect(heavy).toEqual([]);
    expect([...front.files].filter((file) => file === 'lib/db.ts' || file.startsWith('app/') || file.startsWith('server/'))).toEqual([]);
  });

  it('the renderer it starts is where Next and the kept rows are', () => {
    const renderer = importsOf(path.join(root, 'scripts/production-renderer.ts'));
    expect(renderer.packages).toContain('next');
    expect(renderer.files).toContain('lib/serving/apply-kept-rows-change.ts');
  });
});

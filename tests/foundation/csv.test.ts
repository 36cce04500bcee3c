// CSV downloads (audience numbers, subscribers): quoted where needed, and text that begins like a
// spreadsheet formula cannot run as one.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../lib/csv.ts';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(
      toCsv([
        ['headline', 'views'],
        ['=HYPERLINK("http://evil.example","Click")', '3'],
        ['Lunch, and more', '-1'],
        ['Two\nlines', '@x'],
      ]),
    ).toBe('headline,views\r\n"\'=HYPERLINK(""http://evil.example"",""Click"")",3\r\n"Lunch, and more",\'-1\r\n"Two\nlines",\'@x\r\n');
  });
});

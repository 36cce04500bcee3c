import { describe, expect, it } from 'vitest';
import { readerCacheOf } from '../../lib/tenants/reader-cache.ts';

describe('reader cache', () => {
  const school = { id: 'school-a', contentVersion: 1 };
  const counted = () => {
    const loads: string[] = [];
    return { loads, load: (value: string) => () => (loads.push(value), Promise.resolve(value)) };
  };

  it('answers a key from its first load until the school’s content version changes', async () => {
    const cache = readerCacheOf(10);
    const { loads, load } = counted();
    expect(await cache(school, 'k', load('one'))).toBe('one');
    expect(await cache(school, 'k', load('two'))).toBe('one');
    expect(await cache({ ...school, id: 'school-b' }, 'k', load('other school'))).toBe('other school');
    expect(await cache({ ...school, contentVersion: 2 }, 'k', load('three'))).toBe('three');
    expect(loads).toEqual(['one', 'other school', 'three']);
  });

  it('keeps at most its size, the least recently used leaving first, and never keeps a failure', async () => {
    const cache = readerCacheOf(2);
    const { loads, load } = counted();
    await cache(school, 'a', load('a'));
    await cache(school, 'b', load('b'));
    await cache(school, 'a', load('a again'));
    await cache(school, 'c', load('c'));
    // 'b' was the least recently used when 'c' came in.
    expect(await cache(school, 'a', load('a third time'))).toBe('a');
    expect(await cache(school, 'b', load('b again'))).toBe('b again');
    expect(loads).toEqual(['a', 'b', 'c', 'b again']);
    await expect(cache(school, 'failing', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache(school, 'failing', load('recovered'))).toBe('recovered');
  });

  it('keeps separate caches apart', async () => {
    const pages = readerCacheOf(1);
    const searches = readerCacheOf(1);
    const { loads, load } = counted();
    await pages(school, 'front', load('front'));
    await searches(school, 'q1', load('q1'));
    await searches(school, 'q2', load('q2'));
    expect(await pages(school, 'front', load('front again'))).toBe('front');
    expect(loads).toEqual(['front', 'q1', 'q2']);
  });
});

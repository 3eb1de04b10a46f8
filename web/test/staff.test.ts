import { afterEach, describe, expect, it, vi } from 'vitest';
import { mergeText } from '../src/staff/Amendments';
import { slugify } from '../src/staff/Topics';
import { waiting, waitingFor } from '../src/staff/Answers';
import { setLang } from '../src/i18n';
import { api } from '../src/api/client';

describe('conflict resolution', () => {
  const segments = [
    { kind: 'agreed' as const, text: 'Aperta ' },
    { kind: 'conflict' as const, base: 'la sera', current: 'la sera e la domenica', proposed: 'il sabato' },
    { kind: 'agreed' as const, text: '. Gestita ' },
    { kind: 'conflict' as const, base: 'dal Comune', current: 'dal quartiere', proposed: 'dalle associazioni' },
  ];

  it('prefills each conflict with the proposed text', () => {
    expect(mergeText(segments, {})).toBe('Aperta il sabato. Gestita dalle associazioni');
  });

  it('takes the chosen side of each conflict, leaving the agreed text as it is', () => {
    expect(mergeText(segments, { 1: 'current' })).toBe('Aperta la sera e la domenica. Gestita dalle associazioni');
    expect(mergeText(segments, { 1: 'current', 3: 'current' })).toBe('Aperta la sera e la domenica. Gestita dal quartiere');
  });
});

describe('a new category or area: its slug made from its name', () => {
  it('lower-cases, drops accents, and turns anything else into one hyphen', () => {
    expect(slugify('Mobilità dolce')).toBe('mobilita-dolce');
    expect(slugify('  Città   metropolitana – Est! ')).toBe('citta-metropolitana-est');
    expect(slugify("Sport e tempo libero (all'aperto)")).toBe('sport-e-tempo-libero-all-aperto');
    expect(slugify('Ÿ42')).toBe('y42');
  });

  it('keeps at most 60 characters, without a hyphen at either end', () => {
    const slug = slugify(`${'a'.repeat(59)} b`);
    expect(slug).toBe('a'.repeat(59));
    expect(slugify('---')).toBe('');
  });
});

describe('the proposals waiting for an answer', () => {
  afterEach(() => vi.restoreAllMocks());
  const items = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}` }));

  it('reads those over the threshold first, then the others, on as one list', async () => {
    // The API's pages, by `qualified` and cursor.
    const pages: Record<string, { items: { id: string }[]; next_cursor: string | null }> = {
      'true ': { items: items('q', 20), next_cursor: 'c1' },
      'true c1': { items: items('r', 5), next_cursor: null },
      'false ': { items: items('n', 15), next_cursor: 'c2' },
      'false c2': { items: items('o', 3), next_cursor: null },
    };
    const asked: Record<string, unknown>[] = [];
    vi.spyOn(api, 'get').mockImplementation((async (_path: string, init: { query: Record<string, unknown> }) => {
      asked.push(init.query);
      return pages[`${init.query.qualified} ${init.query.cursor ?? ''}`];
    }) as never);
    const load = waiting('bilancio');
    const signal = new AbortController().signal;

    const first = await load(undefined, signal);
    expect(first.items).toHaveLength(20);
    expect(first.next_cursor).toBe('qc1');
    // The qualified ones end: the others fill the page.
    const second = await load('qc1', signal);
    expect(second.items.map((i) => i.id)).toEqual([...items('r', 5), ...items('n', 15)].map((i) => i.id));
    expect(second.next_cursor).toBe('nc2');
    const third = await load('nc2', signal);
    expect(third.items.map((i) => i.id)).toEqual(['o0', 'o1', 'o2']);
    expect(third.next_cursor).toBeNull();
    expect(asked.map((q) => [q.qualified, q.cursor, q.limit])).toEqual([
      [true, undefined, 20],
      [true, 'c1', 20],
      [false, undefined, 15],
      [false, 'c2', 20],
    ]);
    for (const q of asked) expect(q).toMatchObject({ space: 'bilancio', state: 'published', sort: 'most_supported' });
  });
});

describe('how long a proposal has waited for an answer', () => {
  afterEach(() => vi.useRealTimers());

  it('counts whole days, in words that need no elision', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-09T10:00:00Z'));
    await setLang('it');
    expect(waitingFor('2026-03-09T08:00:00Z')).toBe('in attesa di risposta da oggi');
    expect(waitingFor('2026-03-08T09:00:00Z')).toBe('in attesa di risposta da 1 giorno');
    expect(waitingFor('2026-03-01T11:00:00Z')).toBe('in attesa di risposta da 7 giorni');
    await setLang('en');
    expect(waitingFor('2026-03-08T09:00:00Z')).toBe('awaiting an answer for 1 day');
    expect(waitingFor('2026-01-08T09:00:00Z')).toBe('awaiting an answer for 60 days');
    await setLang('it');
  });
});

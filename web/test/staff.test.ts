import { describe, expect, it } from 'vitest';
import { mergeText } from '../src/staff/Amendments';
import { slugify } from '../src/staff/Topics';

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

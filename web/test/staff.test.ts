import { describe, expect, it } from 'vitest';
import { mergeText } from '../src/staff/Amendments';

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

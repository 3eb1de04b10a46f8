// Which of Bootstrap Italia's selectors the build keeps (canMatch in
// vite.config.ts): one that names a class no source uses can match nothing
// and goes; anything it cannot be sure of stays.
import { describe, expect, it } from 'vitest';
import { canMatch } from '../vite.config';

const used = new Set(['btn', 'btn-primary', 'form-check', 'it-header-slim-wrapper']);

describe('canMatch', () => {
  it('keeps a selector whose classes are all used', () => {
    expect(canMatch('.btn.btn-primary:hover', used)).toBe(true);
    expect(canMatch('.form-check [type=checkbox]:focus+label', used)).toBe(true);
    expect(canMatch('.it-header-slim-wrapper > a', used)).toBe(true);
  });

  it('drops a selector naming an unused class, wherever it is', () => {
    expect(canMatch('.btn-secondary', used)).toBe(false);
    expect(canMatch('.bg-dark .btn', used)).toBe(false);
    expect(canMatch('.btn.btn-lg:focus', used)).toBe(false);
    expect(canMatch('.form-check .toggles label', used)).toBe(false);
  });

  it('keeps selectors without classes', () => {
    expect(canMatch('a:focus-visible', used)).toBe(true);
    expect(canMatch('#main:focus', used)).toBe(true);
    expect(canMatch('::file-selector-button', used)).toBe(true);
    expect(canMatch(':root', used)).toBe(true);
  });

  it('leaves what is in parentheses and attribute selectors alone', () => {
    // `:not(.unused)` matches everything else.
    expect(canMatch('[data-focus-mouse=true]:not(.it-card)', used)).toBe(true);
    expect(canMatch('p a:focus:not(:is([data-focus-mouse=true], .chip))', used)).toBe(true);
    expect(canMatch('label:has(input.lever)', used)).toBe(true);
    expect(canMatch('[class*=col-]', used)).toBe(true);
    expect(canMatch('.btn:nth-child(2n+1)', used)).toBe(true);
  });

  it('reads no class in numbers', () => {
    expect(canMatch('12.5%', used)).toBe(true);
  });
});

// Which of Bootstrap Italia's selectors the build keeps (canMatch in
// vite.config.ts): one that names a class no source uses can match nothing
// and goes; anything it cannot be sure of stays. And which declarations:
// one a later one overrides goes (dropOverridden).
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { canMatch, dropOverridden } from '../vite.config';

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

  it('drops a selector for something inside an element of a leaf class, and only that', () => {
    const withDark = new Set([...used, 'bg-dark', 'badge']);
    expect(canMatch('.bg-dark .btn-primary', withDark, ['bg-dark'])).toBe(false);
    expect(canMatch('.bg-dark>.btn', withDark, ['bg-dark'])).toBe(false);
    expect(canMatch('.form-check .bg-dark [type=checkbox]:focus+label.btn', withDark, ['bg-dark'])).toBe(false);
    expect(canMatch('.bg-dark:hover > a', withDark, ['bg-dark'])).toBe(false);
    // The leaf itself, its neighbours, and a longer class that starts alike.
    expect(canMatch('.bg-dark', withDark, ['bg-dark'])).toBe(true);
    expect(canMatch('a.badge:hover.bg-dark', withDark, ['bg-dark'])).toBe(true);
    expect(canMatch('.bg-dark + .btn', withDark, ['bg-dark'])).toBe(true);
    expect(canMatch('.bg-dark~.btn', withDark, ['bg-dark'])).toBe(true);
    expect(canMatch('.btn :not(.bg-dark .btn)', withDark, ['bg-dark'])).toBe(true);
    expect(canMatch('.bg-dark-subtle .btn', new Set([...withDark, 'bg-dark-subtle']), ['bg-dark'])).toBe(true);
  });

  it('reads no class in numbers', () => {
    expect(canMatch('12.5%', used)).toBe(true);
  });
});

describe('dropOverridden', () => {
  /** CSS as compared here: spaces run together, an empty block as `{}`. */
  const plain = (css: string) => css.replace(/\s+/g, ' ').replace(/\{ \}/g, '{}').trim();
  const kept = (css: string) => {
    const root = postcss.parse(css);
    dropOverridden(root);
    return plain(root.toString());
  };

  it('drops a declaration the same selectors declare again later', () => {
    expect(kept('h2, .h2 { font-size: calc(1rem + 1vw); margin: 0 } p { color: red } h2,.h2 { font-size: 2rem }')).toBe('h2, .h2 { margin: 0 } p { color: red } h2,.h2 { font-size: 2rem }');
    expect(kept('@media (min-width: 576px) { .a { color: red } } @media (min-width: 576px) { .a { color: blue } }')).toBe('@media (min-width: 576px) { .a {} } @media (min-width: 576px) { .a { color: blue } }');
    expect(kept('.btn { --bs-btn-color: red } .btn { --bs-btn-color: blue }')).toBe('.btn {} .btn { --bs-btn-color: blue }');
  });

  it('keeps what could still apply', () => {
    // Other selectors, another property, another at-rule: the first may win somewhere.
    for (const css of [
      '.a, .b { color: red } .a { color: blue }',
      '.a { padding: 0 } .a { padding-top: 1px }',
      '.a { color: red } @media (min-width: 576px) { .a { color: blue } }',
      '@media (min-width: 576px) { .a { color: red } } @media (min-width: 992px) { .a { color: blue } }',
      // An important declaration outweighs a later plain one.
      '.a { color: red !important } .a { color: blue }',
      // Twice in one rule: a fallback for browsers that ignore the second.
      '.a { display: block; display: grid }',
    ])
      expect(kept(css)).toBe(plain(css));
    expect(kept('.a { color: red } .a { color: blue !important }')).toBe('.a {} .a { color: blue !important }');
  });
});

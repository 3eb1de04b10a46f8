import { describe, expect, it } from 'vitest';
import { href, match, safeNext, type RouteName } from '../src/router';
import { routes } from '../src/routes';

describe('router', () => {
  it('matches the Italian addresses with their parameters', () => {
    expect(match('/')).toEqual({ name: 'home', params: {} });
    expect(match('/spazi/bilancio-2026')).toEqual({ name: 'space', params: { slug: 'bilancio-2026' } });
    expect(match('/proposte/EMD-PROP-2026-11-7')).toEqual({ name: 'proposal', params: { ref: 'EMD-PROP-2026-11-7' } });
    expect(match('/proposte/EMD-PROP-2026-11-7/versioni')?.name).toBe('versions');
    expect(match('/proposte/EMD-PROP-2026-11-7/versioni/3')).toEqual({ name: 'version', params: { ref: 'EMD-PROP-2026-11-7', n: '3' } });
    expect(match('/proposte/EMD-PROP-2026-11-7/confronto')?.name).toBe('compare');
    expect(match('/proposte/X/emenda')?.name).toBe('amend');
    expect(match('/proposte/X/verifica')?.name).toBe('verify');
    expect(match('/emendamenti/0190-abc')).toEqual({ name: 'amendment', params: { id: '0190-abc' } });
    expect(match('/nuova-proposta')?.name).toBe('newProposal');
    expect(match('/registro')?.name).toBe('audit');
    expect(match('/accedi')?.name).toBe('signIn');
    expect(match('/registrati')?.name).toBe('signUp');
    expect(match('/profilo')?.name).toBe('profile');
    expect(match('/staff/emendamenti')?.name).toBe('staffAmendments');
  });

  it('tolerates a trailing slash and refuses unknown paths', () => {
    expect(match('/registro/')?.name).toBe('audit');
    expect(match('/proposte')).toBeNull();
    expect(match('/proposte/X/altro')).toBeNull();
    expect(match('/nope')).toBeNull();
  });

  it('decodes parameters and survives malformed escapes', () => {
    expect(match('/spazi/caf%C3%A9')?.params.slug).toBe('café');
    expect(match('/spazi/%E0%A4%A')).toBeNull();
  });

  it('builds addresses with encoded parameters and the query string', () => {
    expect(href('compare', { ref: 'EMD-PROP-1' }, { da: 1, a: 7 })).toBe('/proposte/EMD-PROP-1/confronto?da=1&a=7');
    expect(href('version', { ref: 'EMD-PROP-1', n: '2' })).toBe('/proposte/EMD-PROP-1/versioni/2');
    expect(href('space', { slug: 'a b' }, { stato: '', pagina: undefined })).toBe('/spazi/a%20b');
    // An unknown name, or a missing parameter, does not compile; at run time the name throws.
    // @ts-expect-error: no such route
    expect(() => href('nope')).toThrow();
    // @ts-expect-error: the proposal's address needs its reference
    expect(href('proposal')).toBe('/proposte/');
  });

  it('round-trips every route', () => {
    for (const name of Object.keys(routes) as RouteName[]) {
      const path = href(name as 'proposal', { slug: 's', ref: 'R', id: 'i', n: '2' } as { ref: string });
      expect(match(path)?.name).toBe(name);
    }
  });

  it('has one route per address, each loading its screen from a chunk', () => {
    const paths = Object.values(routes).map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const r of Object.values(routes)) expect(typeof r.load).toBe('function');
    expect(Object.values(routes).filter((r) => 'messages' in r && r.messages === 'staff').map((r) => r.path)).toEqual([
      '/staff/emendamenti',
      '/staff/segnalazioni',
      '/staff/risposte',
      '/staff/categorie',
      '/staff/utenti',
    ]);
  });
});

describe('safeNext (where to go after signing in)', () => {
  const origin = 'https://emenda.example';
  it('follows a path of this site, with its query', () => {
    expect(safeNext('/proposte/x', origin)).toBe('/proposte/x');
    expect(safeNext('/proposte/EMD-PROP-2026-1/confronto?da=1&a=2', origin)).toBe('/proposte/EMD-PROP-2026-1/confronto?da=1&a=2');
  });
  it('refuses anything that could leave the site', () => {
    for (const next of ['/\\evil.com', '//evil.com', 'https://evil.com', '/\t/evil.com', '\\\\evil.com', 'javascript:alert(1)', '', undefined, null]) {
      expect(safeNext(next, origin), String(next)).toBe('/');
    }
  });
});

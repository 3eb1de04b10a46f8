import { describe, expect, it } from 'vitest';
import { renderMarkdown, safeUrl, sameOrigin } from '../src/markdown';

describe('markdown', () => {
  it('renders Markdown', () => {
    const html = renderMarkdown('# Titolo\n\n**grassetto** e [link](https://example.org)\n\n- uno\n- due');
    expect(html).toContain('<h3>Titolo</h3>');
    expect(html).toContain('<strong>grassetto</strong>');
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">link</a>');
    expect(html).toContain('<li>uno</li>');
  });

  it('never passes raw HTML through', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nciao <img src=x onerror=alert(1)> <b>x</b>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops dangerous link and image addresses', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('href');
    expect(renderMarkdown('[x](JaVaScRiPt:alert(1))')).not.toContain('href');
    expect(renderMarkdown('![x](data:image/svg+xml;base64,AAAA)')).not.toContain('<img');
    expect(renderMarkdown('[x](/proposte/A "t\\"x")')).toContain('href="/proposte/A"');
    expect(safeUrl('mailto:a@b.it')).toBe(true);
    expect(safeUrl('vbscript:x')).toBe(false);
    expect(safeUrl('#top')).toBe(true);
  });

  it('escapes attribute quotes in addresses', () => {
    const html = renderMarkdown('[x](https://e.org/"onmouseover="alert(1))');
    expect(html).not.toMatch(/"onmouseover=/);
  });

  it('turns images from other sites (blocked by the CSP) into links named by their alt text', () => {
    const outside = renderMarkdown('![Pianta del viale](https://example.org/pianta.png)');
    expect(outside).not.toContain('<img');
    expect(outside).toContain('<a href="https://example.org/pianta.png" rel="nofollow ugc noopener">Pianta del viale</a>');
    expect(renderMarkdown('![](http://example.org/x.png)')).toContain('>http://example.org/x.png</a>');
    expect(renderMarkdown('![x](//example.org/x.png)')).not.toContain('<img');
    const here = renderMarkdown(`![Logo](/static/logo.png) ![Qui](${location.origin}/a.png)`);
    expect(here).toContain('<img src="/static/logo.png" alt="Logo" loading="lazy">');
    expect(here).toContain(`<img src="${location.origin}/a.png" alt="Qui"`);
    expect(sameOrigin('/x', 'https://emenda.example')).toBe(true);
    expect(sameOrigin('https://evil.example/x', 'https://emenda.example')).toBe(false);
  });

  it('links bare web addresses and leaves bare e-mail addresses as text, as the server does', () => {
    const html = renderMarkdown('Vedi https://example.org/bando. E www.comune.it, o scrivi a ufficio@comune.it.');
    expect(html).toContain('<a href="https://example.org/bando" rel="nofollow ugc noopener">https://example.org/bando</a>.');
    expect(html).toContain('<a href="http://www.comune.it" rel="nofollow ugc noopener">www.comune.it</a>,');
    expect(html).toContain('scrivi a ufficio@comune.it.');
    expect(renderMarkdown('<ufficio@comune.it>')).toContain('href="mailto:ufficio@comune.it"');
  });
});

// Markdown from users rendered safely with `marked`, by the same rules as the
// server's renderer for its pages (crates/server/src/markdown.rs; the browser
// test markdown.test.mjs holds the two to one corpus): raw HTML is never
// passed through (every HTML token is escaped and shown as text), links and
// images keep only http(s), mailto and same-site addresses (an image from
// another site, which the CSP would block, becomes a link), and headings
// start at h3 so user text never breaks the page's outline.
import { Marked, type Tokens } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Whether an address is safe to link to. */
export function safeUrl(href: string): boolean {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return true;
  // Relative addresses (no scheme at all before the first / ? #).
  return !/^[^/?#]*:/.test(trimmed);
}

/** Whether an address points at this site (an image the CSP lets load). */
export function sameOrigin(href: string, origin: string = globalThis.location?.origin ?? 'http://localhost'): boolean {
  try {
    return new URL(href.trim(), origin).origin === origin;
  } catch {
    return false;
  }
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  tokenizer: {
    // Bare e-mail addresses stay text, as on the server (crates/server/src/markdown.rs):
    // only web addresses are linked. `false` hands anything else to marked's own rule.
    url(src: string) {
      return /^(?:mailto:|xmpp:)?[A-Za-z0-9._+-]+@/.test(src) ? undefined : false;
    },
  },
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(6, depth + 2);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      if (!safeUrl(href)) return text;
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(href)}"${t} rel="nofollow ugc noopener">${text}</a>`;
    },
    image({ href, title, text }: Tokens.Image) {
      if (!safeUrl(href)) return escapeHtml(text);
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      // The CSP lets images load from this site only (img-src 'self'): an
      // image from elsewhere would show broken, so it becomes a link to it,
      // named by its alt text.
      if (!sameOrigin(href)) return `<a href="${escapeHtml(href)}"${t} rel="nofollow ugc noopener">${escapeHtml(text.trim() || href)}</a>`;
      return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}"${t} loading="lazy">`;
    },
  },
});

/** HTML for untrusted Markdown. */
export function renderMarkdown(source: string): string {
  return marked.parse(source) as string;
}

// A list of proposals as cards: reference, state (badge with words), title,
// supports and comments; in search results, the passage that matched.
import type { ProposalSummary } from '../api/types';
import { contentLang, t, tn, formatDate } from '../i18n';
import { href } from '../router';
import { StateBadge } from './ui';

export function ProposalCards({ items, headingLevel = 3 }: { items: ProposalSummary[]; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="proposal-list list-unstyled row g-3">
      {items.map((p) => (
        <li key={p.id} class="col-12 col-lg-6">
          <article class="card card-bg">
            <div class="card-body">
              <div class="d-flex flex-wrap gap-2 align-items-center mb-2">
                <StateBadge state={p.state} />
                {p.qualified_at && <span class="badge bg-success">{t('list.qualified')}</span>}
                <span class="ref-code">{p.reference}</span>
              </div>
              <H class="card-title h5">
                <a href={href('proposal', { ref: p.reference })} lang={contentLang()}>
                  {p.title}
                </a>
              </H>
              {p.search?.snippet && (
                <p class="card-text small snippet" lang={contentLang()}>
                  {p.search.snippet.map((part, i) => (part.matched ? <mark key={i}>{part.text}</mark> : part.text))}
                </p>
              )}
              <p class="card-text mb-0">
                {tn('supports.count', p.supports_count)}{t('common.separator')}{tn('list.comments', p.comments_count)}{t('common.separator')}{t('list.version', { n: p.current_version })}{t('common.separator')}
                <time dateTime={p.created_at}>{formatDate(p.created_at)}</time>
              </p>
            </div>
          </article>
        </li>
      ))}
    </ul>
  );
}

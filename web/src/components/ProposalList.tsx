// A list of proposals as cards: reference, state (badge with words), title,
// its category and area by name, supports and comments; in search results,
// the passage that matched.
import type { ProposalSummary, Space } from '../api/types';
import { contentLang, t, tn, formatDate } from '../i18n';
import { href } from '../router';
import { StateBadge, tContent } from './ui';

/** The spaces whose lists name the cards' categories and areas (a card carries their slugs only). */
export type TopicLists = Pick<Space, 'id' | 'categories' | 'areas'>[];

/** The name of the topic `slug` in `list`, if the space still has it. */
const named = (list: Space['categories'] | undefined, slug: string | null | undefined) => (slug ? list?.find((x) => x.slug === slug)?.name : undefined);

export function ProposalCards({ items, headingLevel = 3, spaces = [] }: { items: ProposalSummary[]; headingLevel?: 2 | 3; spaces?: TopicLists }) {
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
              <Topics proposal={p} space={spaces.find((s) => s.id === p.space_id)} />
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

/** "Categoria: Verde pubblico · Zona: Bolognina", each where the proposal has one. */
function Topics({ proposal, space }: { proposal: ProposalSummary; space?: TopicLists[number] }) {
  const category = named(space?.categories, proposal.category);
  const area = named(space?.areas, proposal.area);
  if (!category && !area) return null;
  return (
    <p class="card-text small mb-2 topics">
      {category && <span>{tContent('topic.categoryIs', { name: category })}</span>}
      {category && area && t('common.separator')}
      {area && <span>{tContent('topic.areaIs', { name: area })}</span>}
    </p>
  );
}

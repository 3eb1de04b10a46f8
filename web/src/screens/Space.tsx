// A space: description, the settings that matter to a citizen, and its
// proposals with filters (category, area, state, qualified, sort, words)
// and cursor pages, all in the query string so a shared link opens the
// same list. The names of the categories and areas come with the space:
// the page still reads the space and one page of its proposals.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Query } from '../api/paths';
import type { Space as SpaceT } from '../api/types';
import { contentLang, formatDate, t, tn, type Key } from '../i18n';
import { useQuery } from '../hooks';
import { href, navigate } from '../router';
import { renderMarkdown } from '../markdown';
import { announce, Breadcrumb, ErrorAlert, Loading, PageTitle, ErrorPage } from '../components/ui';
import { ProposalCards } from '../components/ProposalList';
import * as may from '../policy';

type Filters = Query<'get', '/api/v1/proposals'>;

const STATES = ['published', 'evaluating', 'accepted', 'rejected', 'withdrawn'];
const SORTS = ['recent', 'most_supported', 'most_commented'];
/** With a search, "relevance" comes first and is the default. */
const SEARCH_SORTS = ['relevance', ...SORTS];

export function SpaceSettings({ space }: { space: SpaceT }) {
  const s = space.settings;
  const items: string[] = [
    t(s.proposals_open ? 'space.proposalsOpen' : 'space.proposalsClosed'),
    t(s.supports_open ? 'space.supportsOpen' : 'space.supportsClosed'),
  ];
  if (s.support_threshold > 0) items.push(t('space.threshold', { n: s.support_threshold }));
  if (s.support_limit_per_user > 0) items.push(t('space.limit', { n: s.support_limit_per_user }));
  if (s.verification_required_to_support) items.push(t('space.verification'));
  if (s.amendments_open) items.push(t('space.amendmentsOpen'));
  return (
    <ul class="space-settings">
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}

/** A day of a phase ("2026-12-07"), in words; read at midday so no time zone moves it. */
const day = (date: string) => formatDate(`${date}T12:00:00Z`);

/** The process's phases in order, with their dates; the one under way marked in words and colour. */
function Phases({ space }: { space: SpaceT }) {
  if (space.phases.length === 0) return null;
  return (
    <section aria-labelledby="phases-title" class="mb-4">
      <h2 id="phases-title" class="h5">
        {t('space.phases')}
      </h2>
      <ol class="phase-list">
        {space.phases.map((phase, i) => (
          <li key={`${i}-${phase.name}`} class={i === space.current_phase ? 'current' : undefined} aria-current={i === space.current_phase ? 'step' : undefined}>
            <span lang={contentLang()}>{phase.name}</span>
            {' – '}
            {phase.ends_on ? t('space.phaseDates', { from: day(phase.starts_on), to: day(phase.ends_on) }) : t('space.phaseFrom', { from: day(phase.starts_on) })}
            {i === space.current_phase && <strong> {t('space.phaseNow')}</strong>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A filter by one of the space's topic lists (categories or areas), "Tutte" first. */
function TopicFilter({ id, name, label, topics, value, onChange }: { id: string; name: string; label: string; topics: SpaceT['categories']; value: string; onChange: (v: string) => void }) {
  return (
    <div class="col-sm-6 col-lg-4">
      <label for={id} class="form-label active">
        {label}
      </label>
      <select id={id} name={name} class="form-control" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('topic.any')}</option>
        {topics.map((x) => (
          <option key={x.slug} value={x.slug} lang={contentLang()}>
            {x.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Space({ slug, query }: { slug: string; query: URLSearchParams }) {
  const state = query.get('stato') ?? '';
  const qualified = query.get('soglia') ?? '';
  const words = query.get('cerca') ?? '';
  const category = query.get('categoria') ?? '';
  const area = query.get('zona') ?? '';
  const sort = query.get('ordine') ?? (words ? 'relevance' : 'recent');
  const cursor = query.get('pagina') ?? '';
  const space = useQuery('/api/v1/spaces/{slug}', { path: { slug } });
  const list = useQuery('/api/v1/proposals', {
    // The address may hold any value: it is sent as it is, and the
    // server's refusal of one it does not know is shown.
    query: {
      space: slug,
      state: (state || undefined) as Filters['state'],
      qualified: qualified === 'si' ? true : qualified === 'no' ? false : undefined,
      sort: sort as Filters['sort'],
      q: words || undefined,
      category: category || undefined,
      area: area || undefined,
      cursor,
      limit: 20,
    },
  });
  const defaultSort = (q: string) => (q ? 'relevance' : 'recent');
  const listHref = (changes: Record<string, string | undefined>) =>
    href('space', { slug }, { cerca: words, categoria: category, zona: area, stato: state, soglia: qualified, ordine: sort === defaultSort(words) ? undefined : sort, ...changes });

  const [fState, setFState] = useState(state);
  const [fQualified, setFQualified] = useState(qualified);
  const [fSort, setFSort] = useState(sort);
  const [fWords, setFWords] = useState(words);
  const [fCategory, setFCategory] = useState(category);
  const [fArea, setFArea] = useState(area);
  // Back and forward change the address: the form follows it.
  useEffect(() => {
    setFState(state);
    setFQualified(qualified);
    setFSort(sort);
    setFWords(words);
    setFCategory(category);
    setFArea(area);
  }, [state, qualified, sort, words, category, area]);
  // After the filters change, how many proposals they found is said once the list is in.
  const filtered = useRef(false);
  const onFilter = (event: Event) => {
    event.preventDefault();
    const q = fWords.trim();
    // A new search starts in its own default order; "relevance" needs words.
    const order = q !== words ? defaultSort(q) : fSort === 'relevance' && !q ? 'recent' : fSort;
    filtered.current = true;
    navigate(listHref({ cerca: q || undefined, categoria: fCategory, zona: fArea, stato: fState, soglia: fQualified, ordine: order === defaultSort(q) ? undefined : order, pagina: undefined }));
  };
  const found = list.data && (list.data.items.length === 0 ? t('list.empty') : t(list.data.next_cursor ? 'list.countMore' : 'list.count', { n: list.data.items.length }));
  useEffect(() => {
    if (filtered.current && found && !list.loading) {
      filtered.current = false;
      announce(found);
    }
  }, [list.data, list.loading]);

  if (space.error) return <ErrorPage error={space.error} />;
  if (!space.data) return <Loading />;
  const s = space.data;
  // Three filters a row on a desk, four without topics.
  const lg = s.categories.length + s.areas.length > 0 ? 'col-lg-4' : 'col-lg-3';
  return (
    <>
      <Breadcrumb items={[{ label: s.title, content: true }]} />
      <PageTitle title={s.title} lang={contentLang()}>
        {s.title}
      </PageTitle>
      <div class="row">
        <div class="col-lg-8">
          <div class="markdown" lang={contentLang()} dangerouslySetInnerHTML={{ __html: renderMarkdown(s.description) }} />
          <Phases space={s} />
        </div>
        <aside class="col-lg-4" aria-labelledby="settings-title">
          <h2 id="settings-title" class="h5">
            {t('space.settings')}
          </h2>
          <SpaceSettings space={s} />
          <p class="small">
            {tn('space.totalProposals', s.totals.proposals)}
            {t('common.separator')}
            {tn('supports.count', s.totals.supports)}
            {t('common.separator')}
            {tn('list.comments', s.totals.comments)}
          </p>
          {may.canPropose(s) && (
            <a class="btn btn-primary" href={href('newProposal', {}, { spazio: slug })}>
              {t('space.newProposal')}
            </a>
          )}
        </aside>
      </div>
      <section aria-labelledby="proposals-title" class="mt-4">
        <h2 id="proposals-title">{t('space.proposals')}</h2>
        <form class="filters row g-3 align-items-end mb-4" onSubmit={onFilter} aria-label={t('filter.title')}>
          <div class="col-12">
            <label for="f-words" class="form-label active">
              {t('filter.search')}
            </label>
            <input id="f-words" type="search" name="cerca" class="form-control" maxLength={200} value={fWords} onInput={(e) => setFWords(e.currentTarget.value)} aria-describedby="f-words-hint" />
            <small id="f-words-hint" class="form-text">
              {t('filter.searchHint')}
            </small>
          </div>
          {s.categories.length > 0 && <TopicFilter id="f-category" name="categoria" label={t('topic.category')} topics={s.categories} value={fCategory} onChange={setFCategory} />}
          {s.areas.length > 0 && <TopicFilter id="f-area" name="zona" label={t('topic.area')} topics={s.areas} value={fArea} onChange={setFArea} />}
          <div class={`col-sm-4 ${lg}`}>
            <label for="f-state" class="form-label active">
              {t('filter.state')}
            </label>
            <select id="f-state" name="stato" class="form-control" value={fState} onChange={(e) => setFState(e.currentTarget.value)}>
              <option value="">{t('filter.any')}</option>
              {STATES.map((v) => (
                <option key={v} value={v}>
                  {t(`state.${v}` as Key)}
                </option>
              ))}
            </select>
          </div>
          <div class={`col-sm-4 ${lg}`}>
            <label for="f-qualified" class="form-label active">
              {t('filter.qualified')}
            </label>
            <select id="f-qualified" name="soglia" class="form-control" value={fQualified} onChange={(e) => setFQualified(e.currentTarget.value)}>
              <option value="">{t('filter.any')}</option>
              <option value="si">{t('filter.qualifiedYes')}</option>
              <option value="no">{t('filter.qualifiedNo')}</option>
            </select>
          </div>
          <div class={`col-sm-4 ${lg}`}>
            <label for="f-sort" class="form-label active">
              {t('filter.sort')}
            </label>
            <select id="f-sort" name="ordine" class="form-control" value={fSort} onChange={(e) => setFSort(e.currentTarget.value)}>
              {(words ? SEARCH_SORTS : SORTS).map((v) => (
                <option key={v} value={v}>
                  {t(`filter.${v}` as Key)}
                </option>
              ))}
            </select>
          </div>
          <div class={`col-sm-12 ${lg}`}>
            <button type="submit" class="btn btn-outline-primary">
              {t('filter.apply')}
            </button>
          </div>
        </form>
        <ErrorAlert error={list.error} />
        {list.loading && <Loading />}
        {list.data && !list.loading && (
          <>
            {/* How many the filters found, on the first page (a later one knows only its own). */}
            {(list.data.items.length === 0 || !cursor) && <p class="list-count">{found}</p>}
            {list.data.items.length > 0 && <ProposalCards items={list.data.items} spaces={[s]} />}
            <nav class="d-flex gap-3 mt-3" aria-label={t('space.proposals')}>
              {cursor && <a href={listHref({ pagina: undefined })}>{t('common.firstPage')}</a>}
              {list.data.next_cursor && <a href={listHref({ pagina: list.data.next_cursor })}>{t('common.nextPage')}</a>}
            </nav>
          </>
        )}
      </section>
    </>
  );
}

// One of the pages the law asks of a public body's site (legal notes,
// privacy notice, accessibility statement): its text in force, or an
// earlier version named in the address (`?versione=2`, so the notice a
// person accepted at sign-up can be linked and read again), the list of
// earlier versions, and for administrators the form that publishes the
// next one. The text is the administration's, in the content language.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import { siteChanged } from '../api/queries';
import type { SitePage as Page, SiteSlug } from '../api/types';
import { contentLang, formatDate, t } from '../i18n';
import { useMe, useQuery, useSubmit } from '../hooks';
import { isAdmin } from '../policy';
import { href } from '../router';
import { sitePageRoute } from '../addresses';
import { renderMarkdown } from '../markdown';
import { announce, Content, ErrorAlert, ErrorPage, Field, Loading, PageTitle } from '../components/ui';

/** Publishes the next version from the one shown; a version published meanwhile is said, shown, and the draft kept. */
function EditPage({ page, onStale }: { page: Page; onStale: () => void }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(page.title);
  const [body, setBody] = useState(page.body);
  // The version the draft was written from: after a conflict, the one now in force.
  const [base, setBase] = useState(page.version);
  const [stale, setStale] = useState<number | null>(null);
  const { error, busy, submit } = useSubmit(async () => {
    setStale(null);
    try {
      const fresh = await api.put('/api/v1/pages/{slug}', { path: { slug: page.slug }, body: { title, body, base_version: base } });
      await siteChanged(page.slug);
      setBase(fresh.version);
      announce(t('sitePage.published', { n: fresh.version }));
      setOpen(false);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_version') {
        const current = Number(e.problem.current_version) || base + 1;
        setBase(current);
        setStale(current);
        onStale();
        return;
      }
      throw e;
    }
  });
  if (!open)
    return (
      <button type="button" class="btn btn-outline-primary btn-sm mt-3" onClick={() => setOpen(true)}>
        {t('sitePage.edit')}
      </button>
    );
  const invalid = !!error?.fields.length;
  return (
    <section aria-labelledby="page-edit-title" class="card card-bg p-3 mt-4">
      <h2 id="page-edit-title" class="h4">
        {t('sitePage.editTitle')}
      </h2>
      <p class="small">{t('sitePage.editHint')}</p>
      {stale && (
        <p class="alert alert-warning" role="alert">
          {t('sitePage.stale', { n: stale })}
        </p>
      )}
      {!invalid && <ErrorAlert error={error} />}
      <form onSubmit={submit} noValidate>
        <Field id="page-title-input" label={t('sitePage.title')} hint={t('sitePage.titleHint')} error={error} field="title" value={title}>
          {(d, bad) => (
            <input
              id="page-title-input"
              type="text"
              class={`form-control${bad ? ' is-invalid' : ''}`}
              maxLength={150}
              lang={contentLang()}
              value={title}
              aria-describedby={d}
              aria-invalid={bad}
              onInput={(e) => setTitle(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="page-body-input" label={t('sitePage.body')} hint={t('sitePage.bodyHint')} error={error} field="body" value={body}>
          {(d, bad) => (
            <textarea
              id="page-body-input"
              class={`form-control${bad ? ' is-invalid' : ''}`}
              rows={16}
              maxLength={20000}
              lang={contentLang()}
              value={body}
              aria-describedby={d}
              aria-invalid={bad}
              onInput={(e) => setBody(e.currentTarget.value)}
            />
          )}
        </Field>
        <div class="d-flex flex-wrap gap-2">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('sitePage.publish', { n: base + 1 })}
          </button>
          <button type="button" class="btn btn-outline-secondary" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function SitePage({ slug, version }: { slug: SiteSlug; version?: number }) {
  const me = useMe();
  const path = { slug };
  const current = useQuery('/api/v1/pages/{slug}', { path });
  const old = useQuery('/api/v1/pages/{slug}/versions/{version}', version ? { path: { slug, version } } : null);
  const page = version ? old.data : current.data;
  // Earlier versions are listed only when there are some: a page still at
  // its first version costs no second request.
  const latest = current.data?.current_version ?? 0;
  const versions = useQuery('/api/v1/pages/{slug}/versions', latest > 1 ? { path } : null);
  const error = current.error ?? old.error;
  const route = sitePageRoute[slug];
  const self = href(route);
  if (error?.code === 'not_found' && version) {
    return (
      <>
        <PageTitle title={t('sitePage.noVersion', { n: version })}>{t('sitePage.noVersion', { n: version })}</PageTitle>
        <a href={self}>{t('sitePage.current')}</a>
      </>
    );
  }
  if (error) return <ErrorPage error={error} />;
  if (!page || !current.data) return <Loading />;
  const earlier = (versions.data ?? []).filter((v) => v.version !== page.version);
  return (
    <div class="row">
      <div class="col-lg-8">
        <PageTitle title={page.title} lang={contentLang()}>
          {page.title}
        </PageTitle>
        <p class="text-secondary">
          <time dateTime={page.created_at}>{t('sitePage.version', { n: page.version, date: formatDate(page.created_at) })}</time>
        </p>
        {page.version !== latest && (
          <p class="alert alert-info">
            {t('sitePage.oldVersion', { n: page.version })} <a href={self}>{t('sitePage.current')}</a>
          </p>
        )}
        <div class="markdown site-page-text" lang={contentLang()} dangerouslySetInnerHTML={{ __html: renderMarkdown(page.body) }} />
        {isAdmin(me) && page.version === latest && <EditPage page={page} onStale={() => void siteChanged(slug)} />}
        {earlier.length > 0 && (
          <section aria-labelledby="page-versions-title" class="mt-5">
            <h2 id="page-versions-title" class="h5">
              {t(page.version === latest ? 'sitePage.versions' : 'sitePage.otherVersions')}
            </h2>
            <ul>
              {earlier.map((v) => (
                <li key={v.version}>
                  <a href={v.version === latest ? self : href(route, {}, { versione: v.version })}>{t('sitePage.versionItem', { n: v.version, date: formatDate(v.created_at) })}</a>
                  {v.version === latest && t('sitePage.inForce')}
                  {v.title !== page.title && (
                    <>
                      {t('common.dash')}
                      <Content>{v.title}</Content>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}

// The caller's notifications, newest first, page by page: each one a
// sentence and a link to what it is about (a new version links to the diff
// from the version the reader supports); unread ones marked, and "mark all
// read" up to the newest shown.
import { api } from '../api/client';
import { t, formatDate, type Key } from '../i18n';
import { useMe, usePages, useSubmit } from '../hooks';
import { href } from '../router';
import { announce, ErrorAlert, LoadMore, PageTitle, personName } from '../components/ui';
import { bellChanged } from '../components/AccountStatus';
import type { Data } from '../api/paths';

type Item = Data<'get', '/api/v1/me/notifications'>['items'][number];

/** The sentence of a notification, in the reader's language. */
export function sentence(n: Item): string {
  const p = n.payload;
  const params = { title: p.title ?? '', version: p.version ?? '', supported: p.supported_version ?? '', reason: p.reason ?? '', by: personName(p.by) };
  switch (n.kind) {
    case 'version_published':
      return t(p.supported_version ? 'notify.version_supported' : 'notify.version_published', params);
    case 'amendment_decided':
      return t(p.outcome === 'accepted' ? 'notify.amendment_accepted' : 'notify.amendment_rejected', params);
    case 'content_hidden':
      return t(p.reason ? 'notify.content_hidden' : 'notify.content_hidden_reports', params);
    default:
      return t(`notify.${n.kind}` as Key, params);
  }
}

/** Where a notification leads. */
function target(n: Item): string | null {
  const ref = n.payload.reference;
  if (!ref) return null;
  if (n.kind === 'version_published' && n.payload.supported_version && n.payload.version) {
    return href('compare', { ref }, { da: String(n.payload.supported_version), a: String(n.payload.version) });
  }
  if (n.kind === 'amendment_decided' && n.payload.subject_id) return href('amendment', { id: n.payload.subject_id });
  return href('proposal', { ref });
}

export function Notifications() {
  const me = useMe();
  const list = usePages((cursor, signal) => api.get('/api/v1/me/notifications', { query: { cursor, limit: 20 }, signal }), [me?.id], {
    enabled: !!me,
    key: (n: Item) => n.id,
  });
  const markAll = useSubmit(async () => {
    const newest = list.items[0]?.id;
    const done = await api.post('/api/v1/me/notifications/read', { body: { up_to: newest } });
    list.update((items) => items.map((n) => ({ ...n, read_at: n.read_at ?? new Date().toISOString() })));
    bellChanged();
    announce(t('notify.marked', { n: done.marked }));
    // The button goes with the last unread one: the focus goes to the title.
    document.getElementById('page-title')?.focus();
  });
  const open = (n: Item) => {
    if (!n.read_at) {
      void api.post('/api/v1/me/notifications/{id}/read', { path: { id: n.id } }).then(bellChanged, () => undefined);
    }
  };
  const unread = list.items.some((n) => !n.read_at);
  return (
    <>
      <PageTitle title={t('notify.title')}>{t('notify.title')}</PageTitle>
      <ErrorAlert error={list.error ?? markAll.error} />
      {unread && (
        <button type="button" class="btn btn-outline-primary mb-4" disabled={markAll.busy} onClick={() => void markAll.run()}>
          {t('notify.markAll')}
        </button>
      )}
      {list.loaded && list.items.length === 0 && <p>{t('notify.none')}</p>}
      <ul class="list-unstyled notifications" id="notifications">
        {list.items.map((n) => {
          const to = target(n);
          return (
            <li key={n.id} class={`notification${n.read_at ? '' : ' unread'}`}>
              {!n.read_at && <span class="badge bg-primary unread-mark">{t('notify.unread')}</span>}
              {to ? (
                <a href={to} onClick={() => open(n)}>
                  {sentence(n)}
                </a>
              ) : (
                <span>{sentence(n)}</span>
              )}
              <small class="d-block">{formatDate(n.created_at)}</small>
            </li>
          );
        })}
      </ul>
      <LoadMore pages={list} listId="notifications" label={t('notify.more')} />
    </>
  );
}

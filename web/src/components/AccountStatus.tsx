// What the frame shows of the signed-in account on every page: the bell
// with the unread count (read when the page changes, after a notification
// is read, and every minute), the request to confirm the address while
// writing waits for it, and the day a deletion asked for will take effect.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { t, formatDateTime } from '../i18n';
import { useSubmit } from '../hooks';
import { href, useLocation } from '../router';
import { announce, ErrorAlert } from './ui';

const listeners = new Set<() => void>();

/** Something changed the unread count (a notification read): every bell reads it again. */
export function bellChanged() {
  for (const listener of listeners) listener();
}

/** The bell: a link to the notifications, saying how many are unread. */
export function Bell() {
  const [unread, setUnread] = useState(0);
  const location = useLocation();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const again = () => setTick((n) => n + 1);
    listeners.add(again);
    const timer = window.setInterval(again, 60_000);
    return () => {
      listeners.delete(again);
      window.clearInterval(timer);
    };
  }, []);
  useEffect(() => {
    let live = true;
    api.get('/api/v1/me/notifications', { query: { limit: 1, unread: true } }).then(
      (page) => live && setUnread(page.unread),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [location.path, tick]);
  return (
    <a class="slim-link bell" href={href('notifications')} aria-label={unread ? t('notify.bellUnread', { n: unread }) : t('notify.bell')}>
      {t('notify.bell')}
      {unread > 0 && (
        <span class="bell-count" aria-hidden="true">
          {unread}
        </span>
      )}
    </a>
  );
}

/** "Confirm your address" with a button to send the link again. */
export function ConfirmBanner() {
  const { busy, run } = useSubmit(async () => {
    await api.post('/api/v1/me/email-confirmation');
    announce(t('account.resent'));
  });
  return (
    <div class="alert alert-warning d-flex flex-wrap align-items-center gap-3" role="status">
      <span>{t('account.unconfirmedBanner')}</span>
      <button type="button" class="btn btn-outline-primary btn-sm" disabled={busy} onClick={() => void run()}>
        {t('account.resend')}
      </button>
    </div>
  );
}

/**
 * "Your account will be deleted on …" with the button that keeps it: the
 * person signed in again during the grace period, and every write is
 * refused (`deletion_pending`) until they cancel. Once cancelled the
 * session's account is read again, so the banner goes; the focus, which
 * was on its button, goes to the page's title.
 */
export function DeletionBanner({ due }: { due: string }) {
  const { error, busy, run } = useSubmit(async () => {
    await api.delete('/api/v1/me/deletion');
    await api.reloadMe();
    announce(t('account.deletionCancelled'));
    document.getElementById('page-title')?.focus();
  });
  return (
    <>
      <div class="alert alert-warning d-flex flex-wrap align-items-center gap-3" role="status">
        <span>{t('account.deletionDue', { date: formatDateTime(due) })}</span>
        <button type="button" class="btn btn-outline-primary btn-sm" disabled={busy} onClick={() => void run()}>
          {t('account.cancelDeletion')}
        </button>
      </div>
      <ErrorAlert error={error} />
    </>
  );
}

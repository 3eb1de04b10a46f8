// What the frame shows of the signed-in account on every page: the bell
// with the unread count (read when the page changes, after a notification
// is read, and every minute), and the request to confirm the address while
// writing waits for it.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { t } from '../i18n';
import { useSubmit } from '../hooks';
import { href, useLocation } from '../router';
import { announce } from './ui';

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

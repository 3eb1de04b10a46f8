// The account's e-mail: a forgotten password, the link's new password,
// the address confirmation, the one-click unsubscribe page, and the
// profile's settings (address, password, language, notifications by
// e-mail, a copy of one's data, deleting the account), with the page a
// deletion leads to.
// Links from letters carry their token after `#` (never sent to a
// server); it is read once and wiped from the address bar.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import { t, lang, formatDate, formatDateTime, type Key } from '../i18n';
import { useMe, useQuery, useSubmit } from '../hooks';
import { href, navigate } from '../router';
import { announce, ErrorAlert, PageTitle, textField } from '../components/ui';
import type { Data } from '../api/paths';

/** The token of a letter's link (`#token=…`), taken out of the address bar. */
function useLinkToken(): string | null {
  const [token] = useState(() => {
    const found = new URLSearchParams(window.location.hash.slice(1)).get('token');
    if (found) history.replaceState(history.state, '', window.location.pathname + window.location.search);
    return found;
  });
  return token;
}

function LinkProblem({ error }: { error: ApiError | null }) {
  if (!error) return null;
  const code = error.fieldCode('token');
  if (!code) return <ErrorAlert error={error} />;
  return (
    <div class="alert alert-danger" role="alert">
      <p>{code === 'expired' ? t('field.expired') : t('account.linkBad')}</p>
      <a href={href('forgotPassword')}>{t('account.askAgain')}</a>
    </div>
  );
}

function Done({ message }: { message: string }) {
  return (
    <div class="alert alert-success" role="status">
      {message}
    </div>
  );
}

export function ForgotPassword() {
  const site = useQuery('/api/v1/site', {}).data;
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { error, busy, submit } = useSubmit(async () => {
    await api.post('/api/v1/auth/password-reset', { body: { email } });
    // The page's own status says it (role=status): no second announcement.
    setSent(true);
  });
  return (
    <div class="row">
      <div class="col-md-8 col-lg-6">
        <PageTitle title={t('account.forgotTitle')}>{t('account.forgotTitle')}</PageTitle>
        {site && !site.email ? (
          <p>{t('account.noEmail')}</p>
        ) : sent ? (
          <Done message={t('account.forgotSent')} />
        ) : (
          <>
            <p>{t('account.forgotIntro')}</p>
            <ErrorAlert error={error} />
            <form onSubmit={submit} noValidate>
              {textField('fp-email', t('auth.email'), email, setEmail, 'email', 'email', error, 'email')}
              <button type="submit" class="btn btn-primary" disabled={busy}>
                {t('account.forgotSend')}
              </button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}

export function NewPassword() {
  const token = useLinkToken();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { error, busy, submit } = useSubmit(async () => {
    await api.post('/api/v1/auth/password-reset/confirm', { body: { token: token ?? '', password } });
    setDone(true);
  });
  return (
    <div class="row">
      <div class="col-md-8 col-lg-6">
        <PageTitle title={t('account.newPasswordTitle')}>{t('account.newPasswordTitle')}</PageTitle>
        {!token ? (
          <p>{t('account.linkMissing')}</p>
        ) : done ? (
          <>
            <Done message={t('account.newPasswordDone')} />
            <a href={href('signIn')}>{t('auth.signIn')}</a>
          </>
        ) : (
          <>
            <LinkProblem error={error} />
            <form onSubmit={submit} noValidate>
              {textField('np-password', t('account.newPassword'), password, setPassword, 'password', 'new-password', error, 'password', t('auth.passwordHint'))}
              <button type="submit" class="btn btn-primary" disabled={busy}>
                {t('account.newPasswordSave')}
              </button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}

export function ConfirmAddress() {
  const token = useLinkToken();
  const [done, setDone] = useState(false);
  const { error, run } = useSubmit(async () => {
    await api.post('/api/v1/auth/confirm-email', { body: { token: token ?? '' } });
    setDone(true);
    // The session's copy of the account says "unconfirmed" until re-read.
    await api.restore().catch(() => undefined);
  });
  useEffect(() => {
    if (token) void run();
  }, []);
  return (
    <>
      <PageTitle title={t('account.confirmTitle')}>{t('account.confirmTitle')}</PageTitle>
      {!token ? <p>{t('account.linkMissing')}</p> : done ? <Done message={t('account.confirmed')} /> : error ? <LinkProblem error={error} /> : <p>{t('account.confirming')}</p>}
    </>
  );
}

/** The kind a signed unsubscribe token names (its claims are readable; the server checks the signature). */
function namedKind(token: string | null): string | null {
  try {
    const claims = JSON.parse(atob((token ?? '').split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { kind?: string };
    return claims.kind ?? null;
  } catch {
    return null;
  }
}

export function Unsubscribe() {
  const token = useLinkToken();
  const named = namedKind(token);
  const [kind, setKind] = useState<string | null>(null);
  const { error, busy, submit } = useSubmit(async () => {
    const done = await api.post('/api/v1/notifications/unsubscribe', { query: { token: token ?? '' } });
    setKind(done.kind);
  });
  return (
    <>
      <PageTitle title={t('notify.unsubscribeTitle')}>{t('notify.unsubscribeTitle')}</PageTitle>
      {!token ? (
        <p>{t('account.linkMissing')}</p>
      ) : kind ? (
        <Done message={t('notify.unsubscribed', { kind: t(`notify.kind.${kind}` as Key) })} />
      ) : (
        <form onSubmit={submit}>
          {named && <p>{t('notify.unsubscribeWhich', { kind: t(`notify.kind.${named}` as Key) })}</p>}
          <ErrorAlert error={error} />
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('notify.unsubscribeConfirm')}
          </button>
        </form>
      )}
    </>
  );
}

type Delivery = Data<'get', '/api/v1/me/notification-settings'>[number];

type Export = Data<'get', '/api/v1/me/exports'>[number];

/**
 * "Download my data": what the archive holds, and one button. It asks for
 * the archive, which the server builds in the background: meanwhile the
 * section's status says so (a polite live region) and the list is read
 * every 2 s for a minute. Once ready, the same button (the focus stays on
 * it) downloads the archive, read with the session's token (a link could
 * not carry it) and handed to the browser as a file. A ready archive is
 * offered on opening the settings; `mailed`: a letter brings its link too.
 */
function DataExport({ mailed }: { mailed: boolean }) {
  const list = useQuery('/api/v1/me/exports', {});
  const [asked, setAsked] = useState<Export | null>(null);
  const latest = list.data?.[0];
  const shown = asked ?? (latest?.state === 'ready' ? latest : null);
  const ready = shown?.state === 'ready';
  const here = useRef(true);
  useEffect(
    () => () => {
      here.current = false;
    },
    [],
  );
  const act = useSubmit(async () => {
    if (ready) {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(await api.blob('/api/v1/me/exports/{id}/archive', { path: { id: shown.id } }));
      a.download = `dati-${shown.requested_at.slice(0, 10)}.zip`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      return;
    }
    let e = await api.post('/api/v1/me/export');
    for (let i = 0; e.state === 'pending' && i < 30 && here.current; i++) {
      setAsked(e);
      await new Promise((r) => setTimeout(r, 2000));
      e = (await api.get('/api/v1/me/exports')).find((x) => x.id === e.id) ?? e;
    }
    setAsked(e);
  });
  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title" class="h4 mt-5">
        {t('account.data')}
      </h2>
      <p>{t('account.dataIntro')}</p>
      <ErrorAlert error={act.error ?? list.error} />
      <p role="status">
        {shown?.state === 'pending'
          ? t('account.dataPending')
          : ready && `${t('account.dataReady', { date: formatDate(shown.expires_at!) })}${mailed ? ` ${t('account.dataMailed')}` : ''}`}
      </p>
      <button type="button" class={ready ? 'btn btn-primary' : 'btn btn-outline-primary'} aria-disabled={act.busy} onClick={() => void act.run()}>
        {ready ? t('account.dataArchive', { n: Math.ceil(shown.size! / 1000) }) : t('account.dataAsk')}
      </button>
    </section>
  );
}

/**
 * "Delete my account": what happens said first, the password, and a box to
 * tick before the red button may send. The server closes every session of
 * the account at once, so the app forgets its own and shows what happens
 * next (`AccountDeleted`). A refused password takes the focus, which reads
 * its error.
 */
function DeleteAccount() {
  const [password, setPassword] = useState('');
  const [sure, setSure] = useState(false);
  const { error, busy, submit } = useSubmit(async () => {
    const done = await api.delete('/api/v1/me', { body: { password } });
    navigate(href('accountDeleted', {}, { entro: done.state === 'scheduled' ? done.deletion_due_at : undefined }));
    await api.logout();
  });
  useEffect(() => {
    if (error?.fieldCode('password')) document.getElementById('del-password')?.focus();
  }, [error]);
  return (
    <form class="mb-4" onSubmit={submit} noValidate aria-labelledby="del-title">
      <h2 id="del-title" class="h4 mt-5">
        {t('account.delete')}
      </h2>
      <p>{t('account.deleteIntro')}</p>
      <ErrorAlert error={error} />
      {textField('del-password', t('account.currentPassword'), password, setPassword, 'password', 'current-password', error, 'password')}
      <div class="form-check mb-4">
        <input id="del-sure" type="checkbox" checked={sure} onChange={(e) => setSure(e.currentTarget.checked)} />
        <label for="del-sure">{t('account.deleteSure')}</label>
      </div>
      <button type="submit" class="btn btn-danger" disabled={busy || !sure}>
        {t('account.delete')}
      </button>
    </form>
  );
}

/**
 * Where a deletion leads, signed out: the day the account goes and how to
 * keep it (`due`, from the address, while the grace period runs), or that
 * it is gone.
 */
export function AccountDeleted({ due }: { due: string | null }) {
  return (
    <>
      <PageTitle title={t('account.deletionTitle')}>{t('account.deletionTitle')}</PageTitle>
      {due && Date.parse(due) ? (
        <>
          <p>{t('account.deletionDue', { date: formatDateTime(due) })}</p>
          <p>{t('account.deletionUndo')}</p>
        </>
      ) : (
        <p>{t('account.deletionDone')}</p>
      )}
      <a href="/">{t('common.backHome')}</a>
    </>
  );
}

/** The profile's settings: address, password, language, notifications by e-mail, a copy of one's data; deleting the account, unless already asked. */
export function AccountSettings() {
  const me = useMe();
  const site = useQuery('/api/v1/site', {}).data;
  const settings = useQuery('/api/v1/me/notification-settings', me ? {} : null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const password = useSubmit(async () => {
    await api.put('/api/v1/me/password', { body: { password: current, new_password: next } });
    setCurrent('');
    setNext('');
    announce(t('account.passwordChanged'));
  });
  const [emailPassword, setEmailPassword] = useState('');
  const [email, setEmail] = useState('');
  const [emailState, setEmailState] = useState<string | null>(null);
  const address = useSubmit(async () => {
    const change = await api.put('/api/v1/me/email', { body: { password: emailPassword, email } });
    setEmailPassword('');
    const message = change.status === 'pending' ? t('account.emailPending') : t('account.emailChanged');
    setEmailState(message);
    announce(message);
  });
  const saveLanguage = useSubmit(async (language: 'it' | 'en') => {
    await api.put('/api/v1/me/language', { body: { language } });
    announce(t('account.languageSaved'));
  });
  const saveDelivery = useSubmit(async (row: Delivery, delivery: Delivery['delivery']) => {
    await api.put('/api/v1/me/notification-settings/{kind}', { path: { kind: row.kind }, body: { delivery } });
    settings.set((settings.data ?? []).map((r) => (r.kind === row.kind ? { ...r, delivery } : r)));
    announce(t('notify.saved'));
  });
  if (!me) return null;
  return (
    <>
      <h2 class="h4 mt-5">{t('account.security')}</h2>
      <p>{t('account.emailLine', { email: me.email, state: me.email_confirmed ? t('account.emailConfirmed') : t('account.emailUnconfirmed') })}</p>
      <form class="mb-4" onSubmit={password.submit} noValidate>
        <ErrorAlert error={password.error} />
        {textField('pw-current', t('account.currentPassword'), current, setCurrent, 'password', 'current-password', password.error, 'password')}
        {textField('pw-new', t('account.newPassword'), next, setNext, 'password', 'new-password', password.error, 'new_password')}
        <button type="submit" class="btn btn-outline-primary" disabled={password.busy}>
          {t('account.changePassword')}
        </button>
      </form>
      <form class="mb-4" onSubmit={address.submit} noValidate>
        <ErrorAlert error={address.error} />
        {emailState && <Done message={emailState} />}
        {textField('em-new', t('account.newEmail'), email, setEmail, 'email', 'email', address.error, 'email')}
        {textField('em-password', t('account.currentPassword'), emailPassword, setEmailPassword, 'password', 'current-password', address.error, 'password')}
        <button type="submit" class="btn btn-outline-primary" disabled={address.busy}>
          {t('account.changeEmail')}
        </button>
      </form>
      <div class="form-group mb-4">
        <label for="me-language" class="form-label active">
          {t('account.language')}
        </label>
        <select id="me-language" class="form-control" value={me.language ?? lang()} onChange={(e) => void saveLanguage.run(e.currentTarget.value as 'it' | 'en')}>
          <option value="it" lang="it">
            Italiano
          </option>
          <option value="en" lang="en">
            English
          </option>
        </select>
      </div>
      {site?.email && settings.data && (
        <fieldset class="mb-4">
          <legend class="h4">{t('notify.settings')}</legend>
          <p>{t('notify.settingsIntro')}</p>
          <ErrorAlert error={saveDelivery.error} />
          {settings.data.map((row) => (
            <div class="form-group mb-3" key={row.kind}>
              <label for={`nd-${row.kind}`} class="form-label active">
                {t(`notify.kind.${row.kind}` as Key)}
              </label>
              <select id={`nd-${row.kind}`} class="form-control" value={row.delivery} onChange={(e) => void saveDelivery.run(row, e.currentTarget.value as Delivery['delivery'])}>
                {(['immediate', 'daily', 'never'] as const).map((d) => (
                  <option value={d} key={d}>
                    {t(`notify.delivery.${d}` as Key)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      )}
      <DataExport mailed={!!site?.email && me.email_confirmed} />
      {!me.deletion_due_at && <DeleteAccount />}
    </>
  );
}

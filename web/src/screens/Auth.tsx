// Sign in, sign up (then signed in), and the own profile with sign out.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { t, formatDate } from '../i18n';
import { useMe, useQuery, useSubmit } from '../hooks';
import { href, navigate, safeNext } from '../router';
import { announce, ErrorAlert, PageTitle, textField } from '../components/ui';
import { AccountSettings } from './Account';

export function SignIn({ next }: { next?: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useSubmit(async () => {
    const me = await api.login(email, password);
    announce(t('auth.signedIn', { name: me.display_name }));
    navigate(safeNext(next));
  });
  return (
    <div class="row">
      <div class="col-md-8 col-lg-6">
        <PageTitle title={t('auth.signInTitle')}>{t('auth.signInTitle')}</PageTitle>
        <ErrorAlert error={error} />
        <form onSubmit={submit} noValidate>
          {textField('si-email', t('auth.email'), email, setEmail, 'email', 'email', error, 'email')}
          {textField('si-password', t('auth.password'), password, setPassword, 'password', 'current-password', error, 'password')}
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('auth.signIn')}
          </button>
        </form>
        <p class="mt-4">
          <a href={href('forgotPassword')}>{t('account.forgot')}</a>
        </p>
        <p>
          {t('auth.noAccount')} <a href={href('signUp', {}, { da: next })}>{t('nav.signUp')}</a>
        </p>
      </div>
    </div>
  );
}

export function SignUp({ next }: { next?: string }) {
  const [form, setForm] = useState({ email: '', password: '', nickname: '', display_name: '' });
  // The privacy notice in force: sign-up accepts that version, and the
  // server refuses a stale one (the notice changed while the form was open).
  const site = useQuery('/api/v1/site', {});
  const notice = site.data?.pages.find((p) => p.slug === 'privacy');
  const [consent, setConsent] = useState(false);
  const { error, busy, submit } = useSubmit(async () => {
    const me = await api.register({ ...form, privacy_version: consent ? notice?.version : undefined });
    announce(t('auth.signedIn', { name: me.display_name }));
    navigate(safeNext(next));
  });
  const privacyChanged = error?.fieldCode('privacy_version') === 'mismatch';
  // From the state at the time of the input, not of the last render: fast
  // typing (or a slow render) must not drop what another field received.
  const input = (id: string, k: keyof typeof form, label: string, type: 'text' | 'email' | 'password', autoComplete: string, hint?: string) =>
    textField(id, label, form[k], (value) => setForm((current) => ({ ...current, [k]: value })), type, autoComplete, error, k, hint);
  return (
    <div class="row">
      <div class="col-md-8 col-lg-6">
        <PageTitle title={t('auth.signUpTitle')}>{t('auth.signUpTitle')}</PageTitle>
        <ErrorAlert error={error} />
        <form onSubmit={submit} noValidate>
          {input('su-display', 'display_name', t('auth.displayName'), 'text', 'name')}
          {input('su-nickname', 'nickname', t('auth.nickname'), 'text', 'username', t('auth.nicknameHint'))}
          {input('su-email', 'email', t('auth.email'), 'email', 'email')}
          {input('su-password', 'password', t('auth.password'), 'password', 'new-password', t('auth.passwordHint'))}
          <div class="form-check mb-4">
            <input
              id="su-privacy"
              type="checkbox"
              class={error?.fieldCode('privacy_version') ? 'is-invalid' : undefined}
              checked={consent}
              aria-describedby={error?.fieldCode('privacy_version') ? 'su-privacy-error' : 'su-privacy-hint'}
              aria-invalid={!!error?.fieldCode('privacy_version')}
              onChange={(e) => setConsent(e.currentTarget.checked)}
            />
            <label for="su-privacy" class="form-check-label">
              {t('auth.privacyConsent')}
            </label>
            <p id="su-privacy-hint" class="small mb-0">
              <a href="/privacy" target="_blank" rel="noopener">
                {t('auth.privacyRead', { n: notice?.version ?? 1 })}
              </a>
            </p>
            {error?.fieldCode('privacy_version') && (
              <div id="su-privacy-error" class="invalid-feedback d-block">
                {privacyChanged ? t('auth.privacyChanged') : t('auth.privacyRequired')}
              </div>
            )}
          </div>
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('auth.signUp')}
          </button>
        </form>
        <p class="mt-4">
          {t('auth.haveAccount')} <a href={href('signIn', {}, { da: next })}>{t('nav.signIn')}</a>
        </p>
      </div>
    </div>
  );
}

export function Profile() {
  const me = useMe();
  if (!me)
    return (
      <>
        <PageTitle title={t('profile.title')}>{t('profile.title')}</PageTitle>
        <a href={href('signIn', {}, { da: href('profile') })}>{t('common.signInToAct')}</a>
      </>
    );
  return (
    <>
      <PageTitle title={t('profile.title')}>{me.display_name}</PageTitle>
      <ul class="list-unstyled">
        <li>{t('profile.nickname', { nickname: me.nickname })}</li>
        <li>{me.verified ? t('profile.verified') : t('profile.notVerified')}</li>
        {me.roles.length > 0 && <li>{t('profile.roles', { roles: me.roles.map((r) => t(`profile.role.${r.role}`)).join(t('common.listSeparator')) })}</li>}
        <li>{t('profile.since', { date: formatDate(me.created_at) })}</li>
      </ul>
      <AccountSettings />
      <button
        type="button"
        class="btn btn-outline-primary mt-4"
        onClick={async () => {
          await api.logout();
          announce(t('auth.signedOut'));
          navigate('/');
        }}
      >
        {t('nav.signOut')}
      </button>
    </>
  );
}

// Finding and acting on people (admins): search by nickname, e-mail or
// name (the address keeps the search, so the report queue can link to an
// author), then verify, block with a public justification (optionally
// hiding their content) or unblock, each on the person's own row.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Account, AccountStanding as Standing } from '../api/types';
import { t, formatDate } from '../i18n';
import { usePages } from '../hooks';
import { setQuery } from '../router';
import { announce, ErrorAlert, Field, LoadMore, Loading, personName } from '../components/ui';
import { StaffFrame } from './Frame';
import { Confirm } from './Confirm';
import { canBlock, canUnblock, canVerifyAccount, isErased } from '../policy';

function BlockForm({ account, onDone }: { account: Account; onDone: (s: Standing) => void }) {
  const [justification, setJustification] = useState('');
  const [hideContent, setHideContent] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const id = `block-${account.id}`;
  return (
    <details class="mt-2">
      <summary>{t('staff.block')}</summary>
      <form
        class="mt-2"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            onDone(await api.post('/api/v1/moderation/users/{id}/block', { path: { id: account.id }, body: { justification, hide_content: hideContent } }));
          } catch (err) {
            setError(err as ApiError);
          }
        }}
      >
        <ErrorAlert error={error} />
        <Field id={`${id}-why`} label={t('staff.justification')} error={error} field="justification" value={justification}>
          {(d, invalid) => (
            <textarea
              id={`${id}-why`}
              class={`form-control${invalid ? ' is-invalid' : ''}`}
              rows={3}
              value={justification}
              aria-describedby={d}
              aria-invalid={invalid}
              onInput={(e) => setJustification(e.currentTarget.value)}
            />
          )}
        </Field>
        <div class="form-check mb-3">
          <input id={`${id}-hide`} type="checkbox" checked={hideContent} onChange={(e) => setHideContent(e.currentTarget.checked)} />
          <label for={`${id}-hide`}>{t('staff.hideContent')}</label>
        </div>
        <button type="submit" class="btn btn-danger btn-sm" disabled={!justification.trim()}>
          {t('staff.blockNamed', { name: account.nickname })}
        </button>
      </form>
    </details>
  );
}

function AccountRow({ initial }: { initial: Account }) {
  const [account, setAccount] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The control just used is replaced (verify, unblock) or closed (block):
  // the focus goes to the person's name, where the new standing follows.
  const update = (standing: Standing) => {
    setAccount({ ...account, ...standing });
    announce(t('staff.userDone'));
    requestAnimationFrame(() => heading.current?.focus());
  };
  const act = async (action: 'verify' | 'unblock') => {
    setError(null);
    try {
      const path = { id: account.id };
      update(await (action === 'verify' ? api.post('/api/v1/moderation/users/{id}/verify', { path }) : api.post('/api/v1/moderation/users/{id}/unblock', { path })));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <li class="card card-bg mb-3 staff-row">
      <div class="card-body">
        <h2 class="h5 mb-1" ref={heading} tabIndex={-1}>
          {personName(account.display_name)} {!isErased(account) && <span class="text-secondary">@{account.nickname}</span>}
        </h2>
        <p class="small mb-2">
          {!isErased(account) && account.email + t('common.separator')}
          {t('staff.registered', { date: formatDate(account.created_at) })}
        </p>
        <p class="d-flex flex-wrap gap-2 mb-2">
          <span class={`badge ${account.verified_at ? 'bg-success' : 'bg-secondary'}`}>
            {account.verified_at ? t('staff.verifiedOn', { date: formatDate(account.verified_at) }) : t('staff.notVerified')}
          </span>
          {account.blocked && account.blocked_at && <span class="badge bg-danger">{t('staff.blockedOn', { date: formatDate(account.blocked_at) })}</span>}
        </p>
        <ErrorAlert error={error} />
        <div class="d-flex flex-wrap gap-2">
          {/* The API keeps no note with a verification: the confirmation only. */}
          {canVerifyAccount(account) && (
            <Confirm
              id={`verify-${account.id}`}
              label={t('staff.verifyNamed', { name: account.nickname })}
              confirm={t('staff.confirmVerify', { name: account.nickname })}
              onConfirm={() => act('verify')}
            />
          )}
          {canUnblock(account) && (
            <button type="button" class="btn btn-outline-primary btn-sm" onClick={() => act('unblock')}>
              {t('staff.unblockNamed', { name: account.nickname })}
            </button>
          )}
        </div>
        {canBlock(account) && <BlockForm account={account} onDone={update} />}
      </div>
    </li>
  );
}

export function StaffUsers({ query }: { query: URLSearchParams }) {
  const q = query.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const list = usePages((cursor, signal) => api.get('/api/v1/moderation/users', { query: { q: q || undefined, limit: 20, cursor }, signal }), [q], {
    key: (a) => a.id,
  });

  return (
    <StaffFrame current="staffUsers">
      <form
        role="search"
        class="mt-5 mb-4"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: text.trim() }, { replace: false });
        }}
      >
        <Field id="user-search" label={t('staff.searchUsers')} hint={t('staff.searchUsersHint')} error={list.error} field="q">
          {(d) => <input id="user-search" type="search" class="form-control" value={text} aria-describedby={d} maxLength={100} onInput={(e) => setText(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="btn btn-primary btn-sm">
          {t('staff.search')}
        </button>
      </form>
      {!list.loaded && <ErrorAlert error={list.error} />}
      {!list.loaded && !list.error && <Loading />}
      {list.loaded && (
        <section aria-busy={list.loading}>
          <p class="small">{q ? t('staff.usersFound', { q }) : t('staff.allUsers')}</p>
          {list.items.length === 0 ? (
            <p>{t('staff.noUsers')}</p>
          ) : (
            <ul class="list-unstyled" id="user-list" tabIndex={-1} aria-label={t('staff.users')}>
              {list.items.map((a) => (
                <AccountRow key={a.id} initial={a} />
              ))}
            </ul>
          )}
          <LoadMore pages={list} listId="user-list" label={t('staff.moreUsers')} />
        </section>
      )}
    </StaffFrame>
  );
}

// The report queue, one entry per item with the item shown: hide, unhide,
// dismiss; open, hidden or all items. A hide is confirmed by a message that
// offers to undo it (show the item again) until the next action or
// navigation.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Query } from '../api/paths';
import type { ModerationItem as Item } from '../api/types';
import { contentLang, t, formatDateTime, type Key } from '../i18n';
import { useMe, useSubmit } from '../hooks';
import { canDismiss, canHide, canUnhide, isAdmin } from '../policy';
import { href, setQuery } from '../router';
import { announce, ErrorAlert, withdrawOffer } from '../components/ui';
import { StaffFrame } from './Frame';
import { StaffQueue } from './Queue';
import { Confirm } from './Confirm';

type State = NonNullable<Query<'get', '/api/v1/moderation/reports'>['state']>;
const STATES: readonly State[] = ['open', 'hidden', 'all'];
/** The kind of an item as the moderation paths name it. */
const PLURAL = { proposal: 'proposals', amendment: 'amendments', comment: 'comments' } as const;

const pathOf = (item: Item) => ({ kind: PLURAL[item.target.kind], id: item.target.id });

function Entry({ item, onChange, onUndo }: { item: Item; onChange: () => void; onUndo: () => Promise<void> }) {
  const me = useMe();
  const { error, run: act } = useSubmit(async (action: 'hide' | 'unhide' | 'dismiss', note?: string) => {
    // A hide's undo is offered only until the next action.
    withdrawOffer();
    const path = pathOf(item);
    if (action === 'hide') {
      await api.post('/api/v1/moderation/{kind}/{id}/hide', { path, body: { note } });
      announce(t('staff.hidden'), { label: t('staff.undo'), run: onUndo });
    } else {
      if (action === 'unhide') await api.post('/api/v1/moderation/{kind}/{id}/unhide', { path, body: {} });
      else await api.post('/api/v1/moderation/{kind}/{id}/dismiss', { path, body: {} });
      announce(t('staff.moderated'));
    }
    onChange();
  });
  const link =
    item.target.kind === 'amendment' ? href('amendment', { id: item.target.id }) : item.proposal_reference ? href('proposal', { ref: item.proposal_reference }) : undefined;
  return (
    <li class="card card-bg mb-3 staff-row" id={`segnalazione-${item.id}`} tabIndex={-1}>
      <div class="card-body">
        <div class="d-flex flex-wrap gap-2 align-items-center mb-1">
          <span class="badge bg-secondary">{t(`staff.kind.${item.target.kind}` as Key)}</span>
          {item.hidden && <span class="badge bg-dark">{t('staff.hiddenNow')}</span>}
          <span class="small">{t('staff.openReports', { n: item.open_reports })}</span>
        </div>
        <blockquote class="report-preview" lang={item.preview ? contentLang() : undefined}>{item.preview?.text ?? t('common.none')}</blockquote>
        {item.preview && (
          <p class="small mb-1">
            {t('staff.by', { name: item.preview.author_nickname })}
            {isAdmin(me) && (
              <>
                {t('common.separator')}
                <a href={href('staffUsers', {}, { q: item.preview.author_nickname })}>{t('staff.manageAuthor')}</a>
              </>
            )}
          </p>
        )}
        <p class="small mb-1">{t('staff.reasons', { ...item.reasons })}</p>
        <ul class="small">
          {item.latest_reports.map((r) => (
            <li key={r.id}>
              {t(r.details ? 'staff.reportLineDetails' : 'staff.reportLine', {
                reason: t(`report.reason.${r.reason}` as Key),
                name: r.reporter_nickname,
                date: formatDateTime(r.created_at),
                details: r.details ?? '',
              })}
            </li>
          ))}
        </ul>
        <ErrorAlert error={error} />
        <div class="d-flex flex-wrap gap-2">
          {link && (
            <a class="btn btn-outline-secondary btn-sm" href={link}>
              {t('staff.openItem')}
            </a>
          )}
          {canHide(item) && <Confirm id={`hide-${item.id}`} label={t('staff.hide')} confirm={t('staff.confirmHide')} withNote danger onConfirm={(note) => act('hide', note)} />}
          {canUnhide(item) && (
            <button type="button" class="btn btn-primary btn-sm" onClick={() => act('unhide')}>
              {t('staff.unhide')}
            </button>
          )}
          {canDismiss(item) && (
            <button type="button" class="btn btn-outline-primary btn-sm" onClick={() => act('dismiss')}>
              {t('staff.dismiss')}
            </button>
          )}
        </div>
      </div>
    </li>
  );
}

export function StaffReports({ query }: { query: URLSearchParams }) {
  // The address may hold any value: it is sent as it is, and the server's
  // refusal of one it does not know is shown.
  const state = (query.get('stato') ?? 'open') as State;
  // After a decision the entry stays (all items) or leaves the list.
  // An undone hide reads the list again in place; the item takes the focus
  // if it is on the page (all items), else the message saying it is back.
  const [undone, setUndone] = useState(0);
  const undo = (item: Item) => async () => {
    await api.post('/api/v1/moderation/{kind}/{id}/unhide', { path: pathOf(item), body: {} });
    document.getElementById(`segnalazione-${item.id}`)?.focus();
    announce(t('staff.shownAgain'));
    setUndone((n) => n + 1);
  };
  return (
    <StaffFrame current="staffReports">
      <div class="mb-3 comment-order">
        <label for="report-state" class="form-label active">
          {t('staff.reportState')}
        </label>
        <select id="report-state" class="form-control" value={state} onChange={(e) => setQuery({ stato: e.currentTarget.value === 'open' ? null : e.currentTarget.value }, { replace: false })}>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`staff.reportState.${s}` as Key)}
            </option>
          ))}
        </select>
      </div>
      <StaffQueue<Item>
        load={(cursor, signal) => api.get('/api/v1/moderation/reports', { query: { state, limit: 20, cursor }, signal })}
        deps={[state]}
        version={undone}
        listId="report-queue"
        rowPrefix="segnalazione"
        label={t('staff.reports')}
        empty={t('staff.reportsEmpty')}
        more={t('staff.moreReports')}
        row={(item, decided) => <Entry item={item} onChange={decided} onUndo={undo(item)} />}
      />
    </StaffFrame>
  );
}

// The report queue, one entry per item with the item shown: hide, unhide,
// dismiss; open, hidden or all items, by reason, oldest or newest first
// (the filters in the address: `stato`, `motivo`, `ordine`). A hide is
// confirmed by a notice where the item was, which offers to undo it (show
// the item again with the reports the hide upheld open again) until the
// next action or another list: a keyboard user finds it where they were.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Query } from '../api/paths';
import type { ModerationItem as Item } from '../api/types';
import { contentLang, t, formatDateTime, type Key } from '../i18n';
import { useMe, useSubmit } from '../hooks';
import { canDismiss, canHide, canUnhide, isAdmin } from '../policy';
import { href } from '../router';
import { announce, ErrorAlert, personName } from '../components/ui';
import { StaffFrame } from './Frame';
import { Choice, QueueFilters, SORTS, SortChoice, StaffQueue, useFilters, type RowNotice } from './Queue';
import { Confirm } from './Confirm';

type Filters = Query<'get', '/api/v1/moderation/reports'>;
type State = NonNullable<Filters['state']>;
type Reason = NonNullable<Filters['reason']>;
type Sort = NonNullable<Filters['sort']>;
const STATES: readonly State[] = ['open', 'hidden', 'all'];
const REASONS: readonly Reason[] = ['spam', 'offensive', 'does_not_belong', 'other'];
/** The kind of an item as the moderation paths name it. */
const PLURAL = { proposal: 'proposals', amendment: 'amendments', comment: 'comments' } as const;

const pathOf = (item: Item) => ({ kind: PLURAL[item.target.kind], id: item.target.id });
const rowId = (item: Pick<Item, 'id'>) => `segnalazione-${item.id}`;
const noticeId = (item: Pick<Item, 'id'>) => `nascosto-${item.id}`;

interface EntryProps {
  item: Item;
  /** Another action begins: a hide's undo is no longer offered. */
  onAction: () => void;
  /** The item was hidden (`hidden`: its entry now). */
  onHidden: (hidden: Item) => void;
  onChange: () => void;
}

function Entry({ item, onAction, onHidden, onChange }: EntryProps) {
  const me = useMe();
  const { error, run: act } = useSubmit(async (action: 'hide' | 'unhide' | 'dismiss', note?: string) => {
    onAction();
    const path = pathOf(item);
    if (action === 'hide') {
      const hidden = await api.post('/api/v1/moderation/{kind}/{id}/hide', { path, body: { note } });
      announce(t('staff.hidden'));
      onHidden(hidden);
      return;
    }
    if (action === 'unhide') await api.post('/api/v1/moderation/{kind}/{id}/unhide', { path, body: {} });
    else await api.post('/api/v1/moderation/{kind}/{id}/dismiss', { path, body: {} });
    announce(t('staff.moderated'));
    onChange();
  });
  const link =
    item.target.kind === 'amendment' ? href('amendment', { id: item.target.id }) : item.proposal_reference ? href('proposal', { ref: item.proposal_reference }) : undefined;
  return (
    <li class="card card-bg mb-3 staff-row" id={rowId(item)} tabIndex={-1}>
      <div class="card-body">
        <div class="d-flex flex-wrap gap-2 align-items-center mb-1">
          <span class="badge bg-secondary">{t(`staff.kind.${item.target.kind}` as Key)}</span>
          {item.hidden && <span class="badge bg-dark">{t('staff.hiddenNow')}</span>}
          <span class="small">{t('staff.openReports', { n: item.open_reports })}</span>
        </div>
        <blockquote class="report-preview" lang={item.preview ? contentLang() : undefined}>{item.preview?.text ?? t('common.none')}</blockquote>
        {item.preview && (
          <p class="small mb-1">
            {t('staff.by', { name: personName(item.preview.author_nickname) })}
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
                name: personName(r.reporter_nickname),
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

/** A hide just made, and what undoing it needs: the item as it was shown, and the hide's audit entry. */
interface Hidden {
  item: Item;
  index: number;
  hide: string | null;
}

/**
 * The notice of a hide, where the item was: what was hidden, and "Annulla".
 * It takes the focus when it appears (a group named by its words, so a
 * screen reader says what happened), and the button follows it. A failed
 * undo says why and stays offered.
 */
export function HiddenNotice({ hidden, onUndo }: { hidden: Hidden; onUndo: () => Promise<void> }) {
  const { error, busy, submit: undo } = useSubmit(onUndo);
  const id = noticeId(hidden.item);
  const text = hidden.item.preview?.text;
  return (
    <div class="alert alert-success mb-3 hidden-notice" id={id} tabIndex={-1} role="group" aria-labelledby={`${id}-words`}>
      <p class="mb-2" id={`${id}-words`}>
        {t(`staff.hiddenItem.${hidden.item.target.kind}` as Key)}
        {text && (
          <>
            {' '}
            <span lang={contentLang()}>«{text}»</span>
          </>
        )}
      </p>
      {hidden.hide && (
        <button type="button" class="btn btn-outline-primary btn-sm" aria-disabled={busy} onClick={() => undo()} aria-describedby={`${id}-words`}>
          {t('staff.undo')}
        </button>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}

export function StaffReports({ query }: { query: URLSearchParams }) {
  const filters = useFilters(query, { stato: 'open', motivo: '', ordine: SORTS[0] });
  const { stato, motivo, ordine } = filters.values;
  // The notice of a hide goes with its list (another one, back, forward).
  const [hidden, setHidden] = useState<Hidden | null>(null);
  useEffect(() => setHidden(null), [filters.key]);
  // An undone hide reads the list again in place; the item, back where it
  // was, takes the focus (else the list).
  const [undone, setUndone] = useState(0);
  const [focusAfterUndo, setFocusAfterUndo] = useState<string[]>([]);
  const undo = (shown: Hidden) => async () => {
    if (!shown.hide) return;
    await api.post('/api/v1/moderation/{kind}/{id}/unhide', { path: pathOf(shown.item), body: { undo: shown.hide } });
    setHidden(null);
    announce(t('staff.shownAgain'));
    setFocusAfterUndo([rowId(shown.item), 'report-queue']);
    setUndone((n) => n + 1);
  };
  const notice: RowNotice | null = hidden && { after: hidden.item.id, index: hidden.index, node: <HiddenNotice hidden={hidden} onUndo={undo(hidden)} /> };
  return (
    <StaffFrame current="staffReports">
      <QueueFilters label={t('staff.filterReports')} filters={filters}>
        <Choice filters={filters} name="stato" id="report-state" label={t('staff.reportState')} choices={STATES.map((s) => [s, t(`staff.reportState.${s}` as Key)])} />
        <Choice filters={filters} name="motivo" id="report-reason" label={t('report.reason')} choices={[['', t('staff.anyReason')], ...REASONS.map((r): [string, string] => [r, t(`report.reason.${r}` as Key)])]} />
        <SortChoice filters={filters} id="report-sort" />
      </QueueFilters>
      <StaffQueue<Item>
        load={(cursor, signal) =>
          api.get('/api/v1/moderation/reports', { query: { state: stato as State, reason: (motivo || undefined) as Reason | undefined, sort: ordine as Sort, limit: 20, cursor }, signal })
        }
        deps={[stato, motivo, ordine]}
        sayCount
        version={undone}
        focusAfterVersion={focusAfterUndo}
        notice={notice}
        listId="report-queue"
        rowPrefix="segnalazione"
        label={t('staff.reports')}
        empty={t('staff.reportsEmpty')}
        more={t('staff.moreReports')}
        row={(item, decided, index) => (
          <Entry
            item={item}
            onAction={() => setHidden(null)}
            onHidden={(now) => {
              setHidden({ item, index, hide: now.hide_entry_id ?? null });
              decided(noticeId(item));
            }}
            onChange={() => decided()}
          />
        )}
      />
    </StaffFrame>
  );
}

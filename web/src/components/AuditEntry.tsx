// One entry of the public log in words, shared by the log's list and the
// entry's own page (screens/Audit.tsx): what was done, to which proposal
// (a link by its reference), process or page, when and, for what the
// system did by itself, that it was automatic; its facts by their names,
// user-written ones (a reason, a note) in the content language. Ids are
// not shown (a reader cannot use them) and a fact the catalogue does not
// name is left out rather than shown by its raw key.
import type { ComponentChildren } from 'preact';
import type { AuditEntry, SiteSlug } from '../api/types';
import { contentLang, t, tn, has, formatDateTime, formatNumber } from '../i18n';
import { href } from '../router';
import { sitePageRoute } from '../addresses';
import { Content, personName } from './ui';

type Details = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Facts shown otherwise (as the entry's subject, or not at all: ids). */
const SHOWN_ELSEWHERE = new Set(['reference', 'proposal_reference', 'slug', 'page', 'nickname', 'by', 'settings']);
/** Facts the people involved wrote: marked with the content language. */
const WRITTEN = new Set(['reason', 'note', 'justification', 'title']);

/** A fact's value in words: yes/no, a state or role by its name, numbers localised, counts by what they count. */
function value(v: unknown): ComponentChildren | null {
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') {
    if (UUID.test(v)) return null;
    for (const key of [`state.${v}`, `profile.role.${v}`, `amendment.merge.${v}`]) if (has(key)) return t(key);
    return v;
  }
  // Counts by kind ({"proposals": 2, "comments": 5}): "2 proposte, 5 commenti".
  if (v && typeof v === 'object') {
    const parts: string[] = [];
    for (const [k, n] of Object.entries(v as Details)) if (typeof n === 'number' && has(`audit.count.${k}.other`)) parts.push(tn(`audit.count.${k}`, n));
    return parts.length ? parts.join(t('common.listSeparator')) : null;
  }
  return null;
}

/** An entry's facts, each named from the catalogue; ids and unnamed facts left out. */
function facts(d: Details): ComponentChildren[] {
  // "automatic: yes" is said with the time already.
  if (d.automatic === true) d = { ...d, automatic: undefined };
  const out: ComponentChildren[] = [];
  // An undone hide names the hide's entry: a link to it, the id left out.
  if (typeof d.undoes === 'string') out.push(<a key="undoes" href={href('auditEntry', { id: d.undoes })}>{t('audit.undoesHide')}</a>);
  for (const [k, v] of Object.entries(d)) {
    const name = `audit.field.${k}`;
    if (v === null || v === undefined || k.endsWith('_id') || k === 'id' || SHOWN_ELSEWHERE.has(k) || !has(name)) continue;
    const shown = value(v);
    if (shown === null || shown === '') continue;
    if (out.length) out.push(t('common.separator'));
    out.push(
      <span key={k}>
        {t(name)}: {WRITTEN.has(k) && typeof v === 'string' ? <Content>{shown}</Content> : shown}
      </span>,
    );
  }
  return out;
}

/** An action by its name; one the catalogue does not know yet, said as such. */
export function actionName(action: string): string {
  const key = `audit.action.${action}`;
  return has(key) ? t(key) : t('audit.action.other');
}

/** What an entry is about, as a link where it has an address: a proposal by its reference, a process, a page, a new account's name. */
function Subject({ entry }: { entry: AuditEntry }) {
  const d = entry.details as Details;
  const text = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  const proposal = text('proposal_reference') ?? text('reference');
  const created = text('proposal_reference') && text('reference');
  const page = text('page') as SiteSlug | null;
  return (
    <>
      {proposal && (
        <>
          {t('audit.kind.proposal')} <a href={href('proposal', { ref: proposal })}>{proposal}</a>
        </>
      )}
      {created && (
        <>
          {t('common.separator')}
          {t('audit.newProposal')} <a href={href('proposal', { ref: created })}>{created}</a>
        </>
      )}
      {text('slug') && (
        <>
          {t('audit.kind.space')}{' '}
          <a href={href('space', { slug: text('slug')! })}>
            <Content>{text('title') ?? text('slug')}</Content>
          </a>
        </>
      )}
      {page && page in sitePageRoute && (
        <>
          {t('audit.kind.page')}{' '}
          <a href={href(sitePageRoute[page])}>
            <Content>{text('title') ?? page}</Content>
          </a>
        </>
      )}
      {text('nickname') && <span>@{text('nickname')}</span>}
    </>
  );
}

/** Whether an entry names what it is about (a proposal, a process, a page, an account). */
function hasSubject(d: Details): boolean {
  return ['proposal_reference', 'reference', 'slug', 'page', 'nickname'].some((k) => typeof d[k] === 'string');
}

/**
 * One entry in words, as the log's list and the entry's own page both say
 * it: what was done and to what, then when and by whom (the time a link to
 * the entry's page where `link`), then its facts.
 */
export function AuditEntryText({ entry, link }: { entry: AuditEntry; link?: boolean }) {
  const d = (entry.details ?? {}) as Details;
  const rest = facts(entry.action === 'space.created' || entry.action === 'page.edited' ? { ...d, title: undefined } : d);
  const time = <time dateTime={entry.created_at}>{formatDateTime(entry.created_at)}</time>;
  return (
    <>
      <p class="mb-1">
        <strong>{actionName(entry.action)}</strong>
        {hasSubject(d) && (
          <>
            {t('common.dash')}
            <Subject entry={entry} />
          </>
        )}
      </p>
      <p class="small text-secondary mb-1">
        {link ? <a href={href('auditEntry', { id: entry.id })}>{time}</a> : time}
        {entry.actor_id && (
          <>
            {t('common.separator')}
            {t('audit.by')} <span lang={entry.actor_name ? contentLang() : undefined}>{personName(entry.actor_name)}</span>
          </>
        )}
        {!entry.actor_id && `${t('common.separator')}${t('audit.automatic')}`}
        {d.by === 'command line' && `${t('common.separator')}${t('audit.byOperator')}`}
      </p>
      {rest.length > 0 && <p class="small mb-0 audit-facts">{rest}</p>}
    </>
  );
}

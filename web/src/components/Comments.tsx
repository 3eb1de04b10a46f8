// Threaded comments: roots with "load more", replies fetched per comment to
// depth 3, alignment, votes, reply, edit, delete and report.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Body, Query } from '../api/paths';
import type { Comment, CommentRevision as Revision, Page } from '../api/types';
import { contentLang, t, tn, formatDateTime, type Key } from '../i18n';
import { useMe, usePages, useSession, useSubmit } from '../hooks';
import { renderMarkdown } from '../markdown';
import { href } from '../router';
import { announce, ErrorAlert, LoadMore, personName } from './ui';
import { ReportButton } from './Report';
import * as may from '../policy';

type NewComment = Body<'post', '/api/v1/proposals/{id}/comments'>;
type Alignment = NonNullable<NewComment['alignment']>;
type Order = NonNullable<Query<'get', '/api/v1/proposals/{id}/comments'>['order']>;

const ALIGNMENTS: readonly Alignment[] = ['in_favor', 'neutral', 'against'];
const ORDERS: readonly Order[] = ['oldest', 'newest', 'best', 'most_discussed'];

/** What the comments are on: a proposal (by id or reference) or an amendment. */
export interface Target {
  kind: 'proposal' | 'amendment';
  id: string;
}

/** Posts a comment (or a reply) on the target. */
function postComment(target: Target, body: NewComment): Promise<Comment> {
  const path = { id: target.id };
  return target.kind === 'proposal' ? api.post('/api/v1/proposals/{id}/comments', { path, body }) : api.post('/api/v1/amendments/{id}/comments', { path, body });
}

interface ThreadProps {
  target: Target;
  open: boolean;
  returnTo: string;
  /** A comment or reply was posted: the section's count takes it at once (replies count too). */
  onPosted: () => void;
}

interface Editor {
  body: string;
  alignment: Alignment;
}

/** The form to write (or edit) a comment. */
function CommentForm({
  id,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus,
}: {
  id: string;
  initial?: Editor;
  submitLabel: string;
  onSubmit: (value: Editor) => Promise<void>;
  onCancel?: () => void;
  /** Take the focus when shown (a form that replaced the button that opened it). */
  autoFocus?: boolean;
}) {
  const [body, setBody] = useState(initial?.body ?? '');
  useEffect(() => {
    if (autoFocus) document.getElementById(`${id}-body`)?.focus();
  }, []);
  const [alignment, setAlignment] = useState(initial?.alignment ?? 'neutral');
  const { error, busy, submit } = useSubmit(async () => {
    await onSubmit({ body, alignment });
    setBody('');
  });
  const bodyError = error?.fieldCode('body');
  return (
    <form class="comment-form" onSubmit={submit}>
      <ErrorAlert error={error} />
      <div class="form-group mb-3">
        <label for={`${id}-body`} class="form-label active">
          {t('comments.body')}
        </label>
        <textarea
          id={`${id}-body`}
          class={`form-control${bodyError ? ' is-invalid' : ''}`}
          rows={3}
          maxLength={2000}
          required
          value={body}
          aria-invalid={!!bodyError}
          onInput={(e) => setBody(e.currentTarget.value)}
        />
        <small class="form-text">{t('common.characters', { n: body.length, max: 2000 })}</small>
      </div>
      <fieldset class="mb-3">
        <legend class="form-label h6">{t('comments.alignment')}</legend>
        <div class="d-flex flex-wrap gap-3">
          {ALIGNMENTS.map((a) => (
            <div class="form-check form-check-inline" key={a}>
              <input
                type="radio"
                id={`${id}-al-${a}`}
                name={`${id}-alignment`}
                value={a}
                checked={alignment === a}
                onChange={() => setAlignment(a)}
              />
              <label for={`${id}-al-${a}`}>{t(`comments.alignment.${a}` as Key)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div class="d-flex gap-2">
        <button type="submit" class="btn btn-primary btn-sm" disabled={busy || !body.trim()}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="btn btn-outline-secondary btn-sm" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * A list of comments (a proposal's, or one comment's replies) read page by
 * page in `order`. `first` is a first page already read with the proposal
 * (oldest first); `enabled` false until the list is wanted.
 */
function useCommentList(target: Target, options: { parentId?: string; order?: Order; first?: Page<Comment> | null; enabled?: boolean } = {}) {
  const { parentId, order = 'oldest', first, enabled } = options;
  return usePages(
    (cursor, signal) => {
      const query = { order, parent_id: parentId, cursor, limit: 20 };
      return target.kind === 'proposal'
        ? api.get('/api/v1/proposals/{id}/comments', { path: { id: target.id }, query, signal })
        : api.get('/api/v1/amendments/{id}/comments', { path: { id: target.id }, query, signal });
    },
    [target.kind, target.id, parentId, order],
    { first: order === 'oldest' ? first : null, enabled, key: (c) => c.id },
  );
}

/** The earlier revisions of an edited comment, loaded on demand. */
function Revisions({ id }: { id: string }) {
  const [items, setItems] = useState<Revision[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <details
      class="comment-revisions small"
      onToggle={async (e) => {
        if (!(e.currentTarget as HTMLDetailsElement).open || items) return;
        try {
          setItems((await api.get('/api/v1/comments/{id}/revisions', { path: { id }, query: { limit: 100 } })).items);
        } catch (err) {
          setError(err as ApiError);
        }
      }}
    >
      <summary>{t('comments.revisions')}</summary>
      <ErrorAlert error={error} />
      {items && (
        <ol>
          {items.map((r) => (
            <li key={r.revision}>
              <p class="mb-0 text-secondary">
                {t('comments.revision', { n: r.revision, date: formatDateTime(r.created_at) })}{t('common.separator')}{t(`comments.alignment.${r.alignment}` as Key)}
              </p>
              <div class="markdown" lang={contentLang()} dangerouslySetInnerHTML={{ __html: renderMarkdown(r.body) }} />
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

function CommentItem({ comment, props, onChange }: { comment: Comment; props: ThreadProps; onChange: (c: Comment) => void }) {
  const me = useMe();
  const [mode, setMode] = useState<'view' | 'reply' | 'edit'>('view');
  const [showReplies, setShowReplies] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const replies = useCommentList(props.target, { parentId: comment.id, enabled: showReplies });
  // Where the focus goes after a control replaces itself: the reply or edit
  // button again (cancel, saved), the replies shown, or the comment itself
  // (deleted, its buttons gone).
  const focusNext = useRef<'reply' | 'edit' | 'replies' | 'comment' | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target) document.getElementById(`commento-${comment.id}-${target}`)?.focus();
  });
  const live = may.isLive(comment);
  const name = personName(comment.author?.display_name);

  const vote = async (value: number) => {
    setError(null);
    try {
      const v = await api.put('/api/v1/comments/{id}/vote', { path: { id: comment.id }, body: { value: comment.my_vote === value ? 0 : value } });
      onChange({ ...comment, votes: { up: v.up, down: v.down, score: v.score }, my_vote: v.my_vote });
      announce(t('comments.voted'));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const remove = async () => {
    if (!window.confirm(t('comments.deleteConfirm'))) return;
    setError(null);
    try {
      const c = await api.delete('/api/v1/comments/{id}', { path: { id: comment.id } });
      focusNext.current = 'comment';
      onChange(c ?? { ...comment, deleted: true, body: null, author: null, alignment: null });
      announce(t('comments.removed'));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const openReplies = () => {
    focusNext.current = 'replies';
    setShowReplies(true);
  };

  return (
    <li class={`comment depth-${comment.depth}`} id={`commento-${comment.id}`}>
      <article aria-label={live ? t('common.by', { name }) : undefined} id={`commento-${comment.id}-comment`} tabIndex={-1}>
        {live ? (
          <>
            <header class="d-flex flex-wrap gap-2 align-items-center">
              <strong>{name}</strong>
              {comment.alignment && <span class={`chip-alignment al-${comment.alignment}`}>{t(`comments.alignment.${comment.alignment}` as Key)}</span>}
              <time class="text-secondary small" dateTime={comment.created_at}>
                {formatDateTime(comment.created_at)}
              </time>
              {comment.edited && <span class="text-secondary small">({t('comments.edited')})</span>}
            </header>
            {mode === 'edit' ? (
              <CommentForm
                id={`edit-${comment.id}`}
                initial={{ body: comment.body ?? '', alignment: comment.alignment ?? 'neutral' }}
                submitLabel={t('common.save')}
                autoFocus
                onCancel={() => {
                  focusNext.current = 'edit';
                  setMode('view');
                }}
                onSubmit={async (v) => {
                  const c = await api.patch('/api/v1/comments/{id}', { path: { id: comment.id }, body: { body: v.body, alignment: v.alignment, revision: comment.revision } });
                  focusNext.current = 'edit';
                  onChange(c);
                  setMode('view');
                  announce(t('comments.saved'));
                }}
              />
            ) : (
              <div class="markdown comment-body" lang={contentLang()} dangerouslySetInnerHTML={{ __html: renderMarkdown(comment.body ?? '') }} />
            )}
            {comment.edited && mode !== 'edit' && <Revisions key={comment.revision} id={comment.id} />}
          </>
        ) : (
          <p class="text-secondary fst-italic">{comment.deleted ? t('comments.deleted') : t('comments.hidden')}</p>
        )}
        <ErrorAlert error={error} />
        <div class="comment-actions d-flex flex-wrap gap-3 align-items-center">
          <span class="visually-hidden">{t('comments.votes', { up: comment.votes.up, down: comment.votes.down })}</span>
          {may.canVote(comment, me) ? (
            <>
              <button type="button" class="btn btn-link btn-sm p-0 vote-up" aria-pressed={comment.my_vote === 1} onClick={() => vote(1)}>
                {t('comments.up')} ({comment.votes.up})
              </button>
              <button type="button" class="btn btn-link btn-sm p-0 vote-down" aria-pressed={comment.my_vote === -1} onClick={() => vote(-1)}>
                {t('comments.down')} ({comment.votes.down})
              </button>
            </>
          ) : (
            <span class="small text-secondary" aria-hidden="true">
              {t('comments.voteCounts', { up: comment.votes.up, down: comment.votes.down })}
            </span>
          )}
          {may.canReply(comment, props.open, me) && (
            <button type="button" class="btn btn-link btn-sm p-0" id={`commento-${comment.id}-reply`} onClick={() => setMode('reply')} aria-expanded={mode === 'reply'}>
              {t('comments.reply')}
            </button>
          )}
          {may.canEditComment(comment, props.open, me) && (
            <button type="button" class="btn btn-link btn-sm p-0" id={`commento-${comment.id}-edit`} onClick={() => setMode('edit')}>
              {t('comments.edit')}
            </button>
          )}
          {may.canDeleteComment(comment, me) && (
            <button type="button" class="btn btn-link btn-sm p-0" onClick={remove}>
              {t('comments.delete')}
            </button>
          )}
          {may.canReportComment(comment, me) && <ReportButton kind="comment" id={comment.id} />}
        </div>
        {mode === 'reply' && (
          <div class="ms-3 mt-2">
            <p class="h6">{t(/^a/i.test(name) ? 'comments.replyToAd' : 'comments.replyTo', { name })}</p>
            <CommentForm
              id={`reply-${comment.id}`}
              submitLabel={t('comments.publish')}
              autoFocus
              onCancel={() => {
                focusNext.current = 'reply';
                setMode('view');
              }}
              onSubmit={async (v) => {
                const c = await postComment(props.target, { body: v.body, alignment: v.alignment, parent_id: comment.id });
                focusNext.current = 'replies';
                setMode('view');
                // Replies not read yet are read now, the new one with them.
                if (replies.loaded) replies.update((old) => [...old, c]);
                setShowReplies(true);
                onChange({ ...comment, replies_count: comment.replies_count + 1 });
                props.onPosted();
                announce(t('comments.posted'));
              }}
            />
          </div>
        )}
      </article>
      {comment.replies_count > 0 && !showReplies && (
        <button type="button" class="btn btn-link btn-sm p-0 ms-3" onClick={openReplies}>
          {tn('comments.replies', comment.replies_count)}
        </button>
      )}
      {showReplies && (
        <>
          {!replies.loaded && <ErrorAlert error={replies.error} />}
          <ul class="comment-list replies" id={`commento-${comment.id}-replies`} tabIndex={-1} aria-label={t('comments.repliesList')}>
            {replies.items.map((r) => (
              <CommentItem key={r.id} comment={r} props={props} onChange={(c) => replies.update((old) => old.map((x) => (x.id === c.id ? c : x)))} />
            ))}
          </ul>
          <LoadMore pages={replies} listId={`commento-${comment.id}-replies`} label={t('comments.moreReplies')} />
        </>
      )}
    </li>
  );
}

/** The comments section of a proposal or amendment; `first` is the first page when the caller already has it. */
export function Comments({ target, count, open, returnTo, first }: { target: Target; count?: number; open: boolean; returnTo: string; first?: Page<Comment> | null }) {
  const { me, restoring } = useSession();
  const [order, setOrder] = useState<Order>('oldest');
  const [total, setTotal] = useState(count);
  // The first page comes with the proposal (read again when the user signs
  // in or out); another order, or a list without one, is read here.
  const list = useCommentList(target, { order, first });
  const { items, update } = list;
  const posted = () => setTotal((n) => (n === undefined ? n : n + 1));
  const props: ThreadProps = { target, open, returnTo, onPosted: posted };
  const replace = (n: Comment) => update((old) => old.map((x) => (x.id === n.id ? n : x)));
  return (
    <section aria-labelledby="comments-title" class="mt-5">
      <h2 id="comments-title">{total === undefined ? t('comments.heading') : t('comments.title', { n: total })}</h2>
      <div class="mb-3 comment-order">
        <label for="comment-order" class="form-label active">
          {t('comments.order')}
        </label>
        <select
          id="comment-order"
          class="form-control"
          value={order}
          onChange={(e) => setOrder(e.currentTarget.value as Order)}
        >
          {ORDERS.map((o) => (
            <option key={o} value={o}>
              {t(`comments.order.${o}` as Key)}
            </option>
          ))}
        </select>
      </div>
      {may.canComment(open, me) && (
        <div class="card card-bg p-3 mb-4">
          <h3 class="h6">{t('comments.new')}</h3>
          <CommentForm
            id="new-comment"
            submitLabel={t('comments.publish')}
            onSubmit={async (v) => {
              const c = await postComment(target, { body: v.body, alignment: v.alignment });
              update((old) => (order === 'newest' ? [c, ...old] : [...old, c]));
              posted();
              announce(t('comments.posted'));
            }}
          />
        </div>
      )}
      {open && !me && !restoring && (
        <p>
          <a href={href('signIn', {}, { da: returnTo })}>{t('common.signInToAct')}</a>
        </p>
      )}
      {!open && <p class="text-secondary">{t('comments.closed')}</p>}
      {!list.loaded && <ErrorAlert error={list.error} />}
      {items.length === 0 && list.loaded ? (
        <p>{t('comments.empty')}</p>
      ) : (
        <ul class="comment-list" id="comment-list" tabIndex={-1} aria-label={t('comments.heading')}>
          {items.map((c) => (
            <CommentItem key={c.id} comment={c} props={props} onChange={replace} />
          ))}
        </ul>
      )}
      <LoadMore pages={list} listId="comment-list" label={t('comments.more')} />
    </section>
  );
}

// The diff between any two versions (da, a in the query string), inline or
// side by side, by word or by line.
import { useState } from 'preact/hooks';
import { formatDateTime, t } from '../i18n';
import { useQuery } from '../hooks';
import { href, setQuery } from '../router';
import { DiffView } from '../components/Diff';
import { ErrorAlert, Loading, PageTitle, ErrorPage, BackToProposal, Content } from '../components/ui';

function defaultLayout(): 'inline' | 'side' {
  return typeof window !== 'undefined' && window.matchMedia?.('(min-width: 992px)').matches ? 'side' : 'inline';
}


/** One labelled choice of the compare form. */
function Choice(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: [string, string][];
  onChange: (value: string) => void;
  wide?: boolean;
}) {
  return (
    <div class={props.wide ? 'col-6 col-md-3' : 'col-6 col-md-2'}>
      <label for={props.id} class="form-label active">
        {props.label}
      </label>
      <select id={props.id} name={props.name} class="form-control" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function CompareForm(props: { versions: number[]; from: number; to: number; layout: string; granularity: string }) {
  const versions: [string, string][] = props.versions.map((v) => [String(v), t('diff.version', { n: v })]);
  const [f, setF] = useState(String(props.from));
  const [tt, setT] = useState(String(props.to));
  const [l, setL] = useState(props.layout);
  const [g, setG] = useState(props.granularity);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    setQuery({ da: f, a: tt, vista: l, dettaglio: g }, { replace: false });
  };
  return (
    <form class="row g-3 align-items-end mb-3" onSubmit={onSubmit}>
      <Choice id="diff-from" name="da" label={t('diff.from')} value={f} options={versions} onChange={setF} />
      <Choice id="diff-to" name="a" label={t('diff.to')} value={tt} options={versions} onChange={setT} />
      <Choice
        id="diff-layout"
        name="vista"
        label={t('diff.layout')}
        value={l}
        options={[
          ['inline', t('diff.inline')],
          ['side', t('diff.sideBySide')],
        ]}
        onChange={setL}
        wide
      />
      <Choice
        id="diff-granularity"
        name="dettaglio"
        label={t('diff.granularity')}
        value={g}
        options={[
          ['word', t('diff.word')],
          ['line', t('diff.line')],
        ]}
        onChange={setG}
        wide
      />
      <div class="col-12 col-md-2">
        <button type="submit" class="btn btn-primary">
          {t('diff.show')}
        </button>
      </div>
    </form>
  );
}

export function Compare({ reference, query }: { reference: string; query: URLSearchParams }) {
  const path = { id: reference };
  const proposal = useQuery('/api/v1/proposals/{id}', { path });
  const current = proposal.data?.current_version ?? 1;
  const to = Number(query.get('a') ?? current) || current;
  const from = Number(query.get('da') ?? Math.max(1, to - 1)) || 1;
  const layout = (query.get('vista') as 'inline' | 'side' | null) ?? defaultLayout();
  const granularity = query.get('dettaglio') === 'line' ? 'line' : 'word';
  const diff = useQuery('/api/v1/proposals/{id}/diff', proposal.data && from !== to ? { path, query: { from, to, granularity } } : null);
  if (proposal.error) return <ErrorPage error={proposal.error} />;
  if (!proposal.data) return <Loading />;
  const p = proposal.data;
  const versions = Array.from({ length: p.current_version }, (_, i) => i + 1);
  return (
    <>
      <p>
        <BackToProposal reference={p.reference} label={t('versions.back')} />{t('common.separator')}<a href={href('versions', { ref: p.reference })}>{t('proposal.seeVersions')}</a>
      </p>
      <PageTitle title={`${t('diff.title')}: ${p.title}`}>
        {t('diff.title')}: <Content>{p.title}</Content>
      </PageTitle>
      <CompareForm key={`${from}-${to}-${layout}-${granularity}`} versions={versions} from={from} to={to} layout={layout} granularity={granularity} />
      <p class="small text-secondary">{t('diff.legend')}</p>
      {from === to && <p>{t('diff.same')}</p>}
      <ErrorAlert error={diff.error} />
      {diff.loading && from !== to && <Loading />}
      {[diff.data?.from_erased_at, diff.data?.to_erased_at].map(
        (at, side) =>
          at && (
            <p key={side} class="alert alert-info py-2">
              {t('diff.version', { n: side ? to : from })}: {t('version.erased', { date: formatDateTime(at) })}
            </p>
          ),
      )}
      {diff.data && (
        <section aria-label={t('diff.title')} class="diff">
          <DiffView ops={diff.data.title.ops} layout={layout} from={diff.data.from} to={diff.data.to} label={t('diff.titleField')} level={2} />
          <DiffView ops={diff.data.body.ops} layout={layout} from={diff.data.from} to={diff.data.to} label={t('diff.bodyField')} level={2} />
        </section>
      )}
    </>
  );
}

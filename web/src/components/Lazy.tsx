// Renders a part of the app that lives in a chunk loaded on demand (each
// screen of the route table): the module is loaded once, then `render`
// runs on every render with the current props, so address changes reach
// the screen. A module already loaded (`id`) is drawn at once.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { ErrorPage, Loading } from './ui';

const loaded = new Map<string, unknown>();

export function Lazy<M>({ id, load, render }: { id: string; load: () => Promise<M>; render: (module: M) => JSX.Element | null }) {
  const [module, setModule] = useState<M | null>(() => (loaded.get(id) as M | undefined) ?? null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (module) return;
    let live = true;
    load().then(
      (m) => {
        loaded.set(id, m);
        if (live) setModule(() => m);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  if (failed) return <ErrorPage error={new ApiError(0, 'network_error')} />;
  return module ? render(module) : <Loading />;
}

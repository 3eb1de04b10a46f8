// Renders a part of the app that lives in a chunk loaded on demand: the
// module is loaded once, then `render` runs on every render with the
// current props, so address changes reach the screen.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { ErrorPage, Loading } from './ui';

export function Lazy<M>({ load, render }: { load: () => Promise<M>; render: (module: M) => JSX.Element | null }) {
  const [module, setModule] = useState<M | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    load().then(
      (m) => live && setModule(() => m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  if (failed) return <ErrorPage error={new ApiError(0, 'network_error')} />;
  return module ? render(module) : <Loading />;
}

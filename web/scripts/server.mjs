// Starts a real `emenda serve --demo` on a free port with a fresh SQLite
// data directory, for the API check and the browser tests.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
export const repo = resolve(here, '..', '..');

/** The emenda binary: EMENDA_BIN, else target/release, else target/debug. */
export function emendaBin() {
  const candidates = [process.env.EMENDA_BIN, join(repo, 'target/release/emenda'), join(repo, 'target/debug/emenda')].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`no emenda binary: build it (cargo build) or set EMENDA_BIN; tried ${candidates.join(', ')}`);
  return found;
}

/** A port the system just gave out and took back: free unless taken in the next instant. */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Starts the server; resolves to { url, stop, lastLog, cli } once /readyz answers. */
export async function startServer({ webDir = join(repo, 'web', 'dist'), env = {} } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'emenda-web-'));
  const child = spawn(emendaBin(), ['serve', '--demo', '--bind', `127.0.0.1:${port}`, '--data-dir', dataDir, '--web-dir', webDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, RUST_LOG: 'warn', ...env },
  });
  let log = '';
  child.stderr.on('data', (d) => (log = (log + d).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`emenda exited (${child.exitCode}):\n${log}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`emenda did not become ready:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  // What the server said last, for a test that fails because it went away.
  const lastLog = () => log;
  /** Runs an `emenda` command (`erase-version`, …) on this server's database, as its operator would; returns what it printed. */
  const cli = (args) => execFileSync(emendaBin(), [...args, '--data-dir', dataDir], { env: { ...process.env, RUST_LOG: 'warn', ...env }, encoding: 'utf8' });
  return { url, stop, lastLog, cli };
}

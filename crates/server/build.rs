//! Builds the web app when its build is missing or older than its sources
//! (and npm is there), then embeds the built files in the binary, so one
//! binary is the whole product. Never fails the Rust build over the web app:
//! without npm (or with `EMENDA_SKIP_WEB_BUILD` set) the existing build is
//! embedded, or, when there is none, the placeholder page `web/index.html`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

/// Sources whose change makes the build stale.
const SOURCES: &[&str] = &["src", "package.json", "package-lock.json", "vite.config.ts", "tsconfig.json", "index.html"];

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let web = manifest.join("../../web");
    for source in SOURCES {
        println!("cargo:rerun-if-changed={}", web.join(source).display());
    }
    println!("cargo:rerun-if-env-changed=EMENDA_SKIP_WEB_BUILD");
    // A build made by hand changes the hashed names: list the files again.
    println!("cargo:rerun-if-changed={}", web.join("dist").display());

    let dist = web.join("dist");
    if std::env::var_os("EMENDA_SKIP_WEB_BUILD").is_none() && is_stale(&web, &dist) {
        build_app(&web);
    }

    let files = if dist.join("index.html").is_file() {
        let mut files = Vec::new();
        collect(&dist, &dist, &mut files);
        files
    } else {
        println!(
            "cargo:warning=web/dist is missing: embedding the placeholder page (install Node and npm to build the app)"
        );
        vec![("index.html".to_owned(), web.join("index.html"))]
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("web_assets.rs");
    if let Err(error) = std::fs::write(&out, generate(&files)) {
        panic!("cannot write {}: {error}", out.display());
    }
}

/// Whether `dist` is missing or older than any source of the app.
fn is_stale(web: &Path, dist: &Path) -> bool {
    let Some(built) = modified(&dist.join("index.html")) else { return true };
    SOURCES.iter().any(|source| newest(&web.join(source)).is_some_and(|time| time > built))
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The newest modification time under `path` (a file or a folder).
fn newest(path: &Path) -> Option<SystemTime> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_dir() {
        return meta.modified().ok();
    }
    std::fs::read_dir(path).ok()?.flatten().filter_map(|entry| newest(&entry.path())).max()
}

/// Runs `npm ci` (when the installed packages are missing or older than the
/// lock file) and `npm run build`; warns instead of failing.
fn build_app(web: &Path) {
    if Command::new("npm").arg("--version").output().map(|o| !o.status.success()).unwrap_or(true) {
        println!("cargo:warning=npm not found: the web app is not rebuilt");
        return;
    }
    // Two builds (debug and release) may run at once: one npm build at a time.
    let Some(_lock) = Lock::take(&web.join(".build.lock")) else {
        println!("cargo:warning=another build of the web app did not finish: not rebuilt");
        return;
    };
    let installed = web.join("node_modules/.package-lock.json");
    let needs_install = match (modified(&installed), modified(&web.join("package-lock.json"))) {
        (Some(installed), Some(lock)) => lock > installed,
        _ => true,
    };
    if needs_install && !npm(web, &["ci", "--no-audit", "--no-fund"]) {
        return;
    }
    npm(web, &["run", "build"]);
}

fn npm(web: &Path, args: &[&str]) -> bool {
    match Command::new("npm").args(args).current_dir(web).output() {
        Ok(output) if output.status.success() => true,
        Ok(output) => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let last = stderr.lines().rev().take(5).collect::<Vec<_>>();
            println!("cargo:warning=npm {} failed: {}", args.join(" "), last.join(" | "));
            false
        }
        Err(error) => {
            println!("cargo:warning=npm {} could not start: {error}", args.join(" "));
            false
        }
    }
}

/// A lock file held while npm builds, removed on drop; a lock older than ten
/// minutes is taken as left over from a killed build.
struct Lock(PathBuf);

impl Lock {
    fn take(path: &Path) -> Option<Lock> {
        for _ in 0..600 {
            if std::fs::OpenOptions::new().write(true).create_new(true).open(path).is_ok() {
                return Some(Lock(path.to_owned()));
            }
            let stale = modified(path)
                .and_then(|t| SystemTime::now().duration_since(t).ok())
                .is_some_and(|age| age > Duration::from_secs(600));
            if stale {
                let _ = std::fs::remove_file(path);
                continue;
            }
            std::thread::sleep(Duration::from_millis(500));
        }
        None
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Every file under `dir`, as (path relative to `root` with `/`, absolute path).
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(root, &path, files);
        } else if let Ok(relative) = path.strip_prefix(root) {
            let name = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            let absolute = path.canonicalize().unwrap_or(path);
            files.push((name, absolute));
        }
    }
}

/// The Rust source of the embedded file table.
fn generate(files: &[(String, PathBuf)]) -> String {
    let mut source = String::from("/// The built web app: (path without the leading `/`, contents).\n");
    source.push_str("pub static FILES: &[(&str, &[u8])] = &[\n");
    for (name, path) in files {
        let _ = writeln!(source, "    ({name:?}, include_bytes!({:?})),", path.display().to_string());
    }
    source.push_str("];\n");
    source
}

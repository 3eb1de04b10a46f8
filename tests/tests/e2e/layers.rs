//! The layering, as the compiler enforces it: the API and the server do not
//! depend on the store, so neither can name a store type (a record, the
//! store's error, a transaction) and both reach the database through the
//! services only. A service crate that re-exported a store type would open
//! that door again, so none may.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The crates that must not see the store.
const ABOVE_THE_SERVICES: [&str; 2] = ["emenda-api", "emenda-server"];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every dependency (normal, dev or build) each workspace package declares,
/// as `cargo metadata` reads them from the manifests.
fn declared_dependencies() -> Vec<(String, String, String)> {
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--no-deps", "--offline", "--manifest-path"])
        .arg(workspace().join("Cargo.toml"))
        .output()
        .expect("run cargo metadata");
    assert!(output.status.success(), "cargo metadata: {}", String::from_utf8_lossy(&output.stderr));
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");
    let mut found = Vec::new();
    for package in metadata["packages"].as_array().expect("packages") {
        let name = package["name"].as_str().unwrap_or_default();
        for dependency in package["dependencies"].as_array().expect("dependencies") {
            let kind = dependency["kind"].as_str().unwrap_or("normal");
            let dependency = dependency["name"].as_str().unwrap_or_default();
            found.push((name.to_owned(), dependency.to_owned(), kind.to_owned()));
        }
    }
    found
}

#[test]
fn the_api_and_the_server_do_not_depend_on_the_store() {
    let dependencies = declared_dependencies();
    for package in ABOVE_THE_SERVICES {
        assert!(
            dependencies.iter().any(|(name, _, _)| name == package),
            "{package} is not in the workspace: the check would pass vacuously"
        );
        let on_store: Vec<_> = dependencies
            .iter()
            .filter(|(name, dependency, _)| name == package && dependency == "emenda-store")
            .collect();
        assert!(
            on_store.is_empty(),
            "{package} depends on emenda-store ({on_store:?}): it must reach the database through the services \
             (emenda-service's `Database` for what the binary needs)"
        );
    }
}

/// The crates allowed to use the store, which must keep it to themselves.
const SERVICE_CRATES: [&str; 4] = ["service", "accounts", "participation", "staff"];

fn rust_files(folder: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("read a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_service_crate_re_exports_a_store_type() {
    let mut files = Vec::new();
    for krate in SERVICE_CRATES {
        rust_files(&workspace().join("crates").join(krate).join("src"), &mut files);
    }
    assert!(files.len() > 10, "the service crates' sources were not found");
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read a source file");
        let compact = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(!compact.contains("pub use emenda_store"), "{} re-exports a store type", file.display());
    }
}

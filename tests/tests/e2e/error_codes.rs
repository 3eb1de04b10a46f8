//! The error codes are one enum each (`ErrorCode`, `FieldCode`); the
//! OpenAPI document and `docs/api.md` must list exactly those, with the
//! status the API really answers. This fails when any of them drifts.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_api::problem::status_of;
use emenda_domain::{ErrorCode, FieldCode};
use emenda_store::Backend;
use emenda_tests::TestApp;
use serde_json::Value;
use std::collections::BTreeSet;

fn enum_values(schema: &Value) -> BTreeSet<String> {
    schema["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("not an enum schema: {schema}"))
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_openapi_document_lists_every_code() {
    let app = TestApp::spawn(Backend::Sqlite);
    let doc = app.get("/api/openapi.json", None).expect(200).clone();
    let schemas = &doc["components"]["schemas"];
    let errors: BTreeSet<String> = ErrorCode::ALL.iter().map(|c| c.as_str().to_owned()).collect();
    let fields: BTreeSet<String> = FieldCode::ALL.iter().map(|c| c.as_str().to_owned()).collect();
    assert_eq!(enum_values(&schemas["ErrorCode"]), errors);
    assert_eq!(enum_values(&schemas["FieldCode"]), fields);
    assert_eq!(schemas["Problem"]["properties"]["code"]["$ref"], "#/components/schemas/ErrorCode");
}

/// `| 409 | `code` | meaning |` rows of the error table in docs/api.md.
fn documented_codes() -> (Vec<(u16, String)>, BTreeSet<String>) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/api.md");
    let text = std::fs::read_to_string(path).unwrap();
    let mut errors = Vec::new();
    let mut fields = BTreeSet::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() == 5 {
            if let (Ok(status), Some(code)) = (cells[1].parse::<u16>(), cells[2].strip_prefix('`')) {
                errors.push((status, code.trim_end_matches('`').to_owned()));
            }
        } else if cells.len() == 4 && cells[1].starts_with('`') && !cells[1].contains(' ') {
            fields.insert(cells[1].trim_matches('`').to_owned());
        }
    }
    (errors, fields)
}

#[test]
fn docs_list_every_code_with_its_status() {
    let (documented, fields) = documented_codes();
    let expected: Vec<(u16, String)> = {
        let mut all: Vec<(u16, String)> =
            ErrorCode::ALL.iter().map(|c| (status_of(*c).as_u16(), c.as_str().to_owned())).collect();
        all.sort();
        all
    };
    let mut documented_sorted = documented.clone();
    documented_sorted.sort();
    assert_eq!(documented_sorted, expected, "docs/api.md's error table disagrees with ErrorCode and status_of");
    let expected_fields: BTreeSet<String> = FieldCode::ALL.iter().map(|c| c.as_str().to_owned()).collect();
    assert_eq!(fields, expected_fields, "docs/api.md's field-code table disagrees with FieldCode");
}

//! Finds the applets of the enabled features and generates the applet table.
//!
//! Every applet lives in `applets/<family>/<name>.rs` (or, when it is big,
//! `applets/<family>/<name>/mod.rs`) and declares
//! `pub const APPLET: Applet = Applet { name: "<name>", aliases: &[...], .. }`.
//! Every applet has a cargo feature of the same name. This script checks that
//! the files and the features agree, then writes `$OUT_DIR/applets.rs`: one
//! module per enabled applet and `TABLE`, the names and aliases sorted by
//! bytes so the multiplexer can binary-search it.

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::exit;

struct Found {
    name: String,
    path: PathBuf,
    aliases: Vec<String>,
}

fn fail(msg: &str) -> ! {
    eprintln!("error: oxbox build: {msg}");
    exit(1);
}

fn main() {
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    println!("cargo:rerun-if-changed=Cargo.toml");
    println!("cargo:rerun-if-changed=applets");

    let manifest = fs::read_to_string(root.join("Cargo.toml"))
        .unwrap_or_else(|e| fail(&format!("cannot read Cargo.toml: {e}")));
    let (features, not_applets) = parse_manifest(&manifest);
    let applets = find_applets(&root.join("applets"));

    let mut problems = Vec::new();
    for name in applets.keys() {
        if !features.contains(name) {
            problems.push(format!(
                "applet `{name}` has no feature: add `{name} = []` to [features] in Cargo.toml"
            ));
        }
    }
    for feature in &features {
        if !applets.contains_key(feature) && !not_applets.contains(feature) {
            problems.push(format!(
                "feature `{feature}` names no applet file in applets/<family>/{feature}.rs \
                 (list it in [package.metadata.oxbox] not-applets if it is not an applet)"
            ));
        }
    }
    if !problems.is_empty() {
        fail(&problems.join("\n       "));
    }

    let enabled: Vec<&Found> = applets
        .values()
        .filter(|a| env::var_os(feature_var(&a.name)).is_some())
        .collect();

    let mut code = String::new();
    let mut table: BTreeMap<Vec<u8>, String> = BTreeMap::new();
    for a in &enabled {
        let module = module_name(&a.name);
        code.push_str(&format!(
            "#[path = {:?}]\npub mod {module};\n",
            a.path.display().to_string()
        ));
        for n in std::iter::once(&a.name).chain(&a.aliases) {
            if let Some(other) = table.insert(n.as_bytes().to_vec(), module.clone()) {
                fail(&format!(
                    "applet name `{n}` is claimed twice ({other} and {module})"
                ));
            }
        }
    }
    code.push_str("\n/// Every applet name and alias, sorted by bytes.\n");
    code.push_str("pub static TABLE: &[(&str, &crate::Applet)] = &[\n");
    for (name, module) in &table {
        let name = String::from_utf8_lossy(name);
        code.push_str(&format!("    ({name:?}, &{module}::APPLET),\n"));
    }
    code.push_str("];\n");

    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default()).join("applets.rs");
    fs::write(&out, code).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}

fn feature_var(name: &str) -> String {
    format!("CARGO_FEATURE_{}", name.to_uppercase().replace('-', "_"))
}

/// `true` and `false` are keywords; every applet module gets a raw identifier.
fn module_name(name: &str) -> String {
    format!("r#{}", name.replace('-', "_"))
}

/// Returns the names in `[features]` and the `not-applets` list.
fn parse_manifest(text: &str) -> (Vec<String>, Vec<String>) {
    let mut section = "";
    let mut features = Vec::new();
    let mut not_applets = Vec::new();
    let mut in_not_applets = false;
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.starts_with('[') && !in_not_applets {
            section = line;
            continue;
        }
        match section {
            "[features]" => {
                if let Some((key, _)) = line.split_once('=') {
                    let key = key.trim();
                    if !key.is_empty() && !key.contains('"') {
                        features.push(key.to_string());
                    }
                }
            }
            "[package.metadata.oxbox]" => {
                let rest = if let Some((key, value)) = line.split_once('=') {
                    in_not_applets = key.trim() == "not-applets";
                    value
                } else {
                    line
                };
                if in_not_applets {
                    for part in rest.split(',') {
                        let word = part.trim().trim_matches(|c| c == '[' || c == ']').trim();
                        let word = word.trim_matches('"');
                        if !word.is_empty() {
                            not_applets.push(word.to_string());
                        }
                    }
                    if rest.contains(']') {
                        in_not_applets = false;
                    }
                }
            }
            _ => {}
        }
    }
    (features, not_applets)
}

fn find_applets(dir: &Path) -> BTreeMap<String, Found> {
    let mut found = BTreeMap::new();
    let families =
        fs::read_dir(dir).unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", dir.display())));
    for family in families.flatten() {
        let Ok(entries) = fs::read_dir(family.path()) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let (stem, file) = if path.is_dir() {
                (path.file_name(), path.join("mod.rs"))
            } else if path.extension().is_some_and(|e| e == "rs") {
                (path.file_stem(), path.clone())
            } else {
                continue;
            };
            let Some(stem) = stem.and_then(|s| s.to_str()).map(str::to_string) else {
                fail(&format!(
                    "applet file name is not UTF-8: {}",
                    path.display()
                ));
            };
            let text = fs::read_to_string(&file)
                .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", file.display())));
            let (name, aliases) = parse_applet(&text)
                .unwrap_or_else(|| fail(&format!("{}: no `pub const APPLET: Applet = Applet {{ name: \"..\", aliases: &[..], .. }}`", file.display())));
            if name != stem {
                fail(&format!(
                    "{}: applet is named `{name}` but its file is `{stem}`",
                    file.display()
                ));
            }
            if let Some(old) = found.insert(
                name.clone(),
                Found {
                    name,
                    path: file.clone(),
                    aliases,
                },
            ) {
                fail(&format!(
                    "applet `{}` is defined twice: {} and {}",
                    old.name,
                    old.path.display(),
                    file.display()
                ));
            }
        }
    }
    found
}

/// Reads `name: "x"` and `aliases: &["a", "b"]` from the `APPLET` constant.
fn parse_applet(text: &str) -> Option<(String, Vec<String>)> {
    let start = text.find("pub const APPLET: Applet = Applet {")?;
    let body = &text[start..];
    let name = quoted(&body[body.find("name:")? + 5..])?.0;
    let rest = &body[body.find("aliases:")? + 8..];
    let list = &rest[..rest.find(']')?];
    let mut aliases = Vec::new();
    let mut cursor = list;
    while let Some((alias, after)) = quoted(cursor) {
        aliases.push(alias);
        cursor = after;
    }
    Some((name, aliases))
}

/// The first double-quoted string (with `\\` and `\"` escapes) and the text after it.
fn quoted(s: &str) -> Option<(String, &str)> {
    let open = s.find('"')?;
    let mut out = String::new();
    let mut chars = s[open + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &s[open + 1 + i + 1..])),
            '\\' => out.push(chars.next()?.1),
            c => out.push(c),
        }
    }
    None
}

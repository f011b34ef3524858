//! mktemp: templates, -d -u -q -p -t --suffix, modes and errors.

use crate::common::*;
use std::os::unix::fs::PermissionsExt;

fn one_line(out: &Out) -> String {
    let s = out.stdout_str();
    assert!(s.ends_with('\n') && s.matches('\n').count() == 1, "{s:?}");
    s.trim_end().to_string()
}

#[test]
fn default_template() {
    let t = TempDir::new();
    let out = cmd("mktemp").env("TMPDIR", t.path()).run();
    out.ok();
    let name = one_line(&out);
    let prefix = format!("{}/tmp.", t.path().display());
    assert!(
        name.starts_with(&prefix) && name.len() == prefix.len() + 10,
        "{name}"
    );
    let md = std::fs::metadata(&name).expect("made");
    assert!(md.is_file());
    assert_eq!(md.permissions().mode() & 0o777, 0o600);
    // Without TMPDIR: /tmp.
    let out = cmd("mktemp").args(["-u"]).env_remove("TMPDIR").run();
    assert!(one_line(&out).starts_with("/tmp/tmp."));
}

#[test]
fn templates_and_options() {
    let t = TempDir::new();
    let out = cmd("mktemp").arg("fooXXXX").cwd(t.path()).run();
    out.ok();
    let name = one_line(&out);
    assert!(name.starts_with("foo") && name.len() == 7);
    assert!(name[3..].bytes().all(|b| b.is_ascii_alphanumeric()));
    assert!(t.join(&name).is_file());
    let out = cmd("mktemp").args(["-d", "dXXX"]).cwd(t.path()).run();
    let d = one_line(&out);
    let md = std::fs::metadata(t.join(&d)).expect("made");
    assert!(md.is_dir());
    assert_eq!(md.permissions().mode() & 0o777, 0o700);
    let out = cmd("mktemp")
        .args(["--suffix=.txt", "sXXX"])
        .cwd(t.path())
        .run();
    let s = one_line(&out);
    assert!(s.starts_with('s') && s.ends_with(".txt") && s.len() == 8);
    let out = cmd("mktemp")
        .args(["-p", "sub", "pXXX"])
        .cwd(t.path())
        .run();
    out.status(1);
    std::fs::create_dir(t.join("sub")).expect("mkdir");
    let out = cmd("mktemp")
        .args(["-p", "sub", "pXXX"])
        .cwd(t.path())
        .run();
    assert!(one_line(&out).starts_with("sub/p"));
    let out = cmd("mktemp")
        .args(["-t", "tXXX"])
        .env("TMPDIR", t.join("sub"))
        .run();
    assert!(one_line(&out).starts_with(&format!("{}/t", t.join("sub").display())));
    // -u makes nothing.
    let out = cmd("mktemp").args(["-u", "uXXX"]).cwd(t.path()).run();
    assert!(!t.join(one_line(&out)).exists());
}

#[test]
fn unique_names() {
    let t = TempDir::new();
    let mut seen = std::collections::HashSet::new();
    for _ in 0..50 {
        let out = cmd("mktemp").arg("nXXX").cwd(t.path()).run();
        out.ok();
        assert!(seen.insert(one_line(&out)));
    }
}

#[test]
fn errors() {
    let t = TempDir::new();
    let e = |args: &[&str], err: &str| {
        cmd("mktemp")
            .args(args)
            .cwd(t.path())
            .run()
            .status(1)
            .out("")
            .err_has(err);
    };
    e(&["fooXX"], "mktemp: too few X's in template 'fooXX'\n");
    e(
        &["no/fooXXX"],
        "mktemp: failed to create file via template 'no/fooXXX': No such file or directory\n",
    );
    e(
        &["-d", "no/fooXXX"],
        "mktemp: failed to create directory via template 'no/fooXXX': No such file or directory\n",
    );
    e(&["a", "b"], "mktemp: too many templates\n");
    e(
        &["--suffix=/x", "fooXXX"],
        "mktemp: invalid suffix '/x', contains directory separator\n",
    );
    e(
        &["--suffix=.c", "fooXXXa"],
        "mktemp: with --suffix, template 'fooXXXa' must end in X\n",
    );
    cmd("mktemp")
        .args(["-q", "no/fooXXX"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("");
}

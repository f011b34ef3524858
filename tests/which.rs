//! which: first or all matches in PATH, names with slashes, status.

use crate::common::*;
use std::os::unix::fs::PermissionsExt;

#[test]
fn finds_commands() {
    let t = TempDir::new();
    for d in ["a", "b", "c"] {
        std::fs::create_dir(t.join(d)).expect("mkdir");
    }
    for d in ["a", "b"] {
        let p = t.write(format!("{d}/prog"), "#!/bin/sh\n");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    // Not executable, and a directory of the name: both skipped.
    t.write("c/prog", "");
    std::fs::create_dir(t.join("c/dirprog")).expect("mkdir");
    let path = format!("{0}/c:{0}/a:{0}/b", t.path().display());
    let base = t.path().display().to_string();
    cmd("which")
        .arg("prog")
        .env("PATH", &path)
        .run()
        .ok()
        .out(format!("{base}/a/prog\n"));
    cmd("which")
        .args(["-a", "prog"])
        .env("PATH", &path)
        .run()
        .ok()
        .out(format!("{base}/a/prog\n{base}/b/prog\n"));
    cmd("which")
        .args(["prog", "nonex", "dirprog"])
        .env("PATH", &path)
        .run()
        .status(1)
        .err("")
        .out(format!("{base}/a/prog\n"));
    // An empty entry is the current directory.
    cmd("which")
        .arg("prog")
        .env("PATH", ":/nonexistent")
        .cwd(t.join("a"))
        .run()
        .ok()
        .out("./prog\n");
}

#[test]
fn paths_with_slashes() {
    cmd("which").arg("/bin/sh").run().ok().out("/bin/sh\n");
    cmd("which").arg("./nonex").run().status(1).out("");
    cmd("which").run().status(1).out("");
}

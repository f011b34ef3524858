//! tree: drawing in ASCII and UTF-8, -a -d -L -f -i, links, counts, errors.

use crate::common::*;

fn setup() -> TempDir {
    let t = TempDir::new();
    std::fs::create_dir_all(t.join("d/e")).expect("mkdir");
    std::fs::create_dir_all(t.join(".h")).expect("mkdir");
    t.write("d/f", "");
    t.write("d/e/g", "");
    t.write("a", "");
    t.write(".h/x", "");
    std::os::unix::fs::symlink("a", t.join("l")).expect("symlink");
    t
}

#[test]
fn ascii_in_the_c_locale() {
    let t = setup();
    cmd("tree").cwd(t.path()).run().ok()
        .out(".\n|-- a\n|-- d\n|   |-- e\n|   |   `-- g\n|   `-- f\n`-- l -> a\n\n3 directories, 4 files\n");
}

#[test]
fn box_drawing_in_utf8() {
    let t = setup();
    cmd("tree")
        .arg("d")
        .env("LC_ALL", "C.UTF-8")
        .cwd(t.path())
        .run()
        .ok()
        .out("d\n├── e\n│\u{a0}\u{a0} └── g\n└── f\n\n2 directories, 2 files\n");
}

#[test]
fn options() {
    let t = setup();
    cmd("tree")
        .args(["-a", "-L", "1"])
        .cwd(t.path())
        .run()
        .ok()
        .out(".\n|-- .h\n|-- a\n|-- d\n`-- l -> a\n\n3 directories, 2 files\n");
    cmd("tree")
        .arg("-d")
        .cwd(t.path())
        .run()
        .ok()
        .out(".\n`-- d\n    `-- e\n\n3 directories\n");
    cmd("tree")
        .args(["-f", "-i"])
        .cwd(t.path())
        .run()
        .ok()
        .out(".\n./a\n./d\n./d/e\n./d/e/g\n./d/f\n./l -> a\n\n3 directories, 4 files\n");
    cmd("tree")
        .args(["-f", "d"])
        .cwd(t.path())
        .run()
        .ok()
        .out("d\n|-- d/e\n|   `-- d/e/g\n`-- d/f\n\n2 directories, 2 files\n");
}

#[test]
fn sorting_and_empty() {
    let t = TempDir::new();
    for f in ["B", "a", "_x", "10", "9"] {
        t.write(f, "");
    }
    std::fs::create_dir(t.join("emp")).expect("mkdir");
    cmd("tree")
        .cwd(t.path())
        .run()
        .ok()
        .out(".\n|-- 10\n|-- 9\n|-- B\n|-- _x\n|-- a\n`-- emp\n\n2 directories, 5 files\n");
    cmd("tree")
        .arg("emp")
        .cwd(t.path())
        .run()
        .ok()
        .out("emp\n\n0 directories, 0 files\n");
}

#[test]
fn errors() {
    let t = setup();
    cmd("tree")
        .arg("nonex")
        .cwd(t.path())
        .run()
        .status(2)
        .out("nonex  [error opening dir]\n\n0 directories, 0 files\n");
    cmd("tree")
        .args(["d", "a"])
        .cwd(t.path())
        .run()
        .status(0)
        .out("d\n|-- e\n|   `-- g\n`-- f\na  [error opening dir]\n\n2 directories, 3 files\n");
    cmd("tree")
        .args(["-L", "0"])
        .run()
        .status(1)
        .err("tree: Invalid level, must be greater than 0.\n");
}

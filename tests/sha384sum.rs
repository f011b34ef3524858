//! sha384sum: digests and a check round trip (the engine is tested with md5sum).

use crate::common::*;

#[test]
fn digests_and_checks() {
    case("sha384sum", &[], "", "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b  -\n");
    case("sha384sum", &[], "hi\n", "4284b5694ca6c0d2cf4789a0b95ac8025c818de52304364be7cd2981b2d2edc685b322277ec25819962413d8c9b2c1f5  -\n");
    let t = TempDir::new();
    t.write("a", "hi\n");
    cmd("sha384sum")
        .args(["--tag", "a"])
        .cwd(t.path())
        .run()
        .ok()
        .out("SHA384 (a) = 4284b5694ca6c0d2cf4789a0b95ac8025c818de52304364be7cd2981b2d2edc685b322277ec25819962413d8c9b2c1f5\n");
    sh("sha384sum a | sha384sum -c && sha384sum --tag a | sha384sum -c")
        .cwd(t.path())
        .run()
        .ok()
        .out("a: OK\na: OK\n");
    cmd("sha384sum")
        .args(["-c", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("sha384sum: a: no properly formatted checksum lines found\n");
}

#[test]
fn binary_data_and_errors() {
    let t = TempDir::new();
    let data: Vec<u8> = (0..3).flat_map(|_| 0..=255u8).collect();
    t.write("b768", &data);
    cmd("sha384sum")
        .args(["b768", "nope", "."])
        .cwd(t.path())
        .run()
        .status(1)
        .out("6bee04118003cf5630ccb22cdb53f78dc079231c7d09209955dfc34234cbab03d41da198e30bf1e77ef8b289ddd794ec  b768\n")
        .err("sha384sum: nope: No such file or directory\nsha384sum: .: Is a directory\n");
    sh("sha384sum -b b768 > l && sha384sum -c --quiet l && sha384sum -z b768 | tr '\\0' '\\n' | sha384sum -c")
        .cwd(t.path())
        .run()
        .ok()
        .out("b768: OK\n");
}

//! sha1sum: digests and a check round trip (the engine is tested with md5sum).

use crate::common::*;

#[test]
fn digests_and_checks() {
    case(
        "sha1sum",
        &[],
        "",
        "da39a3ee5e6b4b0d3255bfef95601890afd80709  -\n",
    );
    case(
        "sha1sum",
        &[],
        "hi\n",
        "55ca6286e3e4f4fba5d0448333fa99fc5a404a73  -\n",
    );
    let t = TempDir::new();
    t.write("a", "hi\n");
    cmd("sha1sum")
        .args(["--tag", "a"])
        .cwd(t.path())
        .run()
        .ok()
        .out("SHA1 (a) = 55ca6286e3e4f4fba5d0448333fa99fc5a404a73\n");
    sh("sha1sum a | sha1sum -c && sha1sum --tag a | sha1sum -c")
        .cwd(t.path())
        .run()
        .ok()
        .out("a: OK\na: OK\n");
    t.write("bad", "55ca6286e3  a\n");
    cmd("sha1sum")
        .args(["-c", "bad"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("sha1sum: bad: no properly formatted checksum lines found\n");
}

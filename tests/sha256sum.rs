//! sha256sum: digests and a check round trip (the engine is tested with md5sum).

use crate::common::*;

#[test]
fn digests_and_checks() {
    case(
        "sha256sum",
        &[],
        "",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  -\n",
    );
    case(
        "sha256sum",
        &[],
        "hi\n",
        "98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4  -\n",
    );
    let t = TempDir::new();
    t.write("a", "hi\n");
    cmd("sha256sum")
        .args(["--tag", "a"])
        .cwd(t.path())
        .run()
        .ok()
        .out("SHA256 (a) = 98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4\n");
    sh("sha256sum a | sha256sum -c && sha256sum --tag a | sha256sum -c")
        .cwd(t.path())
        .run()
        .ok()
        .out("a: OK\na: OK\n");
    t.write("bad", "98ea6e4f21  a\n");
    cmd("sha256sum")
        .args(["-c", "bad"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("sha256sum: bad: no properly formatted checksum lines found\n");
}

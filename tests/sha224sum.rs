//! sha224sum: digests and a check round trip (the engine is tested with md5sum).

use crate::common::*;

#[test]
fn digests_and_checks() {
    case(
        "sha224sum",
        &[],
        "",
        "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f  -\n",
    );
    case(
        "sha224sum",
        &[],
        "hi\n",
        "0689e590864cee67b037c8f4c390a75a192bb01160cc9c21374afb12  -\n",
    );
    let t = TempDir::new();
    t.write("a", "hi\n");
    cmd("sha224sum")
        .args(["--tag", "a"])
        .cwd(t.path())
        .run()
        .ok()
        .out("SHA224 (a) = 0689e590864cee67b037c8f4c390a75a192bb01160cc9c21374afb12\n");
    sh("sha224sum a | sha224sum -c && sha224sum --tag a | sha224sum -c")
        .cwd(t.path())
        .run()
        .ok()
        .out("a: OK\na: OK\n");
    cmd("sha224sum")
        .args(["-c", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("sha224sum: a: no properly formatted checksum lines found\n");
}

#[test]
fn binary_data_and_errors() {
    let t = TempDir::new();
    let data: Vec<u8> = (0..3).flat_map(|_| 0..=255u8).collect();
    t.write("b768", &data);
    cmd("sha224sum")
        .args(["b768", "nope", "."])
        .cwd(t.path())
        .run()
        .status(1)
        .out("591b51555cc8c83f6951d9ec73d834d6d17865fecdb543605471a562  b768\n")
        .err("sha224sum: nope: No such file or directory\nsha224sum: .: Is a directory\n");
    sh("sha224sum -b b768 > l && sha224sum -c --quiet l && sha224sum -z b768 | tr '\\0' '\\n' | sha224sum -c")
        .cwd(t.path())
        .run()
        .ok()
        .out("b768: OK\n");
}

//! sha512sum: digests and a check round trip (the engine is tested with md5sum).

use crate::common::*;

#[test]
fn digests_and_checks() {
    case("sha512sum", &[], "", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e  -\n");
    case("sha512sum", &[], "hi\n", "d78abb0542736865f94704521609c230dac03a2f369d043ac212d6933b91410e06399e37f9c5cc88436a31737330c1c8eccb2c2f9f374d62f716432a32d50fac  -\n");
    let t = TempDir::new();
    t.write("a", "hi\n");
    cmd("sha512sum").args(["--tag", "a"]).cwd(t.path()).run().ok().out("SHA512 (a) = d78abb0542736865f94704521609c230dac03a2f369d043ac212d6933b91410e06399e37f9c5cc88436a31737330c1c8eccb2c2f9f374d62f716432a32d50fac\n");
    sh("sha512sum a | sha512sum -c && sha512sum --tag a | sha512sum -c")
        .cwd(t.path())
        .run()
        .ok()
        .out("a: OK\na: OK\n");
    t.write("bad", "d78abb0542  a\n");
    cmd("sha512sum")
        .args(["-c", "bad"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("sha512sum: bad: no properly formatted checksum lines found\n");
}

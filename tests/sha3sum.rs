//! sha3sum: BusyBox's -a BITS (224 by default) and -s, over the GNU engine
//! of the sha*sum family.

use crate::common::*;

const HI_224: &str = "664eaee99fee52c68f4416988418a95abb591a378513c0f9d2776519";
const HI_256: &str = "a57d4ad9fb250f5a211a3ed89d378cd5aaa6fc8da2d626cac4868d9964840965";

#[test]
fn default_is_224() {
    case("sha3sum", &[], "hi\n", &format!("{HI_224}  -\n"));
    case(
        "sha3sum",
        &[],
        "",
        "6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7  -\n",
    );
}

#[test]
fn bits() {
    case("sha3sum", &["-a", "224"], "hi\n", &format!("{HI_224}  -\n"));
    case("sha3sum", &["-a", "256"], "hi\n", &format!("{HI_256}  -\n"));
    case(
        "sha3sum",
        &["-a256", "-"],
        "hi\n",
        &format!("{HI_256}  -\n"),
    );
    case(
        "sha3sum",
        &["-a", "384"],
        "",
        "0c63a75b845e4f7d01107d852e4c2485c51a50aaaa94fc61995e71bbee983a2ac3713831264adb47fb6bd1e058d5f004  -\n",
    );
    case(
        "sha3sum",
        &["-a", "512"],
        "",
        "a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a615b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26  -\n",
    );
    // The last -a wins; a bundled -ba keeps the other flag.
    case(
        "sha3sum",
        &["-a", "512", "-ba256"],
        "hi\n",
        &format!("{HI_256} *-\n"),
    );
}

#[test]
fn bad_bits() {
    cmd("sha3sum")
        .args(["-a", "200"])
        .stdin("")
        .run()
        .status(1)
        .err("sha3sum: invalid number of bits '200': 224, 256, 384 or 512\nUsage: sha3sum [-a BITS] [-bcstwz] [--tag] [--quiet|--status] [--strict] [--ignore-missing] [FILE]...\n")
        .out("");
    cmd("sha3sum")
        .arg("-a")
        .run()
        .status(1)
        .err_has("option requires an argument -- 'a'");
}

#[test]
fn tag_and_checks() {
    let t = TempDir::new();
    t.write("a", "hi\n");
    cmd("sha3sum")
        .args(["--tag", "-a", "256", "a"])
        .cwd(t.path())
        .run()
        .ok()
        .out(format!("SHA3-256 (a) = {HI_256}\n"));
    sh("sha3sum -a 256 a > l && sha3sum -a 256 -c l && sha3sum --tag a | sha3sum -c")
        .cwd(t.path())
        .run()
        .ok()
        .out("a: OK\na: OK\n");
    // A 256-bit list checked as 224 has no proper lines.
    sh("sha3sum -a 256 a | sha3sum -c")
        .cwd(t.path())
        .run()
        .status(1)
        .err("sha3sum: 'standard input': no properly formatted checksum lines found\n");
    // -s is --status: nothing printed, the status tells.
    t.write("bad", format!("{HI_224}  b\n{}  a\n", "0".repeat(56)));
    t.write("b", "hi\n");
    cmd("sha3sum")
        .args(["-cs", "bad"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("");
    cmd("sha3sum")
        .args(["-c", "bad"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("b: OK\na: FAILED\n")
        .err("sha3sum: WARNING: 1 computed checksum did NOT match\n");
    cmd("sha3sum")
        .args(["-s", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .err_has("the --status option is meaningful only when verifying checksums");
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("a", "hi\n");
    cmd("sha3sum")
        .args(["nope", "a", "."])
        .cwd(t.path())
        .run()
        .status(1)
        .out(format!("{HI_224}  a\n"))
        .err("sha3sum: nope: No such file or directory\nsha3sum: .: Is a directory\n");
    // After --, -a is a file name.
    cmd("sha3sum")
        .args(["--", "-a"])
        .run()
        .status(1)
        .err("sha3sum: -a: No such file or directory\n");
}

#[test]
fn binary_data_and_bad_lines() {
    let t = TempDir::new();
    let data: Vec<u8> = (0..3).flat_map(|_| 0..=255u8).collect();
    t.write("b768", &data);
    for (bits, hex) in [
        ("224", "1e79576532395de20d67911b1f6b482bbcaaed8e6863d1e58082916e"),
        ("256", "c043b2b15d405c9f4cd92fdaef420eba6201d328fb34ec0e2c16e4981b9e4b39"),
        ("384", "1719287be5dd0ce14ac51bfdc22f8e1137a6951666b2d946cd0d031bb68bc3173ba0e202bc0e6202f5d337061c6ec21f"),
        ("512", "ad3a11a3430f0fac234a6c15bff0cb609b3d6fde0eac5873893e2775d15cf47d6791b4db907361c53719da248a7662f759b3f6c7ffb4fe69492a9449728cdad7"),
    ] {
        cmd("sha3sum")
            .args(["-a", bits, "b768"])
            .cwd(t.path())
            .run()
            .ok()
            .out(format!("{hex}  b768\n"));
    }
    t.write(
        "l",
        "junk line\n1e79576532395de20d67911b1f6b482bbcaaed8e6863d1e58082916e  b768\n",
    );
    cmd("sha3sum")
        .args(["-c", "-w", "l"])
        .cwd(t.path())
        .run()
        .status(0)
        .out("b768: OK\n")
        .err("sha3sum: l: 1: improperly formatted SHA3-224 checksum line\nsha3sum: WARNING: 1 line is improperly formatted\n");
    cmd("sha3sum")
        .args(["-c", "--strict", "l"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("b768: OK\n")
        .err("sha3sum: WARNING: 1 line is improperly formatted\n");
    cmd("sha3sum")
        .args(["-c", "/dev/null"])
        .run()
        .status(1)
        .err("sha3sum: /dev/null: no properly formatted checksum lines found\n");
    // A missing listed file, and --ignore-missing.
    t.write(
        "m",
        "1e79576532395de20d67911b1f6b482bbcaaed8e6863d1e58082916e  gone\n",
    );
    cmd("sha3sum")
        .args(["-c", "m"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("gone: FAILED open or read\n")
        .err("sha3sum: gone: No such file or directory\nsha3sum: WARNING: 1 listed file could not be read\n");
}

//! factor: small and 128-bit numbers, stdin words, -h, bad words.

use crate::common::*;

#[test]
fn factors() {
    cmd("factor")
        .args(["0", "1", "2", "12", "+12", " 12", "007", "97"])
        .run()
        .ok()
        .out("0:\n1:\n2: 2\n12: 2 2 3\n12: 2 2 3\n12: 2 2 3\n7: 7\n97: 97\n");
    cmd("factor")
        .args([
            "18446744073709551615",
            "18446744073709551616",
            "18446744073709551617",
        ])
        .run()
        .ok()
        .out(
            "18446744073709551615: 3 5 17 257 641 65537 6700417\n\
             18446744073709551616: 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 \
             2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2\n\
             18446744073709551617: 274177 67280421310721\n",
        );
    cmd("factor")
        .args([
            "340282366920938463463374607431768211455",
            "340282366920938463463374607431768211454",
            "4611686014132420609",
            "39614081257200532031740578989",
            "162259278491758459096876797926371",
        ])
        .run()
        .ok()
        .out(
            "340282366920938463463374607431768211455: 3 5 17 257 641 65537 274177 6700417 67280421310721\n\
             340282366920938463463374607431768211454: 2 170141183460469231731687303715884105727\n\
             4611686014132420609: 2147483647 2147483647\n\
             39614081257200532031740578989: 35184372088891 1125899906842679\n\
             162259278491758459096876797926371: 2147483659 2147483659 35184372088891\n",
        );
}

#[test]
fn exponents() {
    for opt in ["-h", "--exponents"] {
        cmd("factor")
            .args([opt, "720", "13", "1"])
            .run()
            .ok()
            .out("720: 2^4 3^2 5\n13: 13\n1:\n");
    }
}

#[test]
fn stdin_words() {
    case("factor", &[], "12 13\n\t15", "12: 2 2 3\n13: 13\n15: 3 5\n");
    case("factor", &[], "", "");
    case("factor", &[], "\n \n", "");
    // A NUL ends a word, as GNU's C strings do.
    cmd("factor")
        .stdin(b"5\0 6")
        .run()
        .ok()
        .out("5: 5\n6: 2 3\n");
    let many: String = (1..=2000).map(|i| format!("{i}\n")).collect();
    let out = cmd("factor").stdin(many).run();
    out.ok();
    let text = out.stdout_str();
    assert_eq!(text.lines().count(), 2000);
    assert!(text.contains("\n1999: 1999\n2000: 2 2 2 2 5 5 5\n"));
}

#[test]
fn errors() {
    cmd("factor")
        .args(["x", "4", "12 ", "", "0x10"])
        .run()
        .status(1)
        .out("4: 2 2\n")
        .err(
            "factor: 'x' is not a valid positive integer\n\
             factor: '12 ' is not a valid positive integer\n\
             factor: '' is not a valid positive integer\n\
             factor: '0x10' is not a valid positive integer\n",
        );
    cmd("factor")
        .args(["--", "-3"])
        .run()
        .status(1)
        .err("factor: '-3' is not a valid positive integer\n");
    cmd("factor")
        .stdin("12\x0b13\r 14 it's")
        .run()
        .status(1)
        .out("14: 2 7\n")
        .err(
            "factor: '12\\v13\\r' is not a valid positive integer\n\
             factor: 'it\\'s' is not a valid positive integer\n",
        );
    cmd("factor")
        .arg("340282366920938463463374607431768211456")
        .run()
        .status(1)
        .err("factor: '340282366920938463463374607431768211456' is too large\n");
    cmd("factor")
        .arg("-3")
        .run()
        .status(1)
        .err_has("invalid option -- '3'");
    cmd("factor")
        .arg("6")
        .stdout_full()
        .run()
        .status(1)
        .err("factor: write error: No space left on device\n");
}

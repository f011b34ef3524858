//! unexpand: leading and all blanks, stop lists, GNU's lone-space rule,
//! the obsolescent -N, errors. Expected outputs are GNU coreutils 9.1's.

use crate::common::*;

#[test]
fn leading_blanks() {
    case("unexpand", &[], "        x\n", "\tx\n");
    case("unexpand", &[], "         x        y\n", "\t x        y\n");
    case("unexpand", &[], "   \t x\n", "\t x\n");
    case("unexpand", &[], "       x\n", "       x\n");
    case("unexpand", &[], "        x", "\tx");
    case("unexpand", &[], "", "");
    case("unexpand", &[], "\n\n", "\n\n");
    case("unexpand", &[], "                \n", "\t\t\n");
    // --first-only wins over -a; BusyBox spells it -f.
    case(
        "unexpand",
        &["-a", "--first-only"],
        "        a        b\n",
        "\ta        b\n",
    );
    case(
        "unexpand",
        &["-f", "-a"],
        "        a        b\n",
        "\ta        b\n",
    );
    case(
        "unexpand",
        &["-t", "4", "--first-only"],
        "        a        b\n",
        "\t\ta        b\n",
    );
}

#[test]
fn all_blanks() {
    case("unexpand", &["-a"], "abcdefgh        x\n", "abcdefgh\tx\n");
    // A lone space before a stop stays a space...
    case("unexpand", &["-a"], "abcdefg x\n", "abcdefg x\n");
    // ... unless more blanks follow it.
    case("unexpand", &["-a"], "abcdefg         x\n", "abcdefg\t\tx\n");
    case("unexpand", &["-a"], "abcdefg   x\n", "abcdefg\t  x\n");
    case("unexpand", &["-a"], "a  \tb\n", "a\tb\n");
    case("unexpand", &["-a"], "abcdefg   ", "abcdefg\t  ");
    // -t implies -a.
    case("unexpand", &["-t", "4"], "a   b   c\n", "a\tb\tc\n");
    case("unexpand", &["--tabs=4"], "    a\n", "\ta\n");
    case("unexpand", &["-t", "1"], " a\n", "\ta\n");
    case("unexpand", &["-t", "1"], "a  b\n", "a\t\tb\n");
}

#[test]
fn stop_lists() {
    // Past the last stop of a list nothing converts.
    case(
        "unexpand",
        &["-t", "2,4"],
        "        a        b\n",
        "\t\t    a        b\n",
    );
    case(
        "unexpand",
        &["-t", "3,7,12"],
        "a          b      \n",
        "a\t\t    b      \n",
    );
    case("unexpand", &["-t", "2,+5"], "            x\n", "\t\t\tx\n");
    case("unexpand", &["-t", "3,/5"], "           x\n", "\t\t\t x\n");
    // The obsolescent -N sets stops but, unlike -t, not -a.
    case("unexpand", &["-3"], "      a   b\n", "\t\ta   b\n");
    case("unexpand", &["-3", "-a"], "      a   b\n", "\t\ta\t b\n");
    case("unexpand", &["-2,5", "-a"], "     a\n", "\t\ta\n");
    // A backspace steps back a column.
    case(
        "unexpand",
        &["-a"],
        "abcdefgh\x08         x\n",
        "abcdefgh\x08\t\tx\n",
    );
}

#[test]
fn files() {
    let t = TempDir::new();
    t.write("a", "ab  ");
    t.write("b", "      x\n");
    cmd("unexpand")
        .args(["-a", "a", "b"])
        .cwd(t.path())
        .run()
        .ok()
        .out("ab\t  x\n");
    cmd("unexpand")
        .args(["nonex", "b"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("      x\n")
        .err("unexpand: nonex: No such file or directory\n");
    let long = format!("{}x\n", " ".repeat(80_000));
    let want = format!("{}x\n", "\t".repeat(10_000));
    case("unexpand", &[], &long, &want);
    cmd("unexpand")
        .stdin(b"\0       \0 x\n")
        .args(["-a"])
        .run()
        .ok()
        .out(b"\0\t\0 x\n");
}

#[test]
fn errors() {
    for (arg, msg) in [
        ("0", "unexpand: tab size cannot be 0\n"),
        ("3,2", "unexpand: tab sizes must be ascending\n"),
        (
            "x",
            "unexpand: tab size contains invalid character(s): 'x'\n",
        ),
    ] {
        cmd("unexpand").args(["-t", arg]).run().status(1).err(msg);
    }
    cmd("unexpand")
        .arg("-z")
        .run()
        .status(1)
        .err_has("invalid option -- 'z'");
}

//! printenv: all variables, chosen ones, missing ones.

use crate::common::*;

#[test]
fn all_and_named() {
    let run = |args: &[&str]| {
        cmd("printenv")
            .env_clear()
            .env("A", "1")
            .env("B", "two words")
            .env("E", "")
            .args(args)
            .run()
    };
    run(&[]).ok().out("A=1\nB=two words\nE=\n");
    run(&["B", "A"]).ok().out("two words\n1\n");
    run(&["E"]).ok().out("\n");
    run(&["-0", "A", "B"]).ok().out("1\0two words\0");
    run(&["--null"]).ok().out("A=1\0B=two words\0E=\0");
    // Missing names: nothing printed for them, status 1, no message.
    run(&["A", "NOPE", "B"])
        .status(1)
        .err("")
        .out("1\ntwo words\n");
    run(&["A=1"]).status(1).out("");
    run(&[""]).status(1).out("");
}

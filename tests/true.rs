use crate::common::*;

#[test]
fn succeeds() {
    cmd("true").run().ok().out("");
}

#[test]
fn ignores_arguments_and_help() {
    cmd("true").args(["--help", "-x", "foo"]).run().ok().out("");
}

use crate::common::*;

#[test]
fn fails() {
    cmd("false").run().status(1).out("").err("");
}

#[test]
fn ignores_arguments_and_help() {
    cmd("false")
        .args(["--help", "-x"])
        .run()
        .status(1)
        .out("")
        .err("");
}

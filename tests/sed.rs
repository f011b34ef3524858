//! sed: commands, addresses, s flags, options, errors, -i.

use crate::common::*;

#[test]
fn basic() {
    case("sed", &["p"], "a\n", "a\na\n");
}

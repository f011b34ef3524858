//! awk: the language, arrays, functions, I/O, builtins, options, errors.

use crate::common::*;

#[test]
fn basic() {
    case("awk", &["{print $1}"], "a b\n", "a\n");
}

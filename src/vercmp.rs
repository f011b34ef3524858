//! Version order of names, as `ls -v` and `sort -V` sort them.
//!
//! Digit runs compare by value, letters before other characters, `~`
//! before everything (even the end), and a trailing file suffix such as
//! `.tar.gz` is compared only when the names are equal without it. `.` and
//! `..` and other hidden names come first.

use std::cmp::Ordering;

fn file_prefixlen(s: &[u8]) -> usize {
    let n = s.len();
    let mut prefixlen = 0;
    let mut i = 0;
    loop {
        if i == n {
            return prefixlen;
        }
        i += 1;
        prefixlen = i;
        while i + 1 < n && s[i] == b'.' && (s[i + 1].is_ascii_alphabetic() || s[i + 1] == b'~') {
            i += 2;
            while i < n && (s[i].is_ascii_alphanumeric() || s[i] == b'~') {
                i += 1;
            }
        }
    }
}

fn ver_order(c: u8) -> i32 {
    if c.is_ascii_digit() {
        0
    } else if c.is_ascii_alphabetic() {
        c as i32
    } else if c == b'~' {
        -1
    } else {
        c as i32 + 256
    }
}

fn verrevcmp(a: &[u8], b: &[u8]) -> i32 {
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let mut first_diff = 0;
        while (i < a.len() && !a[i].is_ascii_digit()) || (j < b.len() && !b[j].is_ascii_digit()) {
            let ac = if i == a.len() { 0 } else { ver_order(a[i]) };
            let bc = if j == b.len() { 0 } else { ver_order(b[j]) };
            if ac != bc {
                return ac - bc;
            }
            i += 1;
            j += 1;
        }
        while i < a.len() && a[i] == b'0' {
            i += 1;
        }
        while j < b.len() && b[j] == b'0' {
            j += 1;
        }
        while i < a.len() && j < b.len() && a[i].is_ascii_digit() && b[j].is_ascii_digit() {
            if first_diff == 0 {
                first_diff = a[i] as i32 - b[j] as i32;
            }
            i += 1;
            j += 1;
        }
        if i < a.len() && a[i].is_ascii_digit() {
            return 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            return -1;
        }
        if first_diff != 0 {
            return first_diff;
        }
    }
    0
}

/// Compares two names in version order.
pub fn filevercmp(a: &[u8], b: &[u8]) -> Ordering {
    use Ordering::*;
    if a.is_empty() {
        return if b.is_empty() { Equal } else { Less };
    }
    if b.is_empty() {
        return Greater;
    }
    if a[0] == b'.' {
        if b[0] != b'.' {
            return Less;
        }
        let (adot, bdot) = (a.len() == 1, b.len() == 1);
        if adot {
            return if bdot { Equal } else { Less };
        }
        if bdot {
            return Greater;
        }
        let (add, bdd) = (a == b"..", b == b"..");
        if add {
            return if bdd { Equal } else { Less };
        }
        if bdd {
            return Greater;
        }
    } else if b[0] == b'.' {
        return Greater;
    }
    let (ap, bp) = (file_prefixlen(a), file_prefixlen(b));
    let one_pass = ap == a.len() && bp == b.len();
    let mut r = verrevcmp(&a[..ap], &b[..bp]);
    if r == 0 && !one_pass {
        r = verrevcmp(a, b);
    }
    r.cmp(&0)
}

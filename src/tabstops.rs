//! Tab stops as expand and unexpand take them with `-t`.

use crate::quote;
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

/// Tab stops: explicit ones, then a repeat rule.
pub struct Stops {
    list: Vec<u64>,
    /// Every multiple of N (`/N`, or a lone `N`).
    every: Option<u64>,
    /// Every N after the last listed stop (`+N`).
    after: Option<u64>,
}

impl Stops {
    /// The column a tab at `col` moves to.
    pub fn next(&self, col: u64) -> u64 {
        if let Some(&s) = self.list.iter().find(|&&s| s > col) {
            return s;
        }
        if let Some(n) = self.every {
            return col + n - col % n;
        }
        if let Some(n) = self.after {
            let last = self.list.last().copied().unwrap_or(0);
            return col + n - (col - last) % n;
        }
        col + 1
    }
}

/// Parses `-t` values: `N`, or a list of ascending stops separated by
/// commas or blanks whose last entry may be `/N` or `+N`.
pub fn parse(specs: &[&[u8]]) -> Result<Stops, String> {
    let mut list = Vec::new();
    let (mut every, mut after) = (None, None);
    for spec in specs {
        for part in spec.split(|&b| b == b',' || b == b' ') {
            if part.is_empty() {
                continue;
            }
            let (kind, digits) = match part[0] {
                b'/' | b'+' => (part[0], &part[1..]),
                _ => (b'=', part),
            };
            let n: u64 = std::str::from_utf8(digits)
                .ok()
                .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|d| d.parse().ok())
                .ok_or_else(|| {
                    format!(
                        "tab size contains invalid character(s): {}",
                        quote::msg(part)
                    )
                })?;
            if n == 0 {
                return Err("tab size cannot be 0".to_string());
            }
            match kind {
                b'/' => every = Some(n),
                b'+' => after = Some(n),
                _ => {
                    if list.last().is_some_and(|&l| n <= l) {
                        return Err("tab sizes must be ascending".to_string());
                    }
                    list.push(n);
                }
            }
        }
    }
    // A single number is a tab size, not a stop.
    if list.len() == 1 && every.is_none() && after.is_none() {
        return Ok(Stops {
            list: Vec::new(),
            every: Some(list[0]),
            after: None,
        });
    }
    if list.is_empty() && every.is_none() && after.is_none() {
        every = Some(8);
    }
    Ok(Stops { list, every, after })
}

/// Rewrites the obsolescent `-4` and `-2,5` operands to `-t4`, `-t2,5`.
pub fn legacy_args(args: &[OsString]) -> Vec<OsString> {
    args.iter()
        .enumerate()
        .map(|(i, a)| {
            let b = a.as_bytes();
            if i > 0
                && b.len() > 1
                && b[0] == b'-'
                && b[1].is_ascii_digit()
                && b[1..].iter().all(|c| c.is_ascii_digit() || *c == b',')
            {
                OsString::from(format!("-t{}", String::from_utf8_lossy(&b[1..])))
            } else {
                a.clone()
            }
        })
        .collect()
}

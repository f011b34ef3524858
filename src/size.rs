//! Sizes: parsing `10K`, `1MiB`, `2b` arguments (`head -c`, `dd`,
//! `truncate`, `split`, `sort -S`) and printing `-h` human-readable sizes as
//! GNU does (`ls -h`, `du -h`, `df -h`).

/// Why a size argument was refused.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum SizeError {
    Invalid,
    TooLarge,
}

/// Which single-letter suffixes mean what besides the K/M/G... family.
#[derive(Clone, Copy)]
pub struct Suffixes {
    /// `b` = 512 (GNU head, tail, dd, split, truncate accept it).
    pub blocks: bool,
    /// `c` = 1 and `w` = 2 (dd).
    pub dd: bool,
}

/// The suffixes GNU `head`/`tail`/`split`/`truncate` accept.
pub const GNU: Suffixes = Suffixes {
    blocks: true,
    dd: false,
};
/// The suffixes `dd` accepts.
pub const DD: Suffixes = Suffixes {
    blocks: true,
    dd: true,
};

const UNITS: &[u8] = b"KMGTPEZYRQ";

/// Parses a non-negative decimal size with an optional multiplier suffix:
/// `K`/`KiB` = 1024, `KB` = 1000 (and `k`, same as `K`), and so on through
/// `M G T P E Z Y R Q`, plus the extra letters of `suffixes`.
pub fn parse_size(s: &str, suffixes: Suffixes) -> Result<u64, SizeError> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return Err(SizeError::Invalid);
    }
    let (num, suffix) = s.split_at(digits);
    let mult = multiplier(suffix, suffixes)?;
    let n: u64 = num.parse().map_err(|_| SizeError::TooLarge)?;
    n.checked_mul(mult).ok_or(SizeError::TooLarge)
}

/// The multiplier a suffix stands for.
pub fn multiplier(suffix: &str, suffixes: Suffixes) -> Result<u64, SizeError> {
    let b = suffix.as_bytes();
    match b {
        [] => return Ok(1),
        [b'b'] if suffixes.blocks => return Ok(512),
        [b'c'] if suffixes.dd => return Ok(1),
        [b'w'] if suffixes.dd => return Ok(2),
        _ => {}
    }
    let power = match b[0] {
        b'k' | b'K' => 1,
        b'm' => 2, // GNU accepts a lower-case m too, but no other letter
        c => {
            UNITS
                .iter()
                .position(|&u| u == c)
                .ok_or(SizeError::Invalid)? as u32
                + 1
        }
    };
    let base: u64 = match &b[1..] {
        [] | b"iB" => 1024,
        b"B" => 1000,
        _ => return Err(SizeError::Invalid),
    };
    base.checked_pow(power).ok_or(SizeError::TooLarge)
}

/// GNU's `-h` form: `512`, `1.1K`, `10K`, `1.0M`; values under ten get one
/// decimal, everything is rounded up. `base` is 1024 (`-h`) or 1000 (`--si`,
/// which also writes `k` in lower case).
pub fn human(n: u64, base: u64) -> String {
    if n < base {
        return n.to_string();
    }
    let mut unit: u128 = base as u128;
    let mut e = 0;
    loop {
        let n = n as u128;
        let tenths = (n * 10).div_ceil(unit);
        if tenths < 100 {
            return format!("{}.{}{}", tenths / 10, tenths % 10, suffix(e, base));
        }
        let whole = n.div_ceil(unit);
        if whole < base as u128 || e + 1 == UNITS.len() {
            return format!("{whole}{}", suffix(e, base));
        }
        unit *= base as u128;
        e += 1;
    }
}

fn suffix(e: usize, base: u64) -> char {
    if base == 1000 && e == 0 {
        'k'
    } else {
        UNITS[e] as char
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_suffixes() {
        assert_eq!(parse_size("10", GNU), Ok(10));
        assert_eq!(parse_size("1K", GNU), Ok(1024));
        assert_eq!(parse_size("1k", GNU), Ok(1024));
        assert_eq!(parse_size("1m", GNU), Ok(1 << 20));
        assert_eq!(parse_size("1kB", GNU), Ok(1000));
        assert_eq!(parse_size("1KiB", GNU), Ok(1024));
        assert_eq!(parse_size("1KB", GNU), Ok(1000));
        assert_eq!(parse_size("2M", GNU), Ok(2 << 20));
        assert_eq!(parse_size("1MB", GNU), Ok(1_000_000));
        assert_eq!(parse_size("1G", GNU), Ok(1 << 30));
        assert_eq!(parse_size("3b", GNU), Ok(1536));
        assert_eq!(parse_size("3w", DD), Ok(6));
        assert_eq!(parse_size("3c", DD), Ok(3));
        assert_eq!(parse_size("1E", GNU), Ok(1 << 60));
        assert_eq!(parse_size("16E", GNU), Err(SizeError::TooLarge));
        assert_eq!(parse_size("1Z", GNU), Err(SizeError::TooLarge));
        assert_eq!(
            parse_size("99999999999999999999", GNU),
            Err(SizeError::TooLarge)
        );
        for bad in ["", "K", "1x", "1g", "1Kb", "-1", " 1", "1w", "1.5K"] {
            assert_eq!(parse_size(bad, GNU), Err(SizeError::Invalid), "{bad}");
        }
    }

    #[test]
    fn human_rounds_up_like_gnu() {
        assert_eq!(human(0, 1024), "0");
        assert_eq!(human(1023, 1024), "1023");
        assert_eq!(human(1024, 1024), "1.0K");
        assert_eq!(human(1025, 1024), "1.1K");
        assert_eq!(human(4096, 1024), "4.0K");
        assert_eq!(human(10239, 1024), "10K");
        assert_eq!(human(10240, 1024), "10K");
        assert_eq!(human(10241, 1024), "11K");
        assert_eq!(human(1048575, 1024), "1.0M");
        assert_eq!(human(1 << 20, 1024), "1.0M");
        assert_eq!(human(5 << 30, 1024), "5.0G");
        assert_eq!(human(u64::MAX, 1024), "16E");
        assert_eq!(human(1000, 1000), "1.0k");
        assert_eq!(human(1500000, 1000), "1.5M");
    }
}

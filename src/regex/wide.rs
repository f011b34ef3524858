//! Character sets for a UTF-8 locale: what `.`, bracket expressions,
//! `\w` and case folding mean there, and how such a set is spelled for the
//! byte engines (as alternatives of byte-range sequences).
//!
//! A set is a sorted list of disjoint, non-adjacent code point ranges.
//! Bytes that are no valid UTF-8 and were named in a bracket expression
//! are kept above the code points, at [`RAW`] + byte: they match that one
//! byte. A negated set never holds them, so `.` and `[^a]` never match an
//! invalid byte, as in GNU's matchers.

/// The largest code point.
pub const MAX: u32 = 0x10_FFFF;

/// Where raw (invalid) bytes start.
pub const RAW: u32 = 0x11_0000;

pub type Ranges = Vec<(u32, u32)>;

/// Sorts and merges `v`.
pub fn normalize(mut v: Ranges) -> Ranges {
    v.sort_unstable();
    let mut out: Ranges = Vec::with_capacity(v.len());
    for (lo, hi) in v {
        match out.last_mut() {
            Some(last) if lo <= last.1.saturating_add(1) => last.1 = last.1.max(hi),
            _ => out.push((lo, hi)),
        }
    }
    out
}

/// Every character not in `v` (raw bytes are never in the result).
pub fn complement(v: &[(u32, u32)]) -> Ranges {
    let mut out = Vec::new();
    let mut next = 0u32;
    for &(lo, hi) in v {
        if lo > MAX {
            break;
        }
        if lo > next {
            out.push((next, lo - 1));
        }
        next = hi.saturating_add(1);
    }
    if next <= MAX {
        out.push((next, MAX));
    }
    out
}

/// `v` without the character `c`.
pub fn remove(v: &mut Ranges, c: u32) {
    if let Some(i) = v.iter().position(|&(lo, hi)| lo <= c && c <= hi) {
        let (lo, hi) = v[i];
        v.remove(i);
        if c < hi {
            v.insert(i, (c + 1, hi));
        }
        if lo < c {
            v.insert(i, (lo, c - 1));
        }
    }
}

pub use crate::text::decode;

/// `c`, and its lower and upper case when each is one character.
pub fn fold(c: u32, out: &mut Ranges) {
    out.push((c, c));
    if let Some(ch) = char::from_u32(c) {
        for x in [
            crate::text::case_of(ch, false),
            crate::text::case_of(ch, true),
        ] {
            out.push((x as u32, x as u32));
        }
    }
}

/// Adds the case variants of what `v` holds; wide ranges (classes) are
/// taken as they are.
pub fn fold_all(v: &mut Ranges) {
    let mut extra = Vec::new();
    for &(lo, hi) in v.iter() {
        if hi <= MAX && hi - lo <= 0x3000 {
            for c in lo..=hi {
                fold(c, &mut extra);
            }
        }
    }
    v.extend(extra);
}

/// The non-ASCII members of a named class, as the C library's UTF-8
/// locales classify them (Unicode's properties; unassigned code points
/// are taken as printable punctuation). `icase`: upper and lower are both
/// the cased letters.
pub fn class(name: &[u8], icase: bool) -> Ranges {
    fn cntrl(n: u32) -> bool {
        (0x80..=0x9F).contains(&n) || n == 0x2028 || n == 0x2029
    }
    // No-break spaces are not spaces to the C library; U+0085 is a control.
    fn space(c: char, n: u32) -> bool {
        c.is_whitespace() && !matches!(n, 0x85 | 0xA0 | 0x2007 | 0x202F)
    }
    let test: fn(char, u32) -> bool = match name {
        b"alpha" | b"alnum" => |c, _| c.is_alphabetic(),
        b"upper" | b"lower" if icase => |c, _| c.is_uppercase() || c.is_lowercase(),
        b"upper" => |c, _| c.is_uppercase(),
        b"lower" => |c, _| c.is_lowercase(),
        b"space" => space,
        b"blank" => |c, n| space(c, n) && n != 0x2028 && n != 0x2029,
        b"cntrl" => |_, n| cntrl(n),
        b"print" => |_, n| !cntrl(n),
        b"graph" => |c, n| !cntrl(n) && !space(c, n),
        b"punct" => |c, n| !cntrl(n) && !space(c, n) && !c.is_alphabetic(),
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    // Past U+323AF only planes 14 to 16 hold anything.
    for (from, to) in [(0x80, 0x3_23AF), (0xE_0000, MAX)] {
        let mut start: Option<u32> = None;
        for n in from..=to {
            let hit = char::from_u32(n).is_some_and(|c| test(c, n));
            match (hit, start) {
                (true, None) => start = Some(n),
                (false, Some(s)) => {
                    out.push((s, n - 1));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, to));
        }
    }
    out
}

/// A sequence of byte ranges: one alternative of a set's spelling.
pub type Seq = Vec<(u8, u8)>;

/// The set's encodings as byte-range sequences: the single bytes (ASCII
/// and raw) in one 256-entry table, the longer ones as sequences.
pub fn encodings(v: &[(u32, u32)]) -> ([bool; 256], Vec<Seq>) {
    let mut single = [false; 256];
    let mut multi = Vec::new();
    for &(lo, hi) in v {
        if lo >= RAW {
            for b in lo - RAW..=(hi - RAW).min(0xFF) {
                single[b as usize] = true;
            }
            continue;
        }
        if lo < 0x80 {
            for b in lo..=hi.min(0x7F) {
                single[b as usize] = true;
            }
        }
        if hi >= 0x80 {
            split(lo.max(0x80), hi.min(MAX), &mut multi);
        }
    }
    (single, multi)
}

fn encode(c: u32) -> ([u8; 4], usize) {
    let mut buf = [0u8; 4];
    let n = char::from_u32(c).map_or(0, |ch| ch.encode_utf8(&mut buf).len());
    (buf, n)
}

/// The UTF-8 encodings of `lo..=hi` (all of one length past ASCII) as
/// sequences of byte ranges, each sequence the cross product of its
/// ranges.
fn split(lo: u32, hi: u32, out: &mut Vec<Seq>) {
    if lo > hi {
        return;
    }
    // No surrogates.
    if lo <= 0xDFFF && hi >= 0xD800 {
        if lo < 0xD800 {
            split(lo, 0xD7FF, out);
        }
        if hi > 0xDFFF {
            split(0xE000, hi, out);
        }
        return;
    }
    // One encoded length at a time.
    for b in [0x7F, 0x7FF, 0xFFFF] {
        if lo <= b && hi > b {
            split(lo, b, out);
            split(b + 1, hi, out);
            return;
        }
    }
    let (a, n) = encode(lo);
    // Cut where the trailing bytes would not span their whole range.
    for i in 1..n {
        let m = (1u32 << (6 * i)) - 1;
        if lo & !m != hi & !m {
            if lo & m != 0 {
                split(lo, lo | m, out);
                split((lo | m) + 1, hi, out);
                return;
            }
            if hi & m != m {
                split(lo, (hi & !m) - 1, out);
                split(hi & !m, hi, out);
                return;
            }
        }
    }
    let (b, _) = encode(hi);
    out.push((0..n).map(|i| (a[i], b[i])).collect());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code point's encoding is matched by exactly the sequences of
    /// the ranges holding it.
    #[test]
    fn encodings_cover_exactly_the_set() {
        let sets: [&[(u32, u32)]; 4] = [
            &[(0, MAX)],
            &[(0xE9, 0xE9), (0x20AC, 0x20AC)],
            &[(0x7F0, 0x1_0010)],
            &[(0x41, 0x5A), (0x3B1, 0x3C9), (0xFFF0, 0x1_F600)],
        ];
        for set in sets {
            let (single, multi) = encodings(set);
            let hit = |bytes: &[u8]| {
                (bytes.len() == 1 && single[bytes[0] as usize])
                    || multi.iter().any(|s| {
                        s.len() == bytes.len()
                            && s.iter().zip(bytes).all(|(&(a, b), &x)| a <= x && x <= b)
                    })
            };
            for c in (0..=MAX)
                .step_by(7)
                .chain([0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x1_0000])
            {
                let Some(ch) = char::from_u32(c) else {
                    continue;
                };
                let mut buf = [0u8; 4];
                let bytes = ch.encode_utf8(&mut buf).as_bytes();
                let want = set.iter().any(|&(lo, hi)| lo <= c && c <= hi);
                assert_eq!(hit(bytes), want, "U+{c:04X} in {set:?}");
            }
        }
    }

    #[test]
    fn complement_and_remove() {
        assert_eq!(complement(&[(0, 9), (11, MAX)]), vec![(10, 10)]);
        assert_eq!(
            complement(&[(5, 5), (RAW + 0xFF, RAW + 0xFF)]),
            vec![(0, 4), (6, MAX)]
        );
        let mut v = vec![(0, MAX)];
        remove(&mut v, 10);
        assert_eq!(v, vec![(0, 9), (11, MAX)]);
        assert_eq!(
            normalize(vec![(5, 9), (0, 4), (20, 30), (25, 26)]),
            vec![(0, 9), (20, 30)]
        );
    }

    #[test]
    fn classes_follow_the_c_library() {
        let has = |name: &[u8], c: u32| class(name, false).iter().any(|&(l, h)| l <= c && c <= h);
        assert!(has(b"alpha", 0xE9) && has(b"lower", 0xE9) && !has(b"upper", 0xE9));
        assert!(has(b"punct", 0x20AC) && !has(b"alpha", 0x20AC));
        assert!(has(b"space", 0x3000) && has(b"blank", 0x3000) && !has(b"graph", 0x3000));
        assert!(!has(b"space", 0xA0) && has(b"punct", 0xA0));
        assert!(has(b"cntrl", 0x85) && !has(b"space", 0x85) && !has(b"print", 0x85));
        assert!(has(b"space", 0x2028) && !has(b"blank", 0x2028));
    }
}

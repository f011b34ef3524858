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

/// The decimal digits past ASCII (Unicode's Nd, as of the C library's
/// Unicode 14 tables). The C library's UTF-8 locales count them as
/// letters (only 0-9 are `digit`), so they are in `alpha` and `alnum`,
/// and are word characters.
const OTHER_DIGITS: [(u32, u32); 61] = [
    (0x660, 0x669),
    (0x6F0, 0x6F9),
    (0x7C0, 0x7C9),
    (0x966, 0x96F),
    (0x9E6, 0x9EF),
    (0xA66, 0xA6F),
    (0xAE6, 0xAEF),
    (0xB66, 0xB6F),
    (0xBE6, 0xBEF),
    (0xC66, 0xC6F),
    (0xCE6, 0xCEF),
    (0xD66, 0xD6F),
    (0xDE6, 0xDEF),
    (0xE50, 0xE59),
    (0xED0, 0xED9),
    (0xF20, 0xF29),
    (0x1040, 0x1049),
    (0x1090, 0x1099),
    (0x17E0, 0x17E9),
    (0x1810, 0x1819),
    (0x1946, 0x194F),
    (0x19D0, 0x19D9),
    (0x1A80, 0x1A89),
    (0x1A90, 0x1A99),
    (0x1B50, 0x1B59),
    (0x1BB0, 0x1BB9),
    (0x1C40, 0x1C49),
    (0x1C50, 0x1C59),
    (0xA620, 0xA629),
    (0xA8D0, 0xA8D9),
    (0xA900, 0xA909),
    (0xA9D0, 0xA9D9),
    (0xA9F0, 0xA9F9),
    (0xAA50, 0xAA59),
    (0xABF0, 0xABF9),
    (0xFF10, 0xFF19),
    (0x104A0, 0x104A9),
    (0x10D30, 0x10D39),
    (0x11066, 0x1106F),
    (0x110F0, 0x110F9),
    (0x11136, 0x1113F),
    (0x111D0, 0x111D9),
    (0x112F0, 0x112F9),
    (0x11450, 0x11459),
    (0x114D0, 0x114D9),
    (0x11650, 0x11659),
    (0x116C0, 0x116C9),
    (0x11730, 0x11739),
    (0x118E0, 0x118E9),
    (0x11950, 0x11959),
    (0x11C50, 0x11C59),
    (0x11D50, 0x11D59),
    (0x11DA0, 0x11DA9),
    (0x16A60, 0x16A69),
    (0x16AC0, 0x16AC9),
    (0x16B50, 0x16B59),
    (0x1D7CE, 0x1D7FF),
    (0x1E140, 0x1E149),
    (0x1E2F0, 0x1E2F9),
    (0x1E950, 0x1E959),
    (0x1FBF0, 0x1FBF9),
];

/// Whether `c` is a letter to the C library's UTF-8 locales: Unicode's
/// alphabetic characters and the digits past ASCII.
pub fn is_alpha(c: char) -> bool {
    let n = c as u32;
    // The first range not wholly below `n` holds it, or none does.
    let i = OTHER_DIGITS.partition_point(|&(_, hi)| hi < n);
    c.is_alphabetic() || OTHER_DIGITS.get(i).is_some_and(|&(lo, _)| lo <= n)
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
        b"alpha" | b"alnum" => |c, _| is_alpha(c),
        b"upper" | b"lower" if icase => |c, _| c.is_uppercase() || c.is_lowercase(),
        b"upper" => |c, _| c.is_uppercase(),
        b"lower" => |c, _| c.is_lowercase(),
        b"space" => space,
        b"blank" => |c, n| space(c, n) && n != 0x2028 && n != 0x2029,
        b"cntrl" => |_, n| cntrl(n),
        b"print" => |_, n| !cntrl(n),
        b"graph" => |c, n| !cntrl(n) && !space(c, n),
        b"punct" => |c, n| !cntrl(n) && !space(c, n) && !is_alpha(c),
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
        // Digits past ASCII are letters; other numbers are punctuation.
        for c in [0x660, 0x669, 0x966, 0xFF10, 0x1D7CE, 0x1D7FF, 0x1FBF9] {
            assert!(
                has(b"alpha", c) && has(b"alnum", c) && !has(b"punct", c),
                "U+{c:04X}"
            );
            assert!(!has(b"digit", c) && !has(b"upper", c), "U+{c:04X}");
        }
        for c in [0x66A, 0xB2, 0xBD, 0x1D7CD] {
            assert!(!has(b"alpha", c) && has(b"punct", c), "U+{c:04X}");
        }
    }
}

//! Decimal integers appended to byte buffers without going through
//! `core::fmt`: the listing and date code format millions of small numbers,
//! and each `format!` is an allocation and a trip through the formatter.

/// Writes the decimal digits of `n` at the end of `buf`; returns where
/// they start.
fn digits(mut n: u64, buf: &mut [u8; 20]) -> usize {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return i;
        }
    }
}

/// Appends the decimal digits of `n`.
pub fn push_u64(out: &mut Vec<u8>, n: u64) {
    let mut buf = [0u8; 20];
    let i = digits(n, &mut buf);
    out.extend_from_slice(&buf[i..]);
}

/// Appends `n` right-aligned in `width` columns, padded with `fill`
/// (b' ' or b'0'); a minus sign goes before zeros and after spaces, as
/// printf's `%0*d` and `%*d` place it.
pub fn push_i64_padded(out: &mut Vec<u8>, n: i64, width: usize, fill: u8) {
    let mut buf = [0u8; 20];
    let i = digits(n.unsigned_abs(), &mut buf);
    let len = buf.len() - i + usize::from(n < 0);
    let pad = width.saturating_sub(len);
    if fill == b'0' {
        if n < 0 {
            out.push(b'-');
        }
        out.resize(out.len() + pad, b'0');
    } else {
        out.resize(out.len() + pad, fill);
        if n < 0 {
            out.push(b'-');
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// Appends `text` right-aligned in `width` columns.
pub fn push_right(out: &mut Vec<u8>, text: &[u8], width: usize) {
    out.resize(out.len() + width.saturating_sub(text.len()), b' ');
    out.extend_from_slice(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_padding() {
        let mut v = Vec::new();
        push_u64(&mut v, 0);
        v.push(b' ');
        push_u64(&mut v, u64::MAX);
        assert_eq!(v, b"0 18446744073709551615");
        let cases: &[(i64, usize, u8, &str)] = &[
            (5, 3, b'0', "005"),
            (-5, 3, b'0', "-05"),
            (-5, 3, b' ', " -5"),
            (1234, 2, b' ', "1234"),
            (i64::MIN, 0, b' ', "-9223372036854775808"),
            (7, 0, b'0', "7"),
        ];
        for &(n, w, f, want) in cases {
            let mut v = Vec::new();
            push_i64_padded(&mut v, n, w, f);
            assert_eq!(String::from_utf8_lossy(&v), want, "{n} {w}");
        }
        let mut v = Vec::new();
        push_right(&mut v, b"ab", 4);
        push_right(&mut v, b"abcdef", 4);
        assert_eq!(v, b"  ababcdef");
    }
}

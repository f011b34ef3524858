//! factor: print the prime factors of numbers (GNU coreutils).
//!
//! Numbers come from the operands, else from standard input as words
//! separated by spaces, tabs and newlines. Each may have leading blanks
//! and a `+`; anything else that is not digits is reported as `'x' is not
//! a valid positive integer` and the run goes on with status 1. Numbers
//! up to 2^128-1 are factored: trial division by the small primes, then
//! Miller-Rabin for primality and Brent's Pollard rho (in Montgomery
//! arithmetic) for splitting. Larger numbers are reported as too large
//! (GNU built with GMP goes on). `-h`/`--exponents` prints `p^e` for
//! repeated factors, as GNU 9.2 does.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::{read_fd, Out};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "factor",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-h] [NUMBER]...",
    help: "Print the prime factors of each NUMBER (words of standard input for none).\n\
\n\
\t-h, --exponents\tPrint repeated factors as p^e",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[Opt::flag('h', "exponents")];

/// A message operand the way GNU's quote() shows it in the C locale.
fn quote(s: &[u8]) -> String {
    let mut q = String::from("'");
    for &b in s {
        match b {
            b'\'' | b'\\' => {
                q.push('\\');
                q.push(b as char);
            }
            7 => q.push_str("\\a"),
            8 => q.push_str("\\b"),
            b'\t' => q.push_str("\\t"),
            b'\n' => q.push_str("\\n"),
            11 => q.push_str("\\v"),
            12 => q.push_str("\\f"),
            b'\r' => q.push_str("\\r"),
            0x20..=0x7e => q.push(b as char),
            _ => q.push_str(&format!("\\{b:03o}")),
        }
    }
    q.push('\'');
    q
}

enum Parsed {
    Num(u128),
    Invalid,
    TooLarge,
}

fn parse(word: &[u8]) -> Parsed {
    let mut s = word;
    while let [b' ' | b'\t' | b'\n' | 11 | 12 | b'\r', rest @ ..] = s {
        s = rest;
    }
    if let [b'+', rest @ ..] = s {
        s = rest;
    }
    if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
        return Parsed::Invalid;
    }
    let mut n: u128 = 0;
    for &d in s {
        match n.checked_mul(10).and_then(|v| v.checked_add(u128::from(d - b'0'))) {
            Some(v) => n = v,
            None => return Parsed::TooLarge,
        }
    }
    Parsed::Num(n)
}

/// Arithmetic modulo an odd n in Montgomery form (R = 2^128).
struct Mont {
    n: u128,
    /// -n^-1 mod 2^128.
    ninv: u128,
    /// R mod n (one in Montgomery form).
    one: u128,
    /// R^2 mod n.
    r2: u128,
}

fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    const M: u128 = u64::MAX as u128;
    let (a0, a1) = (a & M, a >> 64);
    let (b0, b1) = (b & M, b >> 64);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    let mid = (p00 >> 64) + (p01 & M) + (p10 & M);
    let lo = (p00 & M) | (mid << 64);
    let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (hi, lo)
}

impl Mont {
    fn new(n: u128) -> Mont {
        let mut inv = n;
        for _ in 0..7 {
            inv = inv.wrapping_mul(2u128.wrapping_sub(n.wrapping_mul(inv)));
        }
        let one = (u128::MAX % n + 1) % n;
        let mut r2 = one;
        for _ in 0..128 {
            r2 = Mont::add_mod(r2, r2, n);
        }
        Mont {
            n,
            ninv: inv.wrapping_neg(),
            one,
            r2,
        }
    }

    fn add_mod(a: u128, b: u128, n: u128) -> u128 {
        let (s, over) = a.overflowing_add(b);
        if over || s >= n {
            s.wrapping_sub(n)
        } else {
            s
        }
    }

    fn redc(&self, hi: u128, lo: u128) -> u128 {
        let m = lo.wrapping_mul(self.ninv);
        let (mh, ml) = mul_wide(m, self.n);
        let carry = u128::from(lo.overflowing_add(ml).1);
        let (s, o1) = hi.overflowing_add(mh);
        let (s, o2) = s.overflowing_add(carry);
        if o1 || o2 || s >= self.n {
            s.wrapping_sub(self.n)
        } else {
            s
        }
    }

    fn mul(&self, a: u128, b: u128) -> u128 {
        let (hi, lo) = mul_wide(a, b);
        self.redc(hi, lo)
    }

    fn to(&self, a: u128) -> u128 {
        self.mul(a % self.n, self.r2)
    }

    fn pow(&self, mut base: u128, mut e: u128) -> u128 {
        let mut r = self.one;
        while e > 0 {
            if e & 1 == 1 {
                r = self.mul(r, base);
            }
            base = self.mul(base, base);
            e >>= 1;
        }
        r
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    if a == 0 {
        return b;
    }
    if b == 0 {
        return a;
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

const SMALL_PRIMES: [u128; 24] = [
    2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89,
];

/// Miller-Rabin for odd n > 89 with the first 24 primes as bases: exact
/// below 3.3 * 10^24, and beyond that wrong with odds far below 4^-24.
fn is_prime(n: u128, mt: &Mont) -> bool {
    let d = (n - 1) >> (n - 1).trailing_zeros();
    let s = (n - 1).trailing_zeros();
    let minus_one = mt.to(n - 1);
    let bases = if n < 3_317_044_064_679_887_385_961_981 { 13 } else { 24 };
    'bases: for &a in &SMALL_PRIMES[..bases] {
        let mut x = mt.pow(mt.to(a), d);
        if x == mt.one || x == minus_one {
            continue;
        }
        for _ in 1..s {
            x = mt.mul(x, x);
            if x == minus_one {
                continue 'bases;
            }
        }
        return false;
    }
    true
}

/// A non-trivial factor of the odd composite n (Brent's rho).
fn rho(n: u128, mt: &Mont) -> u128 {
    let mut c = mt.one;
    loop {
        let f = |x: u128| Mont::add_mod(mt.mul(x, x), c, n);
        let (mut x, mut y, mut ys) = (mt.to(2), mt.to(2), 0u128);
        let mut q = mt.one;
        let mut g = 1u128;
        let mut r = 1u64;
        while g == 1 {
            x = y;
            for _ in 0..r {
                y = f(y);
            }
            let mut k = 0;
            while k < r && g == 1 {
                ys = y;
                for _ in 0..128.min(r - k) {
                    y = f(y);
                    q = mt.mul(q, x.abs_diff(y));
                }
                g = gcd(q, n);
                k += 128;
            }
            r *= 2;
        }
        if g == n {
            // The batch overshot: step one at a time from its start.
            loop {
                ys = f(ys);
                g = gcd(x.abs_diff(ys), n);
                if g > 1 {
                    break;
                }
            }
        }
        if g != n {
            return g;
        }
        c = Mont::add_mod(c, mt.one, n);
    }
}

/// Montgomery arithmetic modulo an odd n below 2^64: the same as [`Mont`]
/// on native 64-bit words, several times faster for the numbers most
/// people factor.
struct Mont64 {
    n: u64,
    /// -n^-1 mod 2^64.
    ninv: u64,
    one: u64,
    r2: u64,
}

impl Mont64 {
    fn new(n: u64) -> Mont64 {
        // Newton's iteration doubles the correct low bits: 3, 6, ... 96.
        let mut inv = n;
        for _ in 0..5 {
            inv = inv.wrapping_mul(2u64.wrapping_sub(n.wrapping_mul(inv)));
        }
        let one = (u64::MAX % n + 1) % n;
        let r2 = (u128::from(one) * u128::from(one) % u128::from(n)) as u64;
        Mont64 {
            n,
            ninv: inv.wrapping_neg(),
            one,
            r2,
        }
    }

    fn mul(&self, a: u64, b: u64) -> u64 {
        let t = u128::from(a) * u128::from(b);
        let m = (t as u64).wrapping_mul(self.ninv);
        let mn = u128::from(m) * u128::from(self.n);
        // t + mn is divisible by 2^64; its high half may carry past 2^64.
        let (sum, over) = t.overflowing_add(mn);
        let r = (sum >> 64) as u64;
        if over || r >= self.n {
            r.wrapping_sub(self.n)
        } else {
            r
        }
    }

    fn add(&self, a: u64, b: u64) -> u64 {
        let (s, over) = a.overflowing_add(b);
        if over || s >= self.n {
            s.wrapping_sub(self.n)
        } else {
            s
        }
    }

    fn to(&self, a: u64) -> u64 {
        self.mul(a % self.n, self.r2)
    }

    fn pow(&self, mut base: u64, mut e: u64) -> u64 {
        let mut r = self.one;
        while e > 0 {
            if e & 1 == 1 {
                r = self.mul(r, base);
            }
            base = self.mul(base, base);
            e >>= 1;
        }
        r
    }
}

/// Miller-Rabin for odd n > 89 below 2^64, with the smallest prime bases
/// known to make it exact below each bound.
fn is_prime64(n: u64, mt: &Mont64) -> bool {
    const BOUNDS: [(u64, usize); 8] = [
        (2_047, 1),
        (1_373_653, 2),
        (25_326_001, 3),
        (3_215_031_751, 4),
        (2_152_302_898_747, 5),
        (3_474_749_660_383, 6),
        (341_550_071_728_321, 7),
        (3_825_123_056_546_413_051, 9),
    ];
    let bases = BOUNDS.iter().find(|b| n < b.0).map_or(12, |b| b.1);
    let s = (n - 1).trailing_zeros();
    let d = (n - 1) >> s;
    let minus_one = mt.to(n - 1);
    'bases: for &a in &SMALL_PRIMES[..bases] {
        let mut x = mt.pow(mt.to(a as u64), d);
        if x == mt.one || x == minus_one {
            continue;
        }
        for _ in 1..s {
            x = mt.mul(x, x);
            if x == minus_one {
                continue 'bases;
            }
        }
        return false;
    }
    true
}

/// [`rho`] below 2^64.
fn rho64(n: u64, mt: &Mont64) -> u64 {
    let mut c = mt.one;
    loop {
        let f = |x: u64| mt.add(mt.mul(x, x), c);
        let (mut x, mut y, mut ys) = (mt.to(2), mt.to(2), 0u64);
        let mut q = mt.one;
        let mut g = 1u64;
        let mut r = 1u64;
        while g == 1 {
            x = y;
            for _ in 0..r {
                y = f(y);
            }
            let mut k = 0;
            while k < r && g == 1 {
                ys = y;
                for _ in 0..128.min(r - k) {
                    y = f(y);
                    q = mt.mul(q, x.abs_diff(y));
                }
                g = gcd(u128::from(q), u128::from(n)) as u64;
                k += 128;
            }
            r *= 2;
        }
        if g == n {
            loop {
                ys = f(ys);
                g = gcd(u128::from(x.abs_diff(ys)), u128::from(n)) as u64;
                if g > 1 {
                    break;
                }
            }
        }
        if g != n {
            return g;
        }
        c = mt.add(c, mt.one);
    }
}

fn split64(n: u64, out: &mut Vec<u128>) {
    if n == 1 {
        return;
    }
    let mt = Mont64::new(n);
    if is_prime64(n, &mt) {
        out.push(u128::from(n));
        return;
    }
    let d = rho64(n, &mt);
    split64(d, out);
    split64(n / d, out);
}

fn split(n: u128, out: &mut Vec<u128>) {
    if let Ok(n) = u64::try_from(n) {
        return split64(n, out);
    }
    let mt = Mont::new(n);
    if is_prime(n, &mt) {
        out.push(n);
        return;
    }
    let d = rho(n, &mt);
    split(d, out);
    split(n / d, out);
}

/// The odd primes below 1024, sieved at compile time.
const ODD_PRIMES: [u16; 171] = {
    let mut sieve = [true; 1024];
    let mut out = [0u16; 171];
    let mut k = 0;
    let mut i = 3;
    while i < 1024 {
        if sieve[i] {
            out[k] = i as u16;
            k += 1;
            let mut j = i * i;
            while j < 1024 {
                sieve[j] = false;
                j += i;
            }
        }
        i += 2;
    }
    out
};

/// For each of [`ODD_PRIMES`]: its inverse modulo 2^64 and u64::MAX / q.
const PRIME_INVERSES: [(u64, u64); 171] = {
    let mut out = [(0u64, 0u64); 171];
    let mut k = 0;
    while k < 171 {
        let q = ODD_PRIMES[k] as u64;
        let mut inv = q;
        let mut i = 0;
        while i < 5 {
            inv = inv.wrapping_mul(2u64.wrapping_sub(q.wrapping_mul(inv)));
            i += 1;
        }
        out[k] = (inv, u64::MAX / q);
        k += 1;
    }
    out
};

fn factorize(mut n: u128) -> Vec<u128> {
    let mut f = Vec::new();
    if n < 2 {
        return f;
    }
    let tz = n.trailing_zeros();
    f.extend(std::iter::repeat_n(2, tz as usize));
    n >>= tz;
    // Trial division by the odd primes below 1024, in 64 bits when the
    // number fits (64-bit division is several times faster).
    let mut p = 1024u128;
    if let Ok(mut m) = u64::try_from(n) {
        for (&q, &(inv, lim)) in ODD_PRIMES.iter().zip(PRIME_INVERSES.iter()) {
            let q = u64::from(q);
            if q * q > m {
                p = u128::from(q);
                break;
            }
            // m is a multiple of q exactly when m * q^-1 (mod 2^64) is at
            // most (2^64 - 1) / q, and then that product is the quotient:
            // a multiplication instead of a division.
            loop {
                let d = m.wrapping_mul(inv);
                if d > lim {
                    break;
                }
                f.push(u128::from(q));
                m = d;
            }
        }
        n = u128::from(m);
    } else {
        for &q in ODD_PRIMES.iter() {
            let q = u128::from(q);
            if q * q > n {
                p = q;
                break;
            }
            while n.is_multiple_of(q) {
                f.push(q);
                n /= q;
            }
        }
    }
    if n > 1 {
        if p * p > n {
            f.push(n);
        } else {
            let start = f.len();
            split(n, &mut f);
            f[start..].sort_unstable();
        }
    }
    f
}

/// Appends the digits of `n`, in 64 bits when it fits.
fn push_num(line: &mut Vec<u8>, n: u128) {
    match u64::try_from(n) {
        Ok(v) => crate::num::push_u64(line, v),
        Err(_) => line.extend_from_slice(n.to_string().as_bytes()),
    }
}

fn print(n: u128, exponents: bool, out: &mut Out, line: &mut Vec<u8>) {
    line.clear();
    push_num(line, n);
    line.push(b':');
    let f = factorize(n);
    let mut i = 0;
    while i < f.len() {
        let mut j = i + 1;
        while j < f.len() && f[j] == f[i] {
            j += 1;
        }
        if exponents && j - i > 1 {
            line.push(b' ');
            push_num(line, f[i]);
            line.push(b'^');
            push_num(line, (j - i) as u128);
        } else {
            for _ in i..j {
                line.push(b' ');
                push_num(line, f[i]);
            }
        }
        i = j;
    }
    line.push(b'\n');
    out.write_bytes(line);
}

fn one(word: &[u8], exponents: bool, out: &mut Out, diag: &mut Diag, line: &mut Vec<u8>) {
    match parse(word) {
        Parsed::Num(n) => print(n, exponents, out, line),
        Parsed::Invalid => {
            out.flush_now();
            diag.error(format_args!("{} is not a valid positive integer", quote(word)));
        }
        Parsed::TooLarge => {
            out.flush_now();
            diag.error(format_args!("{} is too large", quote(word)));
        }
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let exponents = m.has("h");
    let mut diag = Diag::new(args);
    let mut out = Out::stdout();
    let mut line = Vec::new();
    if !m.operands.is_empty() {
        for op in &m.operands {
            one(op.as_bytes(), exponents, &mut out, &mut diag, &mut line);
        }
        return out.close(&diag);
    }
    let mut buf = vec![0u8; 64 * 1024];
    let mut word: Vec<u8> = Vec::new();
    loop {
        let n = match read_fd(0, &mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                out.flush_now();
                diag.io_error(std::ffi::OsStr::new("-"), &e);
                break;
            }
        };
        for &b in &buf[..n] {
            if b == b' ' || b == b'\t' || b == b'\n' {
                if !word.is_empty() {
                    finish_word(&mut word, exponents, &mut out, &mut diag, &mut line);
                }
            } else {
                word.push(b);
            }
        }
    }
    if !word.is_empty() {
        finish_word(&mut word, exponents, &mut out, &mut diag, &mut line);
    }
    out.close(&diag)
}

/// A word of standard input, cut at a NUL as GNU's C strings are.
fn finish_word(word: &mut Vec<u8>, exponents: bool, out: &mut Out, diag: &mut Diag, line: &mut Vec<u8>) {
    let end = word.iter().position(|&b| b == 0).unwrap_or(word.len());
    one(&word[..end], exponents, out, diag, line);
    word.clear();
}

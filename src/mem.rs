//! A faster `memcpy` and `memcmp` for the static musl build on x86_64.
//!
//! musl's x86_64 `memcpy` is `rep movsq` with byte loops either side: its
//! start-up costs tens of cycles however short the copy, and the text
//! tools copy many short pieces (a field, a word, a line). This one copies
//! up to 64 bytes with a few overlapping unaligned loads and stores, and
//! hands longer copies to `rep movsb`, which current CPUs run at full
//! speed. Defining the symbol here keeps musl's `memcpy.o` out of the
//! link; `__memcpy_fwd`, its forward-copy entry that musl's `memmove`
//! calls, is defined too. Every load of a short copy happens before its
//! first store and `rep movsb` copies forwards, so the forward overlap
//! `memmove` relies on holds.
//!
//! musl's `memcmp` (and `bcmp`, which calls it) goes a byte at a time;
//! every slice comparison (`==` on byte strings, sort keys, hash-table
//! keys) ends there. The one here compares 8 bytes at a time and finds the
//! first differing byte of a word from its big-endian value.
//!
//! The bodies use only unaligned integer loads and stores and inline
//! assembly, never slice copies or comparisons, which the compiler would
//! turn back into calls to `memcpy` or `memcmp`.

use core::arch::asm;
use core::ptr::{read_unaligned as ld, write_unaligned as st};

/// # Safety
/// As C's `memcpy`: `src` readable and `dst` writable for `n` bytes.
#[no_mangle]
pub unsafe extern "C" fn memcpy(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    // SAFETY: the caller's contract; every access is within [0, n).
    unsafe { copy_forward(dst, src, n) };
    dst
}

/// # Safety
/// As musl's internal `__memcpy_fwd`: `memcpy` that may be used when `dst`
/// is below `src`.
#[no_mangle]
pub unsafe extern "C" fn __memcpy_fwd(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    // SAFETY: as above.
    unsafe { copy_forward(dst, src, n) };
    dst
}

#[inline(always)]
unsafe fn copy_forward(dst: *mut u8, src: *const u8, n: usize) {
    // SAFETY (all blocks): offsets stay below n; the caller vouches for
    // n bytes at both pointers.
    unsafe {
        if n <= 16 {
            if n >= 8 {
                let (a, b) = (ld(src.cast::<u64>()), ld(src.add(n - 8).cast::<u64>()));
                st(dst.cast::<u64>(), a);
                st(dst.add(n - 8).cast::<u64>(), b);
            } else if n >= 4 {
                let (a, b) = (ld(src.cast::<u32>()), ld(src.add(n - 4).cast::<u32>()));
                st(dst.cast::<u32>(), a);
                st(dst.add(n - 4).cast::<u32>(), b);
            } else if n > 0 {
                let (a, m, b) = (*src, *src.add(n / 2), *src.add(n - 1));
                *dst = a;
                *dst.add(n / 2) = m;
                *dst.add(n - 1) = b;
            }
        } else if n <= 32 {
            let (a, b) = (ld(src.cast::<u128>()), ld(src.add(n - 16).cast::<u128>()));
            st(dst.cast::<u128>(), a);
            st(dst.add(n - 16).cast::<u128>(), b);
        } else if n <= 64 {
            let a = ld(src.cast::<u128>());
            let b = ld(src.add(16).cast::<u128>());
            let c = ld(src.add(n - 32).cast::<u128>());
            let d = ld(src.add(n - 16).cast::<u128>());
            st(dst.cast::<u128>(), a);
            st(dst.add(16).cast::<u128>(), b);
            st(dst.add(n - 32).cast::<u128>(), c);
            st(dst.add(n - 16).cast::<u128>(), d);
        } else {
            asm!(
                "rep movsb",
                inout("rcx") n => _,
                inout("rdi") dst => _,
                inout("rsi") src => _,
                options(nostack, preserves_flags)
            );
        }
    }
}

/// # Safety
/// As C's `memcmp`: `a` and `b` readable for `n` bytes.
#[no_mangle]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { compare(a, b, n) }
}

/// # Safety
/// As C's `bcmp`: `a` and `b` readable for `n` bytes.
#[no_mangle]
pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { compare(a, b, n) }
}

/// The sign of the first differing byte, as unsigned (or 0).
#[inline(always)]
unsafe fn compare(a: *const u8, b: *const u8, n: usize) -> i32 {
    fn order<T: Ord>(x: T, y: T) -> i32 {
        if x < y {
            -1
        } else {
            1
        }
    }
    // SAFETY (all blocks): offsets stay below n; the caller vouches for n
    // bytes at both pointers. A word read big-endian orders as its bytes
    // do, and an overlapping last word adds only bytes not yet seen to
    // differ.
    unsafe {
        if n >= 8 {
            let word = |p: *const u8, i: usize| u64::from_be(ld(p.add(i).cast::<u64>()));
            let mut i = 0;
            loop {
                let at = if i + 8 <= n { i } else { n - 8 };
                let (x, y) = (word(a, at), word(b, at));
                if x != y {
                    return order(x, y);
                }
                i += 8;
                if i >= n {
                    return 0;
                }
            }
        }
        if n >= 4 {
            let word = |p: *const u8, i: usize| u32::from_be(ld(p.add(i).cast::<u32>()));
            let (x, y) = (word(a, 0), word(b, 0));
            if x != y {
                return order(x, y);
            }
            let (x, y) = (word(a, n - 4), word(b, n - 4));
            return if x != y { order(x, y) } else { 0 };
        }
        let mut i = 0;
        while i < n {
            let (x, y) = (*a.add(i), *b.add(i));
            if x != y {
                return order(x, y);
            }
            i += 1;
        }
        0
    }
}

#[cfg(test)]
mod tests {
    use super::{compare, copy_forward};

    #[test]
    fn compare_as_bytes_order() {
        let base: Vec<u8> = (0..80u32).map(|i| (i * 37 + 11) as u8).collect();
        let sign = |x: i32| x.signum();
        for n in 0..=70 {
            for off in 0..3 {
                let a = &base[off..off + n];
                // SAFETY: both slices hold n bytes.
                assert_eq!(
                    unsafe { compare(a.as_ptr(), a.to_vec().as_ptr(), n) },
                    0,
                    "n {n}"
                );
                for at in 0..n {
                    for delta in [1u8, 0x7f, 0x80, 0xff] {
                        let mut b = a.to_vec();
                        b[at] = b[at].wrapping_add(delta);
                        // A later difference the other way must not count.
                        if at + 1 < n {
                            b[n - 1] = b[n - 1].wrapping_sub(delta);
                            if at + 1 == n - 1 {
                                b[n - 1] = a[n - 1];
                            }
                        }
                        // Worked out byte by byte, not with cmp (which
                        // calls memcmp).
                        let want = a.iter().zip(&b).find(|(x, y)| x != y).map_or(0, |(x, y)| {
                            if x < y {
                                -1
                            } else {
                                1
                            }
                        });
                        // SAFETY: both hold n bytes.
                        let got = unsafe { compare(a.as_ptr(), b.as_ptr(), n) };
                        assert_eq!(sign(got), want, "n {n} off {off} at {at} delta {delta}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_length_and_offset() {
        let src: Vec<u8> = (0..300u32).map(|i| (i * 7 + 3) as u8).collect();
        for n in 0..=260 {
            for off in 0..4 {
                let mut dst = vec![0xeeu8; 300];
                // SAFETY: both buffers hold off + n + 4 bytes.
                unsafe { copy_forward(dst.as_mut_ptr().add(off), src.as_ptr().add(1), n) };
                assert_eq!(&dst[off..off + n], &src[1..1 + n], "n {n} off {off}");
                assert!(dst[..off].iter().all(|&b| b == 0xee));
                assert!(dst[off + n..].iter().all(|&b| b == 0xee));
            }
        }
    }

    #[test]
    fn forward_overlap_as_memmove_uses_it() {
        for n in [1usize, 3, 7, 8, 15, 16, 17, 31, 33, 63, 64, 65, 200] {
            for shift in [1usize, 2, 5, 8, 16, 40] {
                let orig: Vec<u8> = (0..n + shift).map(|i| i as u8).collect();
                let mut buf = orig.clone();
                // SAFETY: [0, n + shift) is inside buf; dst is below src.
                unsafe {
                    let p = buf.as_mut_ptr();
                    copy_forward(p, p.add(shift), n);
                }
                assert_eq!(&buf[..n], &orig[shift..shift + n], "n {n} shift {shift}");
            }
        }
    }
}

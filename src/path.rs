//! Path names as bytes: canonical forms (`readlink -f`, `realpath`,
//! `ln -r`, `install`), lexical clean-up and relative paths.
//!
//! Unlike `std::fs::canonicalize`, [`canonicalize`] can allow missing
//! components (GNU's `-f` and `-m` modes) and reports errors the way the
//! tools do. It resolves one component at a time with `lstat`/`readlink`,
//! at most [`MAX_LINKS`] links (then `ELOOP`).

use std::ffi::{OsStr, OsString};
use std::io;
use std::os::unix::ffi::{OsStrExt, OsStringExt};

/// How many symbolic links one resolution may follow.
pub const MAX_LINKS: usize = 40;

/// Which components must exist.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Missing {
    /// `-e`: every component.
    None,
    /// `-f` (and realpath's default): all but the last.
    Last,
    /// `-m`: any.
    Any,
}

fn lstat(p: &[u8]) -> io::Result<std::fs::Metadata> {
    std::fs::symlink_metadata(OsStr::from_bytes(p))
}

/// A directory, or (when links are not being resolved) a link to one.
fn is_dir(p: &[u8], md: &std::fs::Metadata) -> bool {
    md.is_dir()
        || (md.file_type().is_symlink()
            && std::fs::metadata(OsStr::from_bytes(p)).is_ok_and(|m| m.is_dir()))
}

fn cwd() -> io::Result<Vec<u8>> {
    std::env::current_dir().map(|p| p.into_os_string().into_vec())
}

fn components(p: &[u8]) -> impl DoubleEndedIterator<Item = &[u8]> {
    p.split(|&b| b == b'/').filter(|c| !c.is_empty())
}

fn pop(result: &mut Vec<u8>) {
    if let Some(i) = result.iter().rposition(|&b| b == b'/') {
        result.truncate(i.max(1));
    }
}

fn push(result: &mut Vec<u8>, comp: &[u8]) {
    if result.last() != Some(&b'/') {
        result.push(b'/');
    }
    result.extend_from_slice(comp);
}

/// The absolute name of `path` with `.`, `..`, repeated slashes and (when
/// `follow` is true) symbolic links resolved. `missing` says which
/// components may be absent; absent ones are kept as written.
pub fn canonicalize(path: &[u8], missing: Missing, follow: bool) -> io::Result<Vec<u8>> {
    if path.is_empty() {
        return Err(io::Error::from_raw_os_error(libc::ENOENT));
    }
    let mut result = if path[0] == b'/' {
        b"/".to_vec()
    } else {
        cwd()?
    };
    // The components still to do, last first.
    let mut todo: Vec<Vec<u8>> = components(path).rev().map(<[u8]>::to_vec).collect();
    let mut links = 0;
    while let Some(comp) = todo.pop() {
        if comp == b"." {
            continue;
        }
        if comp == b".." {
            pop(&mut result);
            continue;
        }
        let before = result.len();
        push(&mut result, &comp);
        let more = todo.iter().any(|c| c != b".");
        match lstat(&result) {
            Ok(md) if follow && md.file_type().is_symlink() => {
                links += 1;
                if links > MAX_LINKS {
                    return Err(io::Error::from_raw_os_error(libc::ELOOP));
                }
                let target = std::fs::read_link(OsStr::from_bytes(&result))?.into_os_string();
                let target = target.as_bytes();
                result.truncate(before.max(1));
                if result.len() > 1 && result.ends_with(b"/") {
                    result.pop();
                }
                if target.first() == Some(&b'/') {
                    result = b"/".to_vec();
                }
                todo.extend(components(target).rev().map(<[u8]>::to_vec));
            }
            Ok(md) => {
                let must_be_dir = more || path.ends_with(b"/");
                if must_be_dir && missing != Missing::Any && !is_dir(&result, &md) {
                    return Err(io::Error::from_raw_os_error(libc::ENOTDIR));
                }
            }
            Err(e) => {
                let allowed = match missing {
                    Missing::None => false,
                    Missing::Last => !more,
                    Missing::Any => true,
                };
                let absent = matches!(e.raw_os_error(), Some(libc::ENOENT) | Some(libc::ENOTDIR));
                if !allowed || !absent {
                    return Err(e);
                }
            }
        }
    }
    Ok(result)
}

/// `path` made absolute against the working directory with `.`, `..` and
/// repeated slashes removed lexically, links untouched (`realpath -s`).
pub fn normalize(path: &[u8]) -> io::Result<Vec<u8>> {
    let mut result = if path.first() == Some(&b'/') {
        b"/".to_vec()
    } else {
        cwd()?
    };
    for comp in components(path) {
        match comp {
            b"." => {}
            b".." => pop(&mut result),
            _ => push(&mut result, comp),
        }
    }
    Ok(result)
}

/// Whether absolute, clean `path` is `base` or below it.
pub fn is_under(path: &[u8], base: &[u8]) -> bool {
    base == b"/" || path == base || (path.starts_with(base) && path.get(base.len()) == Some(&b'/'))
}

/// The relative path from directory `from` to `to`, both absolute and
/// clean: `.` when they are the same.
pub fn relative(from: &[u8], to: &[u8]) -> Vec<u8> {
    let f: Vec<&[u8]> = components(from).collect();
    let t: Vec<&[u8]> = components(to).collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&[u8]> = vec![b".."; f.len() - common];
    parts.extend(&t[common..]);
    if parts.is_empty() {
        return b".".to_vec();
    }
    parts.join(&b'/')
}

/// `OsString` from bytes.
pub fn os(v: Vec<u8>) -> OsString {
    OsString::from_vec(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(relative(b"/a/b", b"/a/b/c"), b"c");
        assert_eq!(relative(b"/a/b", b"/a/x/y"), b"../x/y");
        assert_eq!(relative(b"/a/b", b"/a/b"), b".");
        assert_eq!(relative(b"/", b"/usr"), b"usr");
        assert_eq!(relative(b"/usr/lib", b"/"), b"../..");
    }

    #[test]
    fn under() {
        assert!(is_under(b"/a/b", b"/a"));
        assert!(is_under(b"/a", b"/a"));
        assert!(!is_under(b"/ab", b"/a"));
        assert!(is_under(b"/x", b"/"));
    }

    #[test]
    fn normalize_is_lexical() {
        assert_eq!(normalize(b"/a/./b//../c/").ok(), Some(b"/a/c".to_vec()));
        assert_eq!(normalize(b"/../..").ok(), Some(b"/".to_vec()));
    }

    #[test]
    fn canonicalize_modes() {
        assert_eq!(
            canonicalize(b"/", Missing::None, true).ok(),
            Some(b"/".to_vec())
        );
        assert_eq!(
            canonicalize(b"/proc/self/../self/", Missing::None, false).ok(),
            Some(b"/proc/self".to_vec())
        );
        let e = canonicalize(b"/nonexistent-x/y", Missing::Last, true);
        assert_eq!(e.err().and_then(|e| e.raw_os_error()), Some(libc::ENOENT));
        assert_eq!(
            canonicalize(b"/nonexistent-x", Missing::Last, true).ok(),
            Some(b"/nonexistent-x".to_vec())
        );
        assert_eq!(
            canonicalize(b"/nonexistent-x/../y/./z", Missing::Any, true).ok(),
            Some(b"/y/z".to_vec())
        );
        let e = canonicalize(b"/etc/passwd/", Missing::Last, true);
        assert_eq!(e.err().and_then(|e| e.raw_os_error()), Some(libc::ENOTDIR));
        let e = canonicalize(b"/etc/passwd/x", Missing::Last, true);
        assert_eq!(e.err().and_then(|e| e.raw_os_error()), Some(libc::ENOTDIR));
        assert_eq!(
            canonicalize(b"/etc/passwd/x", Missing::Any, true).ok(),
            Some(b"/etc/passwd/x".to_vec())
        );
    }
}

//! Thin, safe wrappers over the few system calls that std lacks.

use std::ffi::{CString, OsStr};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::io::RawFd;

/// Whether `fd` is a terminal.
pub fn isatty(fd: RawFd) -> bool {
    // SAFETY: isatty only inspects the descriptor.
    unsafe { libc::isatty(fd) == 1 }
}

/// A C string for a path or argument; a NUL byte inside is `EINVAL`.
pub fn cstring(s: &OsStr) -> io::Result<CString> {
    CString::new(s.as_bytes()).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

/// The search path when `PATH` is unset, as musl's `execvp` uses.
pub const DEFAULT_PATH: &[u8] = b"/usr/local/bin:/bin:/usr/bin";

/// Replaces the process with `argv[0]`, found the way `execvp` finds it:
/// a name with a `/` is used as it is, any other is looked up in `PATH`
/// (an empty entry is the current directory). `env` is the environment to
/// pass (`NAME=VALUE` strings) and the one whose `PATH` is searched; `None`
/// keeps the current one. A file the kernel cannot run (`ENOEXEC`) is run by
/// `/bin/sh`, as POSIX says. Returns only on failure, with the error that
/// matters: `EACCES` if some candidate was not executable, else the last.
/// Callers exit 127 for `ENOENT` and 126 otherwise, as `env`, `nice` and the
/// shell do.
pub fn exec(argv: &[std::ffi::OsString], env: Option<&[std::ffi::OsString]>) -> io::Error {
    let Some(cmd) = argv.first() else {
        return io::Error::from_raw_os_error(libc::ENOENT);
    };
    let to_c = |v: &[std::ffi::OsString]| -> io::Result<Vec<CString>> {
        v.iter().map(|s| cstring(s)).collect()
    };
    let (cargs, cenv) = match (to_c(argv), env.map(to_c).transpose()) {
        (Ok(a), Ok(e)) => (a, e),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    let mut envp: Vec<*const libc::c_char> = Vec::new();
    if let Some(cenv) = &cenv {
        envp.extend(cenv.iter().map(|c| c.as_ptr()));
        envp.push(std::ptr::null());
    }
    let mut argp: Vec<*const libc::c_char> = cargs.iter().map(|c| c.as_ptr()).collect();
    argp.push(std::ptr::null());
    let try_exec = |path: &CString| -> io::Error {
        // SAFETY: argp and envp are NUL-terminated arrays of pointers to
        // C strings that outlive the call.
        unsafe {
            match &cenv {
                Some(_) => libc::execve(path.as_ptr(), argp.as_ptr(), envp.as_ptr()),
                None => libc::execv(path.as_ptr(), argp.as_ptr()),
            };
        }
        let e = io::Error::last_os_error();
        if e.raw_os_error() == Some(libc::ENOEXEC) {
            // POSIX: run it as a shell script.
            let sh = c"/bin/sh";
            let mut shargs: Vec<*const libc::c_char> = vec![sh.as_ptr(), path.as_ptr()];
            shargs.extend(argp.iter().skip(1));
            // SAFETY: as above; shargs ends with argp's NULL.
            unsafe {
                match &cenv {
                    Some(_) => libc::execve(sh.as_ptr(), shargs.as_ptr(), envp.as_ptr()),
                    None => libc::execv(sh.as_ptr(), shargs.as_ptr()),
                };
            }
            return io::Error::last_os_error();
        }
        e
    };
    let name = cmd.as_bytes();
    if name.is_empty() {
        return io::Error::from_raw_os_error(libc::ENOENT);
    }
    if name.contains(&b'/') {
        return try_exec(&cargs[0]);
    }
    let path_var: Vec<u8> = match env {
        Some(env) => env
            .iter()
            .find_map(|kv| kv.as_bytes().strip_prefix(b"PATH=").map(<[u8]>::to_vec)),
        None => std::env::var_os("PATH").map(|p| p.as_bytes().to_vec()),
    }
    .unwrap_or_else(|| DEFAULT_PATH.to_vec());
    let mut denied = None;
    let mut last = io::Error::from_raw_os_error(libc::ENOENT);
    for dir in path_var.split(|&b| b == b':') {
        let mut full = Vec::with_capacity(dir.len() + name.len() + 1);
        if !dir.is_empty() {
            full.extend_from_slice(dir);
            full.push(b'/');
        }
        full.extend_from_slice(name);
        let Ok(c) = CString::new(full) else { continue };
        let e = try_exec(&c);
        match e.raw_os_error() {
            Some(libc::EACCES) => denied = Some(e),
            Some(libc::ENOENT) | Some(libc::ENOTDIR) | Some(libc::ENAMETOOLONG) => last = e,
            _ => return e,
        }
    }
    denied.unwrap_or(last)
}

/// Whether the locale's character set is UTF-8 (`LC_ALL`, then
/// `LC_CTYPE`, then `LANG`, as the C library looks them up). Looked up
/// once per process: the shell asks on every `${#x}`.
pub fn utf8_locale() -> bool {
    use std::sync::atomic::{AtomicU8, Ordering};
    static KNOWN: AtomicU8 = AtomicU8::new(0);
    match KNOWN.load(Ordering::Relaxed) {
        1 => return false,
        2 => return true,
        _ => {}
    }
    let mut utf8 = false;
    for var in ["LC_ALL", "LC_CTYPE", "LANG"] {
        if let Some(v) = std::env::var_os(var) {
            if !v.is_empty() {
                let v = v.to_string_lossy().to_ascii_lowercase();
                utf8 = v.contains("utf-8") || v.contains("utf8");
                break;
            }
        }
    }
    KNOWN.store(1 + u8::from(utf8), Ordering::Relaxed);
    utf8
}

/// Shell-style wildcard matching by the C library (`fnmatch(3)`), as
/// `ls --hide`, `grep --include` and `find -name` need. Names with a NUL
/// byte never match.
pub fn fnmatch(pattern: &[u8], name: &[u8], flags: i32) -> bool {
    let (Ok(p), Ok(n)) = (
        std::ffi::CString::new(pattern),
        std::ffi::CString::new(name),
    ) else {
        return false;
    };
    fnmatch_c(&p, &n, flags)
}

/// [`fnmatch`] on C strings (find keeps its patterns as such). In a UTF-8
/// locale `?` and brackets take whole characters; a pattern or name that
/// is no valid UTF-8 is matched byte by byte (as glibc falls back).
pub fn fnmatch_c(pattern: &std::ffi::CStr, name: &std::ffi::CStr, flags: i32) -> bool {
    // SAFETY: both are valid NUL-terminated strings.
    let call = || unsafe { libc::fnmatch(pattern.as_ptr(), name.as_ptr(), flags) == 0 };
    let (p, n) = (pattern.to_bytes(), name.to_bytes());
    if p.is_ascii() && n.is_ascii() {
        return call();
    }
    if utf8_locale() && std::str::from_utf8(p).is_ok() && std::str::from_utf8(n).is_ok() {
        return with_utf8_ctype(call);
    }
    call()
}

/// Runs `f` with the C library's character type set to UTF-8 (and set
/// back after): for its matchers (`fnmatch`, `regexec`) in a UTF-8
/// locale. oxbox otherwise runs in the C locale, where they work on bytes.
pub fn with_utf8_ctype<T>(f: impl FnOnce() -> T) -> T {
    // SAFETY: setlocale with a null name only reads the current one; the
    // copy is taken before anything can change it.
    let old = unsafe {
        let p = libc::setlocale(libc::LC_CTYPE, std::ptr::null());
        (!p.is_null()).then(|| std::ffi::CStr::from_ptr(p).to_owned())
    };
    // SAFETY: a NUL-terminated locale name; applets run one at a time.
    let set = unsafe { !libc::setlocale(libc::LC_CTYPE, c"C.UTF-8".as_ptr()).is_null() };
    let out = f();
    if set {
        let back = old.unwrap_or_else(|| c"C".to_owned());
        // SAFETY: as above, with the name saved before.
        unsafe { libc::setlocale(libc::LC_CTYPE, back.as_ptr()) };
    }
    out
}

/// Calls `each(name, d_type)` for every entry of the directory open at `fd`
/// (`.` and `..` included), from its start, reading with getdents64 in 32 KiB
/// batches (the C library's readdir asks the kernel for 2 KiB at a time).
/// On a read error the entries seen so far have been passed on.
pub fn each_dirent(fd: RawFd, mut each: impl FnMut(&[u8], u8)) -> io::Result<()> {
    each_dirent_ino(fd, |name, d_type, _| each(name, d_type))
}

/// [`each_dirent`] with each entry's inode number too:
/// `each(name, d_type, d_ino)`.
pub fn each_dirent_ino(fd: RawFd, mut each: impl FnMut(&[u8], u8, u64)) -> io::Result<()> {
    // u64 elements keep the records 8-byte aligned, as the kernel lays them.
    let mut buf = [0u64; 4096];
    // SAFETY: lseek on a descriptor we were given.
    if unsafe { libc::lseek(fd, 0, libc::SEEK_SET) } < 0 {
        return Err(io::Error::last_os_error());
    }
    loop {
        // SAFETY: the kernel writes at most the buffer's length.
        let n = unsafe {
            libc::syscall(
                libc::SYS_getdents64,
                fd,
                buf.as_mut_ptr(),
                std::mem::size_of_val(&buf),
            )
        };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        if n == 0 {
            return Ok(());
        }
        // SAFETY: the first n bytes are linux_dirent64 records: d_ino (8),
        // d_off (8), d_reclen (2), d_type (1), then the NUL-terminated name,
        // each record d_reclen bytes long.
        let bytes = unsafe { std::slice::from_raw_parts(buf.as_ptr().cast::<u8>(), n as usize) };
        let mut off = 0;
        while off + 19 < bytes.len() {
            let reclen = u16::from_ne_bytes([bytes[off + 16], bytes[off + 17]]) as usize;
            if reclen == 0 || off + reclen > bytes.len() {
                break;
            }
            let mut ino = [0u8; 8];
            ino.copy_from_slice(&bytes[off..off + 8]);
            let d_type = bytes[off + 18];
            let rec = &bytes[off + 19..off + reclen];
            let name = &rec[..memchr::memchr(0, rec).unwrap_or(rec.len())];
            each(name, d_type, u64::from_ne_bytes(ino));
            off += reclen;
        }
    }
}

/// A hint that the bytes at the start of `s` will be read soon, for loops
/// that visit memory in an order the hardware cannot guess (lines in
/// sorted or shuffled order): asked for some iterations ahead, the cache
/// miss overlaps the work in between.
#[inline(always)]
pub fn prefetch(s: &[u8]) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults, and the pointer is in bounds.
    unsafe {
        use core::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(s.as_ptr().cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = s;
}

#[cfg(test)]
mod dirent_tests {
    use super::{each_dirent, each_dirent_ino};
    use std::os::unix::fs::MetadataExt;
    use std::os::unix::io::AsRawFd;

    #[test]
    fn inode_numbers_are_the_entries_own() {
        let dir = std::env::temp_dir().join(format!("oxbox-dirent-ino-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join("f"), b"").expect("file");
        let want = std::fs::metadata(dir.join("f")).expect("stat").ino();
        let f = std::fs::File::open(&dir).expect("open dir");
        let mut got = None;
        each_dirent_ino(f.as_raw_fd(), |n, _, ino| {
            if n == b"f" {
                got = Some(ino);
            }
        })
        .expect("read");
        std::fs::remove_dir_all(&dir).expect("cleanup");
        assert_eq!(got, Some(want));
    }

    #[test]
    fn reads_every_entry_across_batches() {
        let dir = std::env::temp_dir().join(format!("oxbox-dirent-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        // Long names so the entries take several 32 KiB batches.
        for i in 0..2000 {
            std::fs::write(dir.join(format!("{i:0>100}")), b"").expect("file");
        }
        let f = std::fs::File::open(&dir).expect("open dir");
        let mut names = Vec::new();
        for _ in 0..2 {
            // Twice: each call starts from the beginning.
            names.clear();
            each_dirent(f.as_raw_fd(), |n, t| names.push((n.to_vec(), t))).expect("read");
        }
        std::fs::remove_dir_all(&dir).expect("cleanup");
        assert_eq!(names.len(), 2002);
        assert!(names.iter().any(|(n, t)| n == b"." && *t == libc::DT_DIR));
        assert!(names.iter().any(|(n, _)| n == b".."));
        let files = names
            .iter()
            .filter(|(n, t)| n.len() == 100 && *t == libc::DT_REG);
        assert_eq!(files.count(), 2000);
    }
}

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

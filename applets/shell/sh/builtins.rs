//! The builtins: POSIX's special ones (their assignments stay, their
//! errors end a script) and the regular ones. `echo`, `printf` and `test`
//! share their engines with the applets (`crate::escape`,
//! `crate::printf`, `crate::testexpr`).

use super::lexer::is_name;
use super::{Flow, Shell};
use std::ffi::{CString, OsStr};
use std::os::unix::ffi::OsStrExt;

pub type Builtin = fn(&mut Shell, &[Vec<u8>]) -> i32;

const SPECIAL: &[(&str, Builtin)] = &[
    (".", dot),
    (":", colon),
    ("break", brk),
    ("continue", cont),
    ("eval", eval),
    ("exec", exec),
    ("exit", exit),
    ("export", export),
    ("readonly", readonly),
    ("return", ret),
    ("set", set),
    ("shift", shift),
    ("times", times),
    ("trap", trap),
    ("unset", unset),
];

const REGULAR: &[(&str, Builtin)] = &[
    ("[", test),
    ("[[", test),
    ("alias", alias),
    ("cd", cd),
    ("command", command),
    ("echo", echo),
    ("false", fals),
    ("getopts", getopts),
    ("hash", hash),
    ("jobs", jobs),
    ("kill", kill),
    ("let", let_),
    ("local", local),
    ("printf", printf),
    ("pwd", pwd),
    ("read", read),
    ("source", dot),
    ("test", test),
    ("true", colon),
    ("type", type_),
    ("ulimit", ulimit),
    ("umask", umask),
    ("unalias", unalias),
    ("wait", wait),
];

pub fn find_special(name: &[u8]) -> Option<Builtin> {
    SPECIAL
        .iter()
        .find(|(n, _)| n.as_bytes() == name)
        .map(|&(_, f)| f)
}

pub fn find(name: &[u8]) -> Option<Builtin> {
    REGULAR
        .binary_search_by(|(n, _)| n.as_bytes().cmp(name))
        .ok()
        .map(|i| REGULAR[i].1)
}

/// Quoted for re-input where needed (`set -x`, `type`).
pub fn quote(s: &[u8]) -> Vec<u8> {
    // ash's set: an empty word prints as nothing at all.
    let safe = s
        .iter()
        .all(|&c| c.is_ascii_alphanumeric() || b"_-./+:,@^]".contains(&c));
    if safe {
        return s.to_vec();
    }
    quote_always(s)
}

/// Quoted as dash and ash print values: each run of other bytes in
/// `'...'` (an empty `''` where a run of `'` starts the value), each run of
/// `'` in `"..."`, so `x'` is `'x'"'"` and `''` is `''"''"`.
pub fn quote_always(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() + 2);
    let mut rest = s;
    loop {
        let n = rest.iter().position(|&c| c == b'\'').unwrap_or(rest.len());
        out.push(b'\'');
        out.extend_from_slice(&rest[..n]);
        out.push(b'\'');
        rest = &rest[n..];
        if rest.is_empty() {
            return out;
        }
        let q = rest.iter().position(|&c| c != b'\'').unwrap_or(rest.len());
        out.push(b'"');
        out.extend_from_slice(&rest[..q]);
        out.push(b'"');
        rest = &rest[q..];
        if rest.is_empty() {
            return out;
        }
    }
}

fn lossy(s: &[u8]) -> String {
    String::from_utf8_lossy(s).into_owned()
}

/// Writes builtin output to standard output; false after a write error
/// (reported as `NAME: write error`).
fn out(sh: &Shell, name: &str, bytes: &[u8]) -> bool {
    match crate::io::write_fd(1, bytes) {
        Ok(()) => true,
        Err(e) => {
            if e.raw_os_error() != Some(libc::EPIPE) {
                sh.berror(name, format!("write error: {}", crate::diag::strerror(&e)));
            }
            false
        }
    }
}

fn colon(_: &mut Shell, _: &[Vec<u8>]) -> i32 {
    0
}

fn fals(_: &mut Shell, _: &[Vec<u8>]) -> i32 {
    1
}

fn loop_count(sh: &mut Shell, args: &[Vec<u8>], name: &str) -> Option<u32> {
    let n = match args.get(1) {
        None => 1,
        Some(a) => match std::str::from_utf8(a).ok().and_then(|s| s.parse::<u32>().ok()) {
            Some(n) if n > 0 => n,
            _ => {
                sh.berror(name, format!("Illegal number: {}", lossy(a)));
                sh.fatal(2);
                return None;
            }
        },
    };
    if sh.loops == 0 {
        return None;
    }
    Some(n.min(sh.loops))
}

fn brk(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    if let Some(n) = loop_count(sh, args, "break") {
        sh.flow = Flow::Break(n);
    }
    if sh.flow == Flow::Exit {
        return 2;
    }
    0
}

fn cont(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    if let Some(n) = loop_count(sh, args, "continue") {
        sh.flow = Flow::Continue(n);
    }
    if sh.flow == Flow::Exit {
        return 2;
    }
    0
}

fn number_arg(sh: &mut Shell, name: &str, a: &[u8]) -> Option<i32> {
    match std::str::from_utf8(a).ok().and_then(|s| s.parse::<i64>().ok()) {
        Some(n) if n >= 0 => Some((n & 0xff) as i32),
        _ => {
            sh.berror(name, format!("Illegal number: {}", lossy(a)));
            sh.fatal(2);
            None
        }
    }
}

fn exit(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let st = match args.get(1) {
        None => sh.trap_status.unwrap_or(sh.status),
        Some(a) => match number_arg(sh, "exit", a) {
            Some(n) => n,
            None => return 2,
        },
    };
    sh.exit(st);
    st
}

fn ret(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let st = match args.get(1) {
        None => sh.status,
        Some(a) => match number_arg(sh, "return", a) {
            Some(n) => n,
            None => return 2,
        },
    };
    sh.status = st;
    // At the top of a script `return` ends it, as in dash and ash.
    if sh.func_depth > 0 || sh.eval_depth > 0 || sh.dot_depth > 0 || !sh.opts.interactive {
        sh.flow = Flow::Return;
    }
    st
}

fn eval(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let mut text = Vec::new();
    for (i, a) in args[1..].iter().enumerate() {
        if i > 0 {
            text.push(b' ');
        }
        text.extend_from_slice(a);
    }
    if text.is_empty() {
        return 0;
    }
    let ctx = sh.ctx.replace(b"eval".to_vec());
    let st = sh.run_string_at(&text, sh.lineno.max(1));
    sh.ctx = ctx;
    if sh.flow == Flow::Return && sh.func_depth == 0 && sh.dot_depth == 0 {
        sh.flow = Flow::Normal;
    }
    st
}

fn dot(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let Some(file) = args.get(1) else {
        sh.berror(".", "filename argument required");
        sh.fatal(2);
        return 2;
    };
    let path = if file.contains(&b'/') {
        Some(file.clone())
    } else {
        sh.search_path_any(file).or_else(|| {
            std::fs::metadata(OsStr::from_bytes(file))
                .ok()
                .map(|_| file.clone())
        })
    };
    let text = match path {
        Some(p) => std::fs::read(OsStr::from_bytes(&p)),
        None => Err(std::io::Error::from_raw_os_error(libc::ENOENT)),
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            sh.berror(
                ".",
                format!("can't open '{}': {}", lossy(file), crate::diag::strerror(&e)),
            );
            sh.fatal(2);
            return 2;
        }
    };
    let saved = if args.len() > 2 {
        Some(std::mem::replace(&mut sh.params, args[2..].to_vec()))
    } else {
        None
    };
    sh.dot_depth += 1;
    let ctx = sh.ctx.replace(file.clone());
    let st = sh.run_string(&text);
    sh.ctx = ctx;
    sh.dot_depth -= 1;
    if let Some(p) = saved {
        sh.params = p;
    }
    // `return` in the file ends the file, not a function calling `.`.
    if sh.flow == Flow::Return {
        sh.flow = Flow::Normal;
    }
    st
}

fn exec(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    if args.len() < 2 {
        return 0;
    }
    let mut i = 1;
    if args[1] == b"--" {
        i = 2;
        if args.len() < 3 {
            return 0;
        }
    }
    let argv = &args[i..];
    let Some(path) = sh.find_program(&argv[0]) else {
        sh.berror("exec", format!("{}: not found", lossy(&argv[0])));
        sh.exit(127);
        return 127;
    };
    let cargs: Vec<CString> = argv
        .iter()
        .filter_map(|a| CString::new(a.clone()).ok())
        .collect();
    let mut argp: Vec<*const libc::c_char> = cargs.iter().map(|c| c.as_ptr()).collect();
    argp.push(std::ptr::null());
    let env = sh.vars.environ().to_vec();
    let mut envp: Vec<*const libc::c_char> = env.iter().map(|c| c.as_ptr()).collect();
    envp.push(std::ptr::null());
    let Ok(cpath) = CString::new(path) else {
        return 127;
    };
    // SAFETY: NUL-terminated arrays of valid C strings.
    unsafe { libc::execve(cpath.as_ptr(), argp.as_ptr(), envp.as_ptr()) };
    let e = std::io::Error::last_os_error();
    sh.berror("exec", format!("{}: {}", lossy(&argv[0]), crate::diag::strerror(&e)));
    let st = if e.raw_os_error() == Some(libc::ENOENT) {
        127
    } else {
        126
    };
    sh.exit(st);
    st
}

fn name_value(a: &[u8]) -> (&[u8], Option<&[u8]>) {
    match a.iter().position(|&c| c == b'=') {
        Some(i) => (&a[..i], Some(&a[i + 1..])),
        None => (a, None),
    }
}

fn export(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    attr(sh, args, "export")
}

fn readonly(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    attr(sh, args, "readonly")
}

fn attr(sh: &mut Shell, args: &[Vec<u8>], what: &str) -> i32 {
    let mut rest = &args[1..];
    let mut unexport = false;
    while let Some(a) = rest.first() {
        match a.as_slice() {
            b"-p" => rest = &rest[1..],
            b"-n" if what == "export" => {
                unexport = true;
                rest = &rest[1..]
            }
            b"--" => {
                rest = &rest[1..];
                break;
            }
            _ => break,
        }
    }
    if rest.is_empty() {
        let mut text = Vec::new();
        for (k, v) in sh.vars.sorted() {
            let on = if what == "export" { v.exported } else { v.readonly };
            if !on {
                continue;
            }
            text.extend_from_slice(what.as_bytes());
            text.push(b' ');
            text.extend_from_slice(k);
            if let Some(val) = &v.value {
                text.push(b'=');
                text.extend(quote_always(val));
            }
            text.push(b'\n');
        }
        return i32::from(!out(sh, what, &text));
    }
    let mut st = 0;
    for a in rest {
        let (name, value) = name_value(a);
        if !is_name(name) {
            sh.berror(what, format!("{}: bad variable name", lossy(name)));
            sh.fatal(2);
            return 2;
        }
        if let Some(v) = value {
            if sh.vars.is_readonly(name) {
                sh.berror(what, format!("{}: is read only", lossy(name)));
                sh.fatal(2);
                return 2;
            }
            if sh.assign(name, v.to_vec()).is_err() {
                sh.fatal(2);
                return 2;
            }
        }
        if what == "export" {
            if unexport {
                sh.vars.unexport(name);
            } else {
                sh.vars.export(name);
            }
        } else {
            sh.vars.set_readonly(name);
        }
        st = 0;
    }
    st
}

fn unset(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let mut funcs = false;
    let mut rest = &args[1..];
    while let Some(a) = rest.first() {
        if a == b"--" {
            rest = &rest[1..];
            break;
        }
        if a.len() < 2 || a[0] != b'-' {
            break;
        }
        for &c in &a[1..] {
            match c {
                b'f' => funcs = true,
                b'v' => funcs = false,
                _ => {
                    sh.berror("unset", format!("illegal option -{}", c as char));
                    sh.fatal(2);
                    return 2;
                }
            }
        }
        rest = &rest[1..];
    }
    let st = 0;
    for name in rest {
        if !funcs && !is_name(name) {
            sh.berror("unset", format!("{}: bad variable name", lossy(name)));
            sh.fatal(2);
            return 2;
        }
        if funcs {
            sh.funcs.remove(name);
            continue;
        }
        if sh.vars.unset(name).is_err() {
            sh.berror("unset", format!("{}: is read only", lossy(name)));
            sh.fatal(2);
            return 2;
        }
        if name == b"PATH" {
            sh.hash.clear();
        }
    }
    st
}

fn local(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    if !sh.vars.in_function() {
        sh.berror("local", "not in a function");
        sh.fatal(2);
        return 2;
    }
    for a in &args[1..] {
        if a == b"-" {
            // `local -`: the options come back when the function returns
            // (dash, ash).
            let d = sh.func_depth;
            if sh.local_opts.last().is_none_or(|(x, _)| *x != d) {
                sh.local_opts.push((d, sh.opts));
            }
            continue;
        }
        let (name, value) = name_value(a);
        if !is_name(name) {
            sh.berror("local", format!("{}: bad variable name", lossy(name)));
            return 1;
        }
        sh.vars.make_local(name);
        match value {
            Some(v) => {
                if sh.assign(name, v.to_vec()).is_err() {
                    return 1;
                }
            }
            // As ash: a new local starts unset.
            None => {
                let _ = sh.vars.unset(name);
            }
        }
    }
    0
}

fn shift(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let n = match args.get(1) {
        None => 1,
        Some(a) => match std::str::from_utf8(a).ok().and_then(|s| s.parse::<usize>().ok()) {
            Some(n) => n,
            None => {
                sh.berror("shift", format!("Illegal number: {}", lossy(a)));
                sh.fatal(2);
                return 2;
            }
        },
    };
    if n > sh.params.len() {
        return 1;
    }
    sh.params.drain(..n);
    0
}

fn times(sh: &mut Shell, _: &[Vec<u8>]) -> i32 {
    // SAFETY: times into a zeroed struct; sysconf cannot fail here.
    let (t, hz) = unsafe {
        let mut t: libc::tms = std::mem::zeroed();
        libc::times(&mut t);
        (t, libc::sysconf(libc::_SC_CLK_TCK).max(1) as f64)
    };
    let f = |v: libc::clock_t| {
        let s = v as f64 / hz;
        format!("{}m{:.3}s", (s / 60.0) as u64, s % 60.0)
    };
    let text = format!(
        "{} {}\n{} {}\n",
        f(t.tms_utime),
        f(t.tms_stime),
        f(t.tms_cutime),
        f(t.tms_cstime)
    );
    i32::from(!out(sh, "times", text.as_bytes()))
}

fn set(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let was = sh.opts.monitor;
    let st = set_options(sh, args);
    if sh.opts.monitor && !was && !super::exec::have_tty() {
        sh.berror("set", "can't access tty; job control turned off");
        sh.opts.monitor = false;
    }
    st
}

fn set_options(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    if args.len() == 1 {
        let mut text = Vec::new();
        for (k, v) in sh.vars.sorted() {
            if let Some(val) = &v.value {
                text.extend_from_slice(k);
                text.push(b'=');
                text.extend(quote_always(val));
                text.push(b'\n');
            }
        }
        return i32::from(!out(sh, "set", &text));
    }
    let mut i = 1;
    while i < args.len() {
        let a = &args[i];
        if a == b"--" {
            sh.params = args[i + 1..].to_vec();
            return 0;
        }
        if a == b"-" {
            sh.opts.xtrace = false;
            sh.opts.verbose = false;
            i += 1;
            break;
        }
        if a.len() < 2 || (a[0] != b'-' && a[0] != b'+') {
            break;
        }
        let on = a[0] == b'-';
        i += 1;
        for &c in &a[1..] {
            if c == b'o' {
                match args.get(i) {
                    None => {
                        let mut text = Vec::new();
                        for (_, name) in super::OPT_TABLE {
                            let v = sh.opts.named(name.as_bytes()).is_some_and(|f| *f);
                            if on {
                                text.extend_from_slice(
                                    format!("{name:<16}{}\n", if v { "on" } else { "off" })
                                        .as_bytes(),
                                );
                            } else {
                                text.extend_from_slice(
                                    format!("set {}o {name}\n", if v { '-' } else { '+' })
                                        .as_bytes(),
                                );
                            }
                        }
                        return i32::from(!out(sh, "set", &text));
                    }
                    Some(name) => {
                        i += 1;
                        match sh.opts.named(name) {
                            Some(f) => *f = on,
                            None => {
                                sh.berror("set", format!("illegal option -o {}", lossy(name)));
                                sh.fatal(2);
                                return 2;
                            }
                        }
                    }
                }
                continue;
            }
            match sh.opts.flag(c) {
                Some(f) => *f = on,
                None => {
                    sh.berror("set", format!("illegal option -{}", c as char));
                    sh.fatal(2);
                    return 2;
                }
            }
        }
    }
    if i < args.len() {
        sh.params = args[i..].to_vec();
    }
    0
}

fn trap(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let mut rest = &args[1..];
    if rest.first().is_some_and(|a| a == b"--") {
        rest = &rest[1..];
    }
    if rest.is_empty() || rest[0] == b"-p" {
        let mut list = sh.traps.parent.clone().unwrap_or_else(|| sh.traps.actions.clone());
        list.sort_by_key(|(s, _)| *s);
        let mut text = Vec::new();
        for (sig, a) in list {
            text.extend_from_slice(b"trap -- ");
            text.extend(quote_always(&a));
            text.push(b' ');
            text.extend_from_slice(super::trap::name(sig).as_bytes());
            text.push(b'\n');
        }
        return i32::from(!out(sh, "trap", &text));
    }
    if rest[0] == b"-l" {
        return kill_list(sh);
    }
    // `trap N...` (a number first) resets; else the first is the action.
    let (action, sigs) = if super::trap::lookup(&rest[0]).is_some()
        && rest[0].iter().all(u8::is_ascii_digit)
    {
        (None, rest)
    } else if rest[0] == b"-" {
        (None, &rest[1..])
    } else {
        (Some(rest[0].clone()), &rest[1..])
    };
    let mut st = 0;
    for s in sigs {
        match super::trap::lookup(s) {
            Some(n) if n != libc::SIGKILL && n != libc::SIGSTOP => {
                sh.traps.set(n, action.clone())
            }
            _ => {
                sh.berror("trap", format!("{}: invalid signal specification", lossy(s)));
                st = 1;
            }
        }
    }
    st
}

fn kill_list(sh: &mut Shell) -> i32 {
    let mut text = Vec::new();
    for (n, v) in super::trap::NAMES {
        text.extend_from_slice(format!("{v:>2}) {n}\n").as_bytes());
    }
    i32::from(!out(sh, "kill", &text))
}

fn kill(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let mut sig = libc::SIGTERM;
    let mut rest = &args[1..];
    if let Some(a) = rest.first() {
        if a == b"-l" || a == b"-L" {
            if let Some(n) = rest.get(1) {
                let mut text = Vec::new();
                for x in &rest[1..] {
                    if let Some(v) = std::str::from_utf8(x).ok().and_then(|s| s.parse::<i32>().ok()) {
                        let v = if v > 128 { v - 128 } else { v };
                        text.extend_from_slice(super::trap::name(v).as_bytes());
                    } else if let Some(v) = super::trap::lookup(x) {
                        text.extend_from_slice(v.to_string().as_bytes());
                    } else {
                        sh.berror("kill", format!("{}: invalid signal", lossy(n)));
                        return 1;
                    }
                    text.push(b'\n');
                }
                return i32::from(!out(sh, "kill", &text));
            }
            return kill_list(sh);
        }
        if a == b"-s" || a == b"-n" {
            let Some(s) = rest.get(1).and_then(|s| super::trap::lookup(s)) else {
                sh.berror("kill", "invalid signal");
                return 1;
            };
            sig = s;
            rest = &rest[2..];
        } else if a.len() > 1 && a[0] == b'-' && a != b"--" {
            let Some(s) = super::trap::lookup(&a[1..]) else {
                sh.berror("kill", format!("bad signal name '{}'", lossy(&a[1..])));
                return 1;
            };
            sig = s;
            rest = &rest[1..];
        } else if a == b"--" {
            rest = &rest[1..];
        }
    }
    if rest.is_empty() {
        sh.berror("kill", "usage: kill [-s SIG | -SIG] PID...");
        return 1;
    }
    let mut st = 0;
    for p in rest {
        let pid = if p.first() == Some(&b'%') {
            sh.job_spec_pid(p)
        } else {
            std::str::from_utf8(p).ok().and_then(|s| s.parse::<i32>().ok())
        };
        let Some(pid) = pid else {
            if p.first() == Some(&b'%') {
                sh.berror("kill", format!("{}: no such job", lossy(p)));
                st = 2;
            } else {
                sh.berror("kill", format!("invalid number '{}'", lossy(p)));
                st = 1;
            }
            continue;
        };
        // SAFETY: kill with any pid and signal is safe to call.
        if unsafe { libc::kill(pid, sig) } != 0 {
            let e = std::io::Error::last_os_error();
            sh.berror("kill", format!("{pid}: {}", crate::diag::strerror(&e)));
            st = 1;
        }
    }
    st
}

fn echo(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let line = echo_text(args);
    i32::from(!out(sh, "echo", &line))
}

/// What `echo ARGS` writes.
pub fn echo_text(args: &[Vec<u8>]) -> Vec<u8> {
    let mut newline = true;
    let mut escapes = false;
    let mut first = 1;
    for a in &args[1..] {
        if a.len() < 2 || a[0] != b'-' || !a[1..].iter().all(|c| b"neE".contains(c)) {
            break;
        }
        for c in &a[1..] {
            match c {
                b'n' => newline = false,
                b'e' => escapes = true,
                _ => escapes = false,
            }
        }
        first += 1;
    }
    let mut line = Vec::new();
    let mut stopped = false;
    for (i, a) in args.iter().enumerate().skip(first) {
        if i > first {
            line.push(b' ');
        }
        if escapes {
            if !crate::escape::unescape(a, crate::escape::Style::Echo, &mut line) {
                stopped = true;
                break;
            }
        } else {
            line.extend_from_slice(a);
        }
    }
    if newline && !stopped {
        line.push(b'\n');
    }
    line
}

fn printf(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let mut rest = &args[1..];
    if rest.first().is_some_and(|a| a == b"--") {
        rest = &rest[1..];
    }
    let Some(fmt) = rest.first() else {
        sh.berror("printf", "usage: printf FORMAT [ARGUMENT...]");
        return 2;
    };
    // Its errors read as the shell's others: `sh: printf: line 3: ...`.
    let mut prefix = String::from_utf8_lossy(&sh.name).into_owned();
    prefix.push_str(": printf");
    if sh.script {
        prefix.push_str(&format!(": line {}", sh.lineno));
    }
    let mut diag = crate::diag::Diag::with_name(prefix);
    let pargs: Vec<&[u8]> = rest[1..].iter().map(|a| a.as_slice()).collect();
    let mut buf = Vec::new();
    let mut ok = true;
    let mut flush = |b: &mut Vec<u8>| {
        let r = crate::io::write_fd(1, b).is_ok();
        b.clear();
        ok &= r;
        r
    };
    crate::printf::run(&mut diag, fmt, &pargs, &mut buf, &mut flush);
    if !ok {
        return 1;
    }
    diag.status()
}

fn test(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let mut v: Vec<&[u8]> = args[1..].iter().map(|a| a.as_slice()).collect();
    // `[[ ... ]]` is `test` as in ash: no special parsing of its words.
    let close: Option<&[u8]> = match args[0].as_slice() {
        b"[" => Some(b"]"),
        b"[[" => Some(b"]]"),
        _ => None,
    };
    if let Some(c) = close {
        if v.last() != Some(&c) {
            sh.berror(&lossy(&args[0]), format!("missing {}", lossy(c)));
            return 2;
        }
        v.pop();
    }
    // In `[[ s == pattern ]]` (also `=`, `!=`) the right side is a pattern,
    // as in ash and bash.
    if close == Some(b"]]") {
        if let [l, op @ (b"==" | b"=" | b"!="), r] = v[..] {
            let m = super::expand::matches(r, l);
            return i32::from(m == (op == b"!="));
        }
    }
    match crate::testexpr::eval(&v) {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(m) => {
            sh.berror(&lossy(&args[0]), m);
            2
        }
    }
}

fn let_(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    if args.len() < 2 {
        sh.berror("let", "expression expected");
        return 1;
    }
    let mut last = 0;
    for a in &args[1..] {
        match sh.arith_text(a) {
            Ok(n) => last = n,
            Err(_) => return 2,
        }
    }
    i32::from(last == 0)
}

fn alias(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let print = |sh: &Shell, k: &[u8], v: &[u8]| -> Vec<u8> {
        let _ = sh;
        let mut t = k.to_vec();
        t.push(b'=');
        t.extend(quote_always(v));
        t.push(b'\n');
        t
    };
    if args.len() == 1 {
        // In the order of dash's and ash's alias table: hash bucket, then
        // definition order.
        let mut list = sh.aliases.clone();
        list.sort_by_key(|(k, _)| {
            let first = u32::from(k.first().copied().unwrap_or(0)) << 4;
            k.iter().fold(first, |h, &c| h.wrapping_add(u32::from(c))) % 39
        });
        let mut text = Vec::new();
        for (k, v) in &list {
            text.extend(print(sh, k, v));
        }
        return i32::from(!out(sh, "alias", &text));
    }
    let mut st = 0;
    let mut text = Vec::new();
    for a in &args[1..] {
        let (k, v) = name_value(a);
        match v {
            Some(v) => match sh.aliases.iter_mut().find(|(n, _)| n == k) {
                Some(e) => e.1 = v.to_vec(),
                None => sh.aliases.push((k.to_vec(), v.to_vec())),
            },
            None => match sh.aliases.iter().find(|(n, _)| n == k) {
                Some((n, v)) => text.extend(print(sh, n, v)),
                None => {
                    // dash and ash: no shell name, no line.
                    crate::diag::write_stderr(format!("alias: {} not found\n", lossy(k)).as_bytes());
                    st = 1;
                }
            },
        }
    }
    if !out(sh, "alias", &text) {
        return 1;
    }
    st
}

fn unalias(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let mut st = 0;
    for a in &args[1..] {
        if a == b"-a" {
            sh.aliases.clear();
            continue;
        }
        let n = sh.aliases.len();
        sh.aliases.retain(|(k, _)| k != a);
        if sh.aliases.len() == n {
            crate::diag::write_stderr(format!("unalias: {} not found\n", lossy(a)).as_bytes());
            st = 1;
        }
    }
    st
}

/// `/a/./b/../c` to `/a/c`, without looking at the file system.
fn clean(path: &[u8]) -> Vec<u8> {
    let mut parts: Vec<&[u8]> = Vec::new();
    for c in path.split(|&c| c == b'/') {
        match c {
            b"" | b"." => {}
            b".." => {
                parts.pop();
            }
            _ => parts.push(c),
        }
    }
    let mut out = Vec::new();
    // Exactly two leading slashes may mean something else (POSIX): kept,
    // as dash and ash keep them.
    if path.starts_with(b"//") && path.get(2) != Some(&b'/') {
        out.push(b'/');
    }
    for p in parts {
        out.push(b'/');
        out.extend_from_slice(p);
    }
    if out.len() < 2 {
        out.push(b'/');
    }
    out
}

fn chdir(p: &[u8]) -> std::io::Result<()> {
    let c = CString::new(p).map_err(|_| std::io::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: c is a valid C string.
    if unsafe { libc::chdir(c.as_ptr()) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

fn getcwd() -> Option<Vec<u8>> {
    std::env::current_dir()
        .ok()
        .map(|p| p.as_os_str().as_bytes().to_vec())
}

fn cd(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let mut physical = false;
    let mut rest = &args[1..];
    while let Some(a) = rest.first() {
        if a == b"--" {
            rest = &rest[1..];
            break;
        }
        // -L and -P, grouped or not: the last one wins.
        if a.len() < 2 || a[0] != b'-' {
            break;
        }
        if let Some(&c) = a[1..].iter().find(|&&c| c != b'L' && c != b'P') {
            sh.berror("cd", format!("illegal option -{}", c as char));
            return 2;
        }
        physical = a.last() == Some(&b'P');
        rest = &rest[1..];
    }
    let mut print = false;
    let dir = match rest.first() {
        // No HOME (no OLDPWD for `cd -`): the current directory, as in
        // dash and ash.
        None => sh.vars.get(b"HOME").unwrap_or(b"").to_vec(),
        Some(d) if d == b"-" => {
            print = true;
            sh.vars.get(b"OLDPWD").unwrap_or(b"").to_vec()
        }
        Some(d) => d.clone(),
    };
    // The candidates: CDPATH entries for a relative name not starting
    // with `.` or `..`.
    let mut candidates = Vec::new();
    let relative = dir.first() != Some(&b'/');
    let dotted = dir == b"." || dir == b".." || dir.starts_with(b"./") || dir.starts_with(b"../");
    if relative && !dotted && !dir.is_empty() {
        if let Some(cdpath) = sh.vars.get(b"CDPATH").map(<[u8]>::to_vec) {
            for e in cdpath.split(|&c| c == b':') {
                let mut p = e.to_vec();
                if !p.is_empty() {
                    if p.last() != Some(&b'/') {
                        p.push(b'/');
                    }
                    p.extend_from_slice(&dir);
                    candidates.push((p, true));
                } else {
                    candidates.push((dir.clone(), false));
                }
            }
        }
    }
    candidates.push((dir.clone(), false));
    let pwd = sh.vars.get(b"PWD").map(<[u8]>::to_vec).or_else(getcwd).unwrap_or_default();
    let mut last_err = None;
    for (cand, from_cdpath) in candidates {
        let logical = if cand.first() == Some(&b'/') {
            cand.clone()
        } else {
            let mut p = pwd.clone();
            p.push(b'/');
            p.extend_from_slice(&cand);
            p
        };
        let target = if physical { cand.clone() } else { clean(&logical) };
        match chdir(&target) {
            Ok(()) => {
                let new = if physical {
                    getcwd().unwrap_or(target)
                } else {
                    target
                };
                let _ = sh.assign(b"OLDPWD", pwd);
                let _ = sh.assign(b"PWD", new.clone());
                if print || from_cdpath {
                    let mut t = new;
                    t.push(b'\n');
                    out(sh, "cd", &t);
                }
                return 0;
            }
            Err(e) => last_err = Some(e),
        }
    }
    let e = last_err.unwrap_or_else(|| std::io::Error::from_raw_os_error(libc::ENOENT));
    sh.berror(
        "cd",
        format!(
        "can't cd to {}: {}",
        lossy(&dir),
        crate::diag::strerror(&e)
    ),
    );
    2
}

fn pwd(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let physical = args[1..].iter().any(|a| a == b"-P");
    let mut p = if physical {
        getcwd().unwrap_or_default()
    } else {
        match sh.vars.get(b"PWD") {
            Some(p) if p.first() == Some(&b'/') => p.to_vec(),
            _ => getcwd().unwrap_or_default(),
        }
    };
    p.push(b'\n');
    i32::from(!out(sh, "pwd", &p))
}

/// What a command name is, for `type` and `command -v/-V`.
enum Kind {
    Alias(Vec<u8>),
    Keyword,
    Special,
    Function,
    Builtin,
    Program(Vec<u8>),
    Missing,
}

const KEYWORDS: &[&[u8]] = &[
    b"!", b"case", b"do", b"done", b"elif", b"else", b"esac", b"fi", b"for", b"function", b"if",
    b"in", b"then", b"until", b"while", b"{", b"}",
];

fn kind(sh: &mut Shell, name: &[u8], path_only: bool) -> Kind {
    if !path_only {
        if let Some((_, v)) = sh.aliases.iter().find(|(k, _)| k == name) {
            return Kind::Alias(v.clone());
        }
        if KEYWORDS.contains(&name) {
            return Kind::Keyword;
        }
        if find_special(name).is_some() {
            return Kind::Special;
        }
        if sh.funcs.contains_key(name) {
            return Kind::Function;
        }
        if find(name).is_some() {
            return Kind::Builtin;
        }
    }
    let found = if path_only {
        let saved = sh.vars.get(b"PATH").map(<[u8]>::to_vec);
        let _ = sh.vars.set(b"PATH", b"/bin:/usr/bin:/sbin:/usr/sbin".to_vec(), false);
        let r = sh.search_path(name);
        match saved {
            Some(p) => {
                let _ = sh.vars.set(b"PATH", p, false);
            }
            None => {
                let _ = sh.vars.unset(b"PATH");
            }
        }
        r
    } else if name.contains(&b'/') {
        let c = CString::new(name).ok();
        // SAFETY: access on a valid C string.
        c.filter(|c| unsafe { libc::access(c.as_ptr(), libc::X_OK) } == 0)
            .map(|_| name.to_vec())
    } else {
        sh.find_program(name)
    };
    match found {
        Some(p) => Kind::Program(p),
        None => Kind::Missing,
    }
}

fn describe(sh: &mut Shell, name: &[u8], verbose: bool, path_only: bool) -> (Vec<u8>, bool) {
    let n = lossy(name);
    let k = kind(sh, name, path_only);
    let text = match (&k, verbose) {
        (Kind::Missing, true) => return (format!("{n}: not found\n").into_bytes(), false),
        (Kind::Missing, false) => return (Vec::new(), false),
        (Kind::Alias(v), true) => format!("{n} is an alias for {}", lossy(v)),
        (Kind::Alias(v), false) => format!("alias {n}={}", lossy(&quote_always(v))),
        (Kind::Keyword, true) => format!("{n} is a shell keyword"),
        (Kind::Special, true) => format!("{n} is a special shell builtin"),
        (Kind::Function, true) => format!("{n} is a function"),
        (Kind::Builtin, true) => format!("{n} is a shell builtin"),
        (Kind::Program(p), true) => format!("{n} is {}", lossy(p)),
        (Kind::Program(p), false) => lossy(p),
        (_, false) => n.clone(),
    };
    let mut t = text.into_bytes();
    t.push(b'\n');
    (t, true)
}

fn type_(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let mut st = 0;
    // `type -p NAME` (bash): the program's path only; nothing for
    // builtins and the like.
    if args.get(1).is_some_and(|a| a == b"-p") {
        let mut text = Vec::new();
        for a in &args[2..] {
            match kind(sh, a, false) {
                Kind::Program(p) => {
                    text.extend_from_slice(&p);
                    text.push(b'\n');
                }
                Kind::Missing => st = 1,
                _ => {}
            }
        }
        out(sh, "type", &text);
        return st;
    }
    for a in &args[1..] {
        let (t, ok) = describe(sh, a, true, false);
        // As ash: "NAME: not found" goes to stdout too.
        out(sh, "type", &t);
        if !ok {
            st = 127;
        }
    }
    st
}

fn command(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let mut i = 1;
    let (mut v, mut vv, mut p) = (false, false, false);
    while i < args.len() && args[i].len() > 1 && args[i][0] == b'-' {
        if args[i] == b"--" {
            i += 1;
            break;
        }
        for &c in &args[i][1..] {
            match c {
                b'v' => v = true,
                b'V' => vv = true,
                b'p' => p = true,
                _ => {
                    sh.berror("command", format!("illegal option -{}", c as char));
                    return 2;
                }
            }
        }
        i += 1;
    }
    let rest = &args[i..];
    if rest.is_empty() {
        return 0;
    }
    if v || vv {
        let mut st = 0;
        for a in rest {
            let (t, ok) = describe(sh, a, vv, p);
            if ok {
                out(sh, "command", &t);
            } else {
                if vv {
                    crate::diag::write_stderr(&t);
                }
                st = 127;
            }
        }
        return st;
    }
    // Run it, skipping functions.
    let name = &rest[0];
    if let Some(b) = find_special(name) {
        // `command` takes away a special builtin's power to end the shell
        // on an error (not `exit` itself, nor exec's).
        sh.no_fatal += 1;
        let st = b(sh, rest);
        sh.no_fatal -= 1;
        return st;
    }
    if let Some(b) = find(name) {
        return b(sh, rest);
    }
    let path = if p {
        match kind(sh, name, true) {
            Kind::Program(x) => Some(x),
            _ => None,
        }
    } else {
        sh.find_program(name)
    };
    sh.run_program(path, rest)
}

fn hash(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    if args.len() == 1 {
        let mut list: Vec<_> = sh.hash.values().cloned().collect();
        list.sort();
        let mut text = Vec::new();
        for p in list {
            text.extend(p);
            text.push(b'\n');
        }
        return i32::from(!out(sh, "hash", &text));
    }
    let mut st = 0;
    for a in &args[1..] {
        if a == b"-r" {
            sh.hash.clear();
            continue;
        }
        if find(a).is_some() || find_special(a).is_some() || sh.funcs.contains_key(a.as_slice()) {
            continue;
        }
        sh.hash.remove(a.as_slice());
        if sh.find_program(a).is_none() {
            sh.berror("hash", format!("{}: not found", lossy(a)));
            st = 1;
        }
    }
    st
}

fn wait(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    if args.get(1).is_some_and(|a| a == b"-n") {
        return wait_next(sh, &args[2..]);
    }
    let args = if args.get(1).is_some_and(|a| a == b"--") {
        &args[1..]
    } else {
        args
    };
    if args.len() == 1 {
        let pids: Vec<i32> = sh
            .jobs
            .iter()
            .filter(|j| j.status.is_none() && !j.inherited)
            .map(|j| j.pid)
            .collect();
        for pid in pids {
            match sh.wait_interruptible(pid, false) {
                Ok(st) => {
                    if let Some(j) = sh.jobs.iter_mut().find(|j| j.pid == pid) {
                        j.status = Some(st);
                    }
                }
                Err(st) => return st,
            }
        }
        // Finished jobs stay for `jobs` to report and a later `wait $!`
        // (dash, ash); the shell's helper processes go.
        sh.jobs.retain(|j| j.num > 0 || j.inherited);
        return 0;
    }
    let mut st = 0;
    for a in &args[1..] {
        let Some(pid) = wait_operand(sh, a) else {
            st = 2;
            continue;
        };
        let known = sh.jobs.iter().position(|j| j.pid == pid && !j.inherited);
        st = match known {
            None => 127,
            Some(i) => match sh.jobs[i].status {
                Some(s) => s,
                None => match sh.wait_interruptible(pid, true) {
                    Ok(s) => {
                        sh.jobs[i].status = Some(s);
                        s
                    }
                    Err(s) => return s,
                },
            },
        };
        // A job waited for leaves the table: its number is free again.
        if let Some(i) = known {
            sh.jobs[i].num = 0;
        }
    }
    st
}

/// A `wait` operand: a process id or a `%` job spec; None (reported)
/// when it is neither.
fn wait_operand(sh: &mut Shell, a: &[u8]) -> Option<i32> {
    if a.first() == Some(&b'%') {
        let pid = sh.job_spec_pid(a);
        if pid.is_none() {
            sh.berror("wait", format!("{}: no such job", lossy(a)));
        }
        return pid;
    }
    let pid = std::str::from_utf8(a).ok().and_then(|s| s.parse::<i32>().ok());
    if pid.is_none() {
        sh.berror("wait", format!("invalid process id '{}'", lossy(a)));
    }
    pid
}

/// `wait -n [ID]...`: waits until one of the jobs (all of them without
/// operands) has ended, and gives its status, as bash does; a job that
/// ended before and was not waited for counts at once. 127 when there is
/// none to wait for.
fn wait_next(sh: &mut Shell, ids: &[Vec<u8>]) -> i32 {
    let mut wanted = Vec::new();
    for a in ids {
        match wait_operand(sh, a) {
            Some(p) => wanted.push(p),
            None => return 2,
        }
    }
    let is_wanted = |pid: i32| wanted.is_empty() || wanted.contains(&pid);
    loop {
        // One that has ended already.
        if let Some(j) = sh
            .jobs
            .iter_mut()
            .find(|j| j.num > 0 && !j.inherited && j.status.is_some() && is_wanted(j.pid))
        {
            j.num = 0;
            return j.status.unwrap_or(127);
        }
        if !sh
            .jobs
            .iter()
            .any(|j| j.num > 0 && !j.inherited && j.status.is_none() && is_wanted(j.pid))
        {
            return 127;
        }
        if let Some(sig) = super::trap::pending() {
            return 128 + sig;
        }
        let mut st = 0;
        // SAFETY: waitpid with a valid out pointer.
        let r = unsafe { libc::waitpid(-1, &mut st, 0) };
        if r < 0 {
            if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return 127;
        }
        if let Some(j) = sh.jobs.iter_mut().find(|j| j.pid == r) {
            j.status = Some(super::exec::wait_status(st));
        }
    }
}

/// `jobs [-lp]`: the background jobs, newest first, in ash's layout (no
/// command text: a non-interactive ash keeps none either). Finished jobs
/// are shown once, then forgotten.
fn jobs(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let (mut pids, mut long) = (false, false);
    for a in &args[1..] {
        match a.as_slice() {
            b"-p" => pids = true,
            b"-l" => long = true,
            _ => {
                sh.berror("jobs", format!("illegal option {}", lossy(a)));
                return 2;
            }
        }
    }
    sh.reap();
    let mut order: Vec<usize> = (0..sh.jobs.len()).filter(|&i| sh.jobs[i].num > 0).collect();
    order.reverse();
    let mut text = Vec::new();
    for i in order {
        let j = &sh.jobs[i];
        if pids {
            text.extend_from_slice(format!("{}\n", j.pid).as_bytes());
            continue;
        }
        // '+' for the newest job still listed, '-' for the one before.
        let mut live = sh.jobs.iter().enumerate().filter(|(_, j)| j.num > 0).rev();
        let mark = match (live.next(), live.next()) {
            (Some((a, _)), _) if a == i => '+',
            (_, Some((b, _))) if b == i => '-',
            _ => ' ',
        };
        let mut line = format!("[{}]{mark}  ", j.num);
        if long {
            line.push_str(&format!("{} ", j.pid));
        }
        match j.status {
            None => line.push_str("Running"),
            Some(0) => line.push_str("Done"),
            Some(n) => line.push_str(&format!("Done({n})")),
        }
        while line.len() < 33 {
            line.push(' ');
        }
        line.push('\n');
        text.extend_from_slice(line.as_bytes());
        if j.status.is_some() {
            sh.jobs[i].num = 0;
        }
    }
    i32::from(!out(sh, "jobs", &text))
}

fn getopts(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    if args.len() < 3 {
        sh.berror("getopts", "usage: getopts optstring var [arg]");
        return 2;
    }
    let optstring = &args[1];
    let var = args[2].clone();
    if !is_name(&var) {
        sh.berror("getopts", format!("{}: bad variable name", lossy(&var)));
        return 2;
    }
    let list: Vec<Vec<u8>> = if args.len() > 3 {
        args[3..].to_vec()
    } else {
        sh.params.clone()
    };
    let silent = optstring.first() == Some(&b':');
    let opts = if silent { &optstring[1..] } else { &optstring[..] };
    let mut optind: usize = sh
        .vars
        .get(b"OPTIND")
        .and_then(|v| std::str::from_utf8(v).ok())
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .max(1);
    let mut pos = sh.getopts_pos;
    let set_ind = |sh: &mut Shell, ind: usize, pos: usize| {
        let _ = sh.vars.set(b"OPTIND", ind.to_string().into_bytes(), false);
        sh.getopts_pos = pos;
    };
    let done = |sh: &mut Shell, ind: usize| {
        let _ = sh.assign(&var, b"?".to_vec());
        let _ = sh.vars.unset(b"OPTARG");
        set_ind(sh, ind, 0);
        1
    };
    let Some(arg) = list.get(optind - 1) else {
        return done(sh, optind);
    };
    if pos >= arg.len() {
        // The arguments changed under a cluster being read: start afresh.
        pos = 0;
    }
    if pos == 0 {
        if arg == b"--" {
            return done(sh, optind + 1);
        }
        if arg.len() < 2 || arg[0] != b'-' {
            return done(sh, optind);
        }
        pos = 1;
    }
    let c = arg[pos];
    pos += 1;
    let at_end = pos >= arg.len();
    let spec = opts.iter().position(|&o| o == c && o != b':');
    let Some(si) = spec else {
        if silent {
            let _ = sh.vars.set(b"OPTARG", vec![c], false);
        } else {
            // As ash: no prefix at all.
            crate::diag::write_stderr(format!("Illegal option -{}\n", c as char).as_bytes());
            let _ = sh.vars.unset(b"OPTARG");
        }
        let _ = sh.assign(&var, b"?".to_vec());
        if at_end {
            optind += 1;
            pos = 0;
        }
        set_ind(sh, optind, pos);
        return 0;
    };
    if opts.get(si + 1) == Some(&b':') {
        let value = if !at_end {
            let v = arg[pos..].to_vec();
            optind += 1;
            Some(v)
        } else {
            let v = list.get(optind).cloned();
            optind += 2;
            v
        };
        match value {
            Some(v) => {
                let _ = sh.vars.set(b"OPTARG", v, false);
                let _ = sh.assign(&var, vec![c]);
            }
            None => {
                if silent {
                    let _ = sh.vars.set(b"OPTARG", vec![c], false);
                    let _ = sh.assign(&var, b":".to_vec());
                } else {
                    // As ash: no prefix at all.
                    crate::diag::write_stderr(
                        format!("No arg for -{} option\n", c as char).as_bytes(),
                    );
                    let _ = sh.vars.unset(b"OPTARG");
                    let _ = sh.assign(&var, b"?".to_vec());
                }
                optind -= 1;
            }
        }
        set_ind(sh, optind, 0);
        return 0;
    }
    let _ = sh.vars.unset(b"OPTARG");
    let _ = sh.assign(&var, vec![c]);
    if at_end {
        optind += 1;
        pos = 0;
    }
    set_ind(sh, optind, pos);
    0
}

fn umask(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let mut symbolic = false;
    let mut rest = &args[1..];
    if rest.first().is_some_and(|a| a == b"-S") {
        symbolic = true;
        rest = &rest[1..];
    }
    if rest.first().is_some_and(|a| a == b"--") {
        rest = &rest[1..];
    }
    let cur = crate::mode::umask();
    let Some(spec) = rest.first() else {
        let text = if symbolic {
            let allowed = !cur & 0o777;
            let part = |shift: u32| {
                let b = (allowed >> shift) & 7;
                let mut s = String::new();
                if b & 4 != 0 {
                    s.push('r');
                }
                if b & 2 != 0 {
                    s.push('w');
                }
                if b & 1 != 0 {
                    s.push('x');
                }
                s
            };
            format!("u={},g={},o={}\n", part(6), part(3), part(0))
        } else {
            format!("{cur:04o}\n")
        };
        return i32::from(!out(sh, "umask", text.as_bytes()));
    };
    let new = if spec.iter().all(|c| (b'0'..=b'7').contains(c)) {
        u32::from_str_radix(&lossy(spec), 8).ok()
    } else {
        crate::mode::Mode::parse(&lossy(spec)).map(|m| !m.apply(!cur & 0o777, true, 0) & 0o777)
    };
    match new {
        Some(m) if m <= 0o777 => {
            // SAFETY: umask cannot fail.
            unsafe { libc::umask(m as libc::mode_t) };
            0
        }
        _ => {
            // ash's words and status (dash: "Illegal mode", also 2).
            sh.berror("umask", format!("illegal mode: {}", lossy(spec)));
            2
        }
    }
}

const LIMITS: &[(u8, &str, i32, u64)] = &[
    (b'c', "core file size (blocks)", libc::RLIMIT_CORE as _, 512),
    (b'd', "data seg size (kb)", libc::RLIMIT_DATA as _, 1024),
    (b'e', "scheduling priority", libc::RLIMIT_NICE as _, 1),
    (b'f', "file size (blocks)", libc::RLIMIT_FSIZE as _, 512),
    (b'i', "pending signals", libc::RLIMIT_SIGPENDING as _, 1),
    (b'l', "max locked memory (kb)", libc::RLIMIT_MEMLOCK as _, 1024),
    (b'm', "max memory size (kb)", libc::RLIMIT_RSS as _, 1024),
    (b'n', "open files", libc::RLIMIT_NOFILE as _, 1),
    (b'q', "POSIX message queues (bytes)", libc::RLIMIT_MSGQUEUE as _, 1),
    (b'r', "real-time priority", libc::RLIMIT_RTPRIO as _, 1),
    (b's', "stack size (kb)", libc::RLIMIT_STACK as _, 1024),
    (b't', "cpu time (seconds)", libc::RLIMIT_CPU as _, 1),
    (b'u', "max user processes", libc::RLIMIT_NPROC as _, 1),
    (b'v', "virtual memory (kb)", libc::RLIMIT_AS as _, 1024),
    (b'x', "file locks", libc::RLIMIT_LOCKS as _, 1),
];

fn ulimit(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let mut hard = false;
    let mut soft = false;
    let mut all = false;
    let mut which = b'f';
    let mut value = None;
    for a in &args[1..] {
        if a.len() > 1 && a[0] == b'-' {
            for &c in &a[1..] {
                match c {
                    b'H' => hard = true,
                    b'S' => soft = true,
                    b'a' => all = true,
                    c if LIMITS.iter().any(|l| l.0 == c) => which = c,
                    _ => {
                        sh.berror("ulimit", format!("illegal option -{}", c as char));
                        return 2;
                    }
                }
            }
        } else {
            value = Some(a.clone());
        }
    }
    let get = |res: i32| {
        // SAFETY: getrlimit into a zeroed struct.
        let mut r: libc::rlimit = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        unsafe { libc::getrlimit(res as _, &mut r) };
        r
    };
    let show = |r: &libc::rlimit, unit: u64| -> String {
        let v = if hard { r.rlim_max } else { r.rlim_cur };
        if v == libc::RLIM_INFINITY {
            "unlimited".into()
        } else {
            (v / unit).to_string()
        }
    };
    if all {
        let mut text = String::new();
        for (c, desc, res, unit) in LIMITS {
            let r = get(*res);
            text.push_str(&format!("{desc:<32}(-{}) {}\n", *c as char, show(&r, *unit)));
        }
        return i32::from(!out(sh, "ulimit", text.as_bytes()));
    }
    let Some(&(_, _, res, unit)) = LIMITS.iter().find(|l| l.0 == which) else {
        return 2;
    };
    let mut r = get(res);
    match value {
        None => {
            let t = format!("{}\n", show(&r, unit));
            i32::from(!out(sh, "ulimit", t.as_bytes()))
        }
        Some(v) => {
            let n = if v == b"unlimited" {
                libc::RLIM_INFINITY
            } else {
                match lossy(&v).parse::<u64>() {
                    Ok(n) => n.saturating_mul(unit),
                    Err(_) => {
                        sh.berror("ulimit", format!("bad number: {}", lossy(&v)));
                        return 1;
                    }
                }
            };
            if hard || !soft {
                r.rlim_max = n;
            }
            if soft || !hard {
                r.rlim_cur = n;
            }
            // SAFETY: setrlimit with a valid struct.
            if unsafe { libc::setrlimit(res as _, &r) } != 0 {
                let e = std::io::Error::last_os_error();
                sh.berror("ulimit", crate::diag::strerror(&e));
                return 1;
            }
            0
        }
    }
}

/// Reads one byte from `fd`; None at the end or on error (EINTR retried).
fn read_byte(fd: i32) -> Option<u8> {
    let mut b = [0u8; 1];
    loop {
        // SAFETY: reading one byte into a valid buffer.
        let n = unsafe { libc::read(fd, b.as_mut_ptr().cast(), 1) };
        if n == 1 {
            return Some(b[0]);
        }
        if n < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            continue;
        }
        return None;
    }
}

/// Where `read` takes its bytes: a regular file is read in blocks and the
/// position put back after the line (so the next command sees the rest);
/// anything else one byte at a time, as it cannot be put back.
struct ByteSource {
    fd: i32,
    block: Option<(Vec<u8>, usize, usize)>,
}

impl ByteSource {
    fn new(fd: i32, may_block: bool) -> ByteSource {
        // SAFETY: fstat into a zeroed struct.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        let regular = unsafe { libc::fstat(fd, &mut st) } == 0
            && (st.st_mode & libc::S_IFMT) == libc::S_IFREG;
        let block = (may_block && regular).then(|| (vec![0u8; 4096], 0, 0));
        ByteSource { fd, block }
    }

    fn next(&mut self) -> Option<u8> {
        let Some((buf, pos, len)) = &mut self.block else {
            return read_byte(self.fd);
        };
        if *pos == *len {
            *len = crate::io::read_fd(self.fd, buf).ok()?;
            *pos = 0;
            if *len == 0 {
                return None;
            }
        }
        let c = buf[*pos];
        *pos += 1;
        Some(c)
    }

    /// Puts the file position back to just after the bytes used.
    fn give_back(&mut self) {
        if let Some((_, pos, len)) = &self.block {
            let extra = (*len - *pos) as libc::off_t;
            if extra > 0 {
                // SAFETY: lseek on the descriptor being read.
                unsafe { libc::lseek(self.fd, -extra, libc::SEEK_CUR) };
            }
        }
    }
}

fn read(sh: &mut Shell, args: &[Vec<u8>]) -> i32 {
    let mut raw = false;
    let mut prompt = None;
    let mut timeout: Option<f64> = None;
    let mut count: Option<usize> = None;
    let mut silent = false;
    let mut delim = b'\n';
    let mut fd = 0;
    let mut i = 1;
    while i < args.len() && args[i].len() > 1 && args[i][0] == b'-' {
        if args[i] == b"--" {
            i += 1;
            break;
        }
        let a = args[i].clone();
        let mut j = 1;
        while j < a.len() {
            let c = a[j];
            j += 1;
            let mut value = || -> Option<Vec<u8>> {
                if j < a.len() {
                    let v = a[j..].to_vec();
                    j = a.len();
                    Some(v)
                } else {
                    i += 1;
                    args.get(i).cloned()
                }
            };
            match c {
                b'r' => raw = true,
                b's' => silent = true,
                b'p' | b't' | b'n' | b'd' | b'u' => {
                    let Some(v) = value() else {
                        sh.berror("read", format!("-{}: option requires an argument", c as char));
                        return 2;
                    };
                    match c {
                        b'p' => prompt = Some(v),
                        b't' => match lossy(&v).parse::<f64>() {
                            Ok(t) if t >= 0.0 => timeout = Some(t),
                            _ => {
                                sh.berror("read", format!("invalid timeout '{}'", lossy(&v)));
                                return 2;
                            }
                        },
                        b'n' => match lossy(&v).parse::<usize>() {
                            Ok(n) => count = Some(n),
                            Err(_) => {
                                sh.berror("read", "invalid count");
                                return 2;
                            }
                        },
                        b'd' => delim = v.first().copied().unwrap_or(0),
                        _ => match lossy(&v).parse::<i32>() {
                            Ok(n) if n >= 0 => fd = n,
                            _ => {
                                sh.berror("read", format!("invalid file descriptor '{}'", lossy(&v)));
                                return 2;
                            }
                        },
                    }
                }
                _ => {
                    sh.berror("read", format!("illegal option -{}", c as char));
                    return 2;
                }
            }
        }
        i += 1;
    }
    // No name: the whole line goes to REPLY, blanks and all (ash, bash).
    let reply = i >= args.len();
    let names: Vec<Vec<u8>> = if i < args.len() {
        args[i..].to_vec()
    } else {
        vec![b"REPLY".to_vec()]
    };
    if timeout == Some(0.0) {
        // `read -t 0`: whether input is there to read; nothing is read.
        let mut pfd = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: poll on one valid pollfd, without waiting.
        let r = unsafe { libc::poll(&mut pfd, 1, 0) };
        return i32::from(r <= 0);
    }
    for n in &names {
        if !is_name(n) {
            sh.berror("read", format!("'{}': bad variable name", lossy(n)));
            return 1;
        }
    }
    if let Some(p) = &prompt {
        if crate::sys::isatty(fd) {
            crate::diag::write_stderr(p);
        }
    }
    // -s: no echo on a terminal.
    // SAFETY: termios calls on the descriptor with valid structs.
    let saved_tio = if silent && crate::sys::isatty(fd) {
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(fd, &mut t) == 0 {
                let old = t;
                t.c_lflag &= !libc::ECHO;
                libc::tcsetattr(fd, libc::TCSANOW, &t);
                Some(old)
            } else {
                None
            }
        }
    } else {
        None
    };
    // A timeout too large for a Duration is no timeout.
    let deadline = timeout
        .and_then(|t| std::time::Duration::try_from_secs_f64(t).ok())
        .and_then(|d| std::time::Instant::now().checked_add(d));
    // The line, with a mark on each byte escaped by a backslash.
    let mut line: Vec<(u8, bool)> = Vec::new();
    let mut eof = false;
    let mut timed_out = false;
    let mut src = ByteSource::new(fd, deadline.is_none());
    loop {
        if count.is_some_and(|n| line.len() >= n) {
            break;
        }
        if let Some(d) = deadline {
            let left = d.saturating_duration_since(std::time::Instant::now());
            let mut pfd = libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            };
            let ms = left.as_millis().min(i32::MAX as u128) as i32;
            // SAFETY: poll on one valid pollfd.
            let r = unsafe { libc::poll(&mut pfd, 1, ms) };
            if r == 0 {
                timed_out = true;
                break;
            }
        }
        let Some(c) = src.next() else {
            eof = true;
            break;
        };
        if c == b'\\' && !raw {
            match src.next() {
                Some(b'\n') => continue,
                Some(d) => {
                    line.push((d, true));
                    continue;
                }
                None => {
                    eof = true;
                    break;
                }
            }
        }
        if c == delim {
            break;
        }
        // A NUL byte is dropped, as dash and ash do.
        if c == 0 {
            continue;
        }
        line.push((c, false));
    }
    src.give_back();
    if let Some(t) = saved_tio {
        // SAFETY: restoring the saved terminal settings.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &t) };
    }
    let ifs = match sh.vars.var(b"IFS").and_then(|v| v.value.as_ref()) {
        Some(v) => v.clone(),
        None => super::vars::DEFAULT_IFS.to_vec(),
    };
    let is_ifs = |c: &(u8, bool)| !reply && !c.1 && ifs.contains(&c.0);
    let is_ws = |c: &(u8, bool)| is_ifs(c) && matches!(c.0, b' ' | b'\t' | b'\n');
    let mut p = 0;
    while p < line.len() && is_ws(&line[p]) {
        p += 1;
    }
    for (k, name) in names.iter().enumerate() {
        let last = k + 1 == names.len();
        let value: Vec<u8> = if last {
            let mut end = line.len();
            while end > p && is_ws(&line[end - 1]) {
                end -= 1;
            }
            // A single trailing non-blank delimiter goes too, when it ends
            // the only field left (as POSIX's splitting drops it).
            if end > p && is_ifs(&line[end - 1]) && !is_ws(&line[end - 1]) {
                let inner = &line[p..end - 1];
                if !inner.iter().any(is_ifs) {
                    end -= 1;
                }
            }
            line[p..end].iter().map(|c| c.0).collect()
        } else {
            let start = p;
            while p < line.len() && !is_ifs(&line[p]) {
                p += 1;
            }
            let v = line[start..p].iter().map(|c| c.0).collect();
            // The delimiter: blanks, at most one other IFS byte, blanks.
            while p < line.len() && is_ws(&line[p]) {
                p += 1;
            }
            if p < line.len() && is_ifs(&line[p]) && !is_ws(&line[p]) {
                p += 1;
                while p < line.len() && is_ws(&line[p]) {
                    p += 1;
                }
            }
            v
        };
        if sh.vars.is_readonly(name) {
            sh.berror("read", format!("{}: is read only", lossy(name)));
            return 2;
        }
        if sh.assign(name, value).is_err() {
            return 2;
        }
    }
    if timed_out {
        // As ash (bash says 142).
        return 1;
    }
    i32::from(eof)
}

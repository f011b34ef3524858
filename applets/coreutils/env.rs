//! env: run a command in a changed environment, or print the environment.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/env.html
//!
//! Options end at the first operand, so the command keeps its own. A lone
//! `-` first is `-i`. Operands `NAME=VALUE` before the command set
//! variables. As GNU: `-0` prints with NUL ends, `-C DIR` changes directory
//! first, `-S STRING` splits a string into arguments (for `#!` lines), and
//! env's own errors exit 125; a command that cannot run exits 126, one not
//! found 127.
//!
//! It replaces the process, so callers run it in a child.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::Out;
use crate::sys;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};

pub const APPLET: Applet = Applet {
    name: "env",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-i0] [-u NAME]... [-C DIR] [-S STRING] [NAME=VALUE]... [COMMAND [ARG]...]",
    help: "Run COMMAND with the environment changed, or print the environment.\n\
\n\
\t-i, -\t\tStart with an empty environment\n\
\t-u NAME\t\tRemove NAME from the environment\n\
\t-0\t\tEnd each printed variable with NUL, not newline\n\
\t-C DIR\t\tChange to DIR before running COMMAND\n\
\t-S STRING\tSplit STRING into arguments (quotes, \\ escapes, ${NAME})",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('i', "ignore-environment"),
    Opt::value('u', "unset"),
    Opt::flag('0', "null"),
    Opt::value('C', "chdir"),
    Opt::value('S', "split-string"),
];

/// Splits an `-S` string as GNU env does: blanks separate words, single
/// quotes are literal; elsewhere `\_` separates words (in double quotes
/// it is a space), `\n \t \r \f \v` the controls, `\c` ends
/// the string, `${NAME}` the variable's value.
pub fn split_string(s: &[u8], env: &[OsString]) -> Result<Vec<OsString>, String> {
    let mut words = Vec::new();
    let mut cur: Option<Vec<u8>> = None;
    let mut i = 0;
    let mut quote = 0u8;
    while i < s.len() {
        let c = s[i];
        i += 1;
        if quote == b'\'' {
            if c == b'\'' {
                quote = 0;
            } else {
                cur.get_or_insert_with(Vec::new).push(c);
            }
            continue;
        }
        match c {
            b' ' | b'\t' | b'\n' if quote == 0 => {
                if let Some(w) = cur.take() {
                    words.push(OsString::from_vec(w));
                }
            }
            b'\'' | b'"' if quote == 0 => {
                quote = c;
                cur.get_or_insert_with(Vec::new);
            }
            b'"' => quote = 0,
            b'\\' => {
                let Some(&e) = s.get(i) else {
                    return Err("invalid backslash at end of string in -S".into());
                };
                i += 1;
                let b = match e {
                    b'c' if quote == 0 => break,
                    b'_' if quote == 0 => {
                        if let Some(w) = cur.take() {
                            words.push(OsString::from_vec(w));
                        }
                        continue;
                    }
                    b'_' => b' ',
                    b'n' => b'\n',
                    b't' => b'\t',
                    b'r' => b'\r',
                    b'f' => 12,
                    b'v' => 11,
                    b'\\' | b'"' | b'\'' | b'$' | b'#' => e,
                    _ => {
                        return Err(format!(
                            "invalid sequence '\\{}' in -S",
                            String::from_utf8_lossy(&[e])
                        ))
                    }
                };
                cur.get_or_insert_with(Vec::new).push(b);
            }
            b'$' if s.get(i) == Some(&b'{') => {
                let Some(len) = s[i + 1..].iter().position(|&b| b == b'}') else {
                    return Err("only ${VARNAME} expansion is supported, error at: ${".into());
                };
                let name = &s[i + 1..i + 1 + len];
                i += len + 2;
                let w = cur.get_or_insert_with(Vec::new);
                if let Some(v) = lookup(env, name) {
                    w.extend_from_slice(v);
                }
            }
            b'#' if quote == 0 && cur.is_none() => break,
            _ => cur.get_or_insert_with(Vec::new).push(c),
        }
    }
    if quote != 0 {
        return Err("no terminating quote in -S string".into());
    }
    if let Some(w) = cur {
        words.push(OsString::from_vec(w));
    }
    Ok(words)
}

fn lookup<'a>(env: &'a [OsString], name: &[u8]) -> Option<&'a [u8]> {
    env.iter().rev().find_map(|kv| {
        kv.as_bytes()
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix(b"="))
    })
}

fn set(env: &mut Vec<OsString>, kv: &[u8]) {
    let Some(eq) = kv.iter().position(|&b| b == b'=') else {
        return;
    };
    let prefix = &kv[..=eq];
    env.retain(|e| !e.as_bytes().starts_with(prefix));
    env.push(OsString::from_vec(kv.to_vec()));
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS).in_order().usage_status(125);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let mut env: Vec<OsString> = if m.has("i") {
        Vec::new()
    } else {
        std::env::vars_os()
            .map(|(k, v)| {
                let mut kv = k.into_vec();
                kv.push(b'=');
                kv.extend_from_slice(v.as_bytes());
                OsString::from_vec(kv)
            })
            .collect()
    };
    let mut ops: &[OsString] = &m.operands;
    if ops.first().is_some_and(|o| o == "-") {
        env.clear();
        ops = &ops[1..];
    }
    for name in m.values("u") {
        let n = name.as_bytes();
        if n.is_empty() || n.contains(&b'=') {
            diag.error_at(
                &OsString::from(format!("cannot unset '{}'", String::from_utf8_lossy(n))),
                "Invalid argument",
            );
            return 125;
        }
        env.retain(|e| {
            let b = e.as_bytes();
            !(b.starts_with(n) && b.get(n.len()) == Some(&b'='))
        });
    }
    let mut words: Vec<OsString> = Vec::new();
    if let Some(s) = m.value("S") {
        match split_string(s.as_bytes(), &env) {
            Ok(w) => words = w,
            Err(msg) => {
                diag.warn(msg);
                return 125;
            }
        }
    }
    words.extend(ops.iter().cloned());
    let mut k = 0;
    while k < words.len() {
        let w = words[k].as_bytes();
        if w.iter().skip(1).any(|&b| b == b'=') && w[0] != b'=' {
            set(&mut env, w);
            k += 1;
        } else {
            break;
        }
    }
    let command = &words[k..];
    if command.is_empty() {
        if m.has("C") {
            return parser.usage_error(args, "must specify command with --chdir (-C)");
        }
        let end = if m.has("0") { b'\0' } else { b'\n' };
        let mut out = Out::stdout();
        for kv in &env {
            out.write_os(kv);
            out.write_bytes(&[end]);
        }
        return out.close(&diag);
    }
    if m.has("0") {
        return parser.usage_error(args, "cannot specify --null (-0) with command");
    }
    if let Some(dir) = m.value("C") {
        if let Err(e) = std::env::set_current_dir(dir) {
            let mut what = b"cannot change directory to '".to_vec();
            what.extend_from_slice(dir.as_bytes());
            what.push(b'\'');
            diag.error_at(&OsString::from_vec(what), diag::strerror(&e));
            return 125;
        }
    }
    let e = sys::exec(command, Some(&env));
    let mut what = b"'".to_vec();
    what.extend_from_slice(command[0].as_bytes());
    what.push(b'\'');
    diag.error_at(&OsString::from_vec(what), diag::strerror(&e));
    if e.raw_os_error() == Some(libc::ENOENT) {
        127
    } else {
        126
    }
}

//! awk: pattern scanning and processing language.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/awk.html
//!
//! The whole POSIX language, plus what gawk and BusyBox scripts use:
//! `nextfile`, `delete arr`, `length(arr)`, `func`, `**`, hex and octal
//! constants in the program, `printf` positions (`%1$s`), regex `RS`
//! with `RT`, `-e`, bit functions (`and or xor lshift rshift compl`),
//! `systime strftime mktime gensub`, `match(s, re, arr)`, `split`'s
//! separator array, `fflush`, `/dev/stdout` and `/dev/stderr`.
//! The program is parsed by [`parser`] into the tree of [`ast`] (variables
//! resolved to slots), run by [`interp`] with [`builtins`]; [`value`] has
//! the string/number rules and the regex dialect, [`io`] records and
//! redirections.
//!
//! Exit status: 0; the value given to `exit`; 2 for a syntax error, a
//! usage error, a fatal runtime error (division by zero, ...) or an input
//! file that could not be opened (the others are still read).
//! Choices: in a UTF-8 locale length, substr, index, match, split with
//! "" and printf's %c, widths and precisions count characters, as gawk
//! does (BusyBox counts bytes); regular expressions always match bytes.
//! substr truncates its position and length and takes a start before 1
//! as 1, as gawk and BusyBox do. printf with too few arguments uses
//! empty values (gawk stops with a fatal error); a for-in loop visits keys
//! in the order they were made (POSIX leaves it open); `|&` coprocesses are not supported.
//! String escapes are gawk 5's and BusyBox's: `\xHH`, and an unknown
//! escape is the character itself (`"\."` is `.`; gawk also warns).
//! `-Ft` is a `t`, as POSIX's `-v FS=t` (gawk, BusyBox).

mod array;
mod ast;
mod builtins;
mod interp;
mod io;
mod lexer;
mod parser;
mod value;

use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "awk",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-F FS] [-v VAR=VAL]... [-f PROGFILE | -e PROGRAM]... [PROGRAM] [FILE]...",
    help: "Run an awk program over FILEs (standard input for none or -).\n\
\n\
\t-F FS\t\tField separator (a character, a regex, t for tab)\n\
\t-v VAR=VAL\tAssign VAR before the program starts\n\
\t-f PROGFILE\tRead the program from PROGFILE (repeatable)\n\
\t-e PROGRAM\tProgram text (repeatable, with -f)\n\
\t--field-separator=FS, --assign=VAR=VAL, --file=FILE, --source=PROGRAM\tgawk's names for -F -v -f -e",
    help_option: true,
    main,
};

fn usage_error(msg: &str) -> i32 {
    crate::diag::write_stderr(
        format!("awk: {msg}\nUsage: awk {}\n", APPLET.usage).as_bytes(),
    );
    2
}

/// `name=value` with a valid awk name.
pub fn split_assignment(arg: &[u8]) -> Option<(&[u8], &[u8])> {
    let eq = arg.iter().position(|&b| b == b'=')?;
    let name = &arg[..eq];
    let first = *name.first()?;
    if !(first.is_ascii_alphabetic() || first == b'_') {
        return None;
    }
    if !name.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    Some((name, &arg[eq + 1..]))
}

struct Setup {
    src: Vec<u8>,
    starts: Vec<(usize, String)>,
    fs: Option<Vec<u8>>,
    assigns: Vec<Vec<u8>>,
    operands: Vec<Vec<u8>>,
}

fn parse_args(args: &[OsString]) -> Result<Setup, i32> {
    let mut s = Setup {
        src: Vec::new(),
        starts: Vec::new(),
        fs: None,
        assigns: Vec::new(),
        operands: Vec::new(),
    };
    let mut have_prog = false;
    let mut lines = 1;
    let mut add_src = |s: &mut Setup, name: String, text: &[u8]| {
        s.starts.push((lines, name));
        s.src.extend_from_slice(text);
        if !text.ends_with(b"\n") {
            s.src.push(b'\n');
        }
        lines = s.src.iter().filter(|&&b| b == b'\n').count() + 1;
    };
    let mut i = 1;
    while i < args.len() {
        let a = args[i].as_bytes();
        if a == b"--" {
            i += 1;
            break;
        }
        if a.len() < 2 || a[0] != b'-' {
            break;
        }
        if a == b"--version" {
            let mut out = crate::io::Out::stdout();
            out.write_bytes(b"awk (oxbox)\n");
            return Err(out.finish("awk", 0));
        }
        // gawk's long names for the same options.
        let long = if a.starts_with(b"--") {
            let (name, attached) = match a.iter().position(|&b| b == b'=') {
                Some(eq) => (&a[2..eq], Some(&a[eq + 1..])),
                None => (&a[2..], None),
            };
            let opt = match name {
                b"field-separator" => b'F',
                b"assign" => b'v',
                b"file" => b'f',
                b"source" => b'e',
                _ => {
                    return Err(usage_error(&format!(
                        "unrecognized option '{}'",
                        String::from_utf8_lossy(a)
                    )))
                }
            };
            Some((opt, attached))
        } else {
            None
        };
        let opt = long.map_or(a[1], |l| l.0);
        if !b"Fvfe".contains(&opt) {
            return Err(usage_error(&format!(
                "invalid option -- '{}'",
                char::from(opt)
            )));
        }
        let attached = match long {
            Some((_, v)) => v.map(<[u8]>::to_vec),
            None => (a.len() > 2).then(|| a[2..].to_vec()),
        };
        let val: Vec<u8> = if let Some(v) = attached {
            v
        } else {
            i += 1;
            match args.get(i) {
                Some(v) => v.as_bytes().to_vec(),
                None => {
                    return Err(usage_error(&format!(
                        "option requires an argument -- '{}'",
                        char::from(opt)
                    )))
                }
            }
        };
        match opt {
            b'F' => {
                s.fs = Some(lexer::unescape(&val));
            }
            b'v' => {
                if split_assignment(&val).is_none() {
                    return Err(usage_error(&format!(
                        "invalid -v argument `{}'",
                        String::from_utf8_lossy(&val)
                    )));
                }
                s.assigns.push(val);
            }
            b'f' => {
                let text = if val == b"-" {
                    let mut v = Vec::new();
                    let mut buf = vec![0u8; 65536];
                    loop {
                        match crate::io::read_fd(0, &mut buf) {
                            Ok(0) => break,
                            Ok(n) => v.extend_from_slice(&buf[..n]),
                            Err(e) => {
                                crate::diag::write_stderr(
                                    format!("awk: -: {}\n", crate::diag::strerror(&e)).as_bytes(),
                                );
                                return Err(2);
                            }
                        }
                    }
                    Ok(v)
                } else {
                    std::fs::read(std::ffi::OsStr::from_bytes(&val))
                };
                match text {
                    Ok(t) => add_src(&mut s, String::from_utf8_lossy(&val).into_owned(), &t),
                    Err(e) => {
                        crate::diag::write_stderr(
                            format!(
                                "awk: fatal: can't open source file `{}' for reading: {}\n",
                                String::from_utf8_lossy(&val),
                                crate::diag::strerror(&e)
                            )
                            .as_bytes(),
                        );
                        return Err(2);
                    }
                }
                have_prog = true;
            }
            _ => {
                add_src(&mut s, "cmd. line".into(), &val);
                have_prog = true;
            }
        }
        i += 1;
    }
    if !have_prog {
        let Some(p) = args.get(i) else {
            return Err(usage_error("no program given"));
        };
        add_src(&mut s, "cmd. line".into(), p.as_bytes());
        i += 1;
    }
    s.operands = args[i.min(args.len())..]
        .iter()
        .map(|a| a.as_bytes().to_vec())
        .collect();
    Ok(s)
}

/// Parses a program without running it: for the fuzz target (fuzz/),
/// which must never run what random bytes spell. True when it parses.
#[doc(hidden)]
pub fn parse_only(src: &[u8]) -> bool {
    // As the command line gives it: the text with a final newline.
    let mut text = src.to_vec();
    text.push(b'\n');
    parser::parse(&text, &[(1, "cmd. line".to_string())]).is_ok()
}

fn main(args: &[OsString]) -> i32 {
    let setup = match parse_args(args) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let prog = match parser::parse(&setup.src, &setup.starts) {
        Ok(p) => p,
        Err(e) => {
            crate::diag::write_stderr(format!("{}\n", e.msg).as_bytes());
            return 2;
        }
    };
    if prog.funcs.is_empty() {
        return run(setup, &prog, 0);
    }
    // Recursive awk functions recurse here: give them room on a thread
    // of their own (only then: threads make the C library's malloc lock).
    drop(prog);
    let stack: usize = if usize::BITS >= 64 { 1 << 30 } else { 1 << 28 };
    let thread = std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || match parser::parse(&setup.src, &setup.starts) {
            Ok(p) => run(setup, &p, stack - (16 << 20)),
            Err(_) => 2,
        });
    match thread {
        Ok(h) => h.join().unwrap_or(2),
        Err(_) => {
            crate::diag::write_stderr(b"awk: cannot start the interpreter\n");
            2
        }
    }
}

fn run(s: Setup, prog: &ast::Program, stack_room: usize) -> i32 {
    let mut it = interp::Interp::new(prog, s.starts.clone());
    let base = 0u8;
    it.stack_base = std::ptr::addr_of!(base) as usize;
    it.stack_room = stack_room;
    {
        let interp::Cell::Arr(argv) = &it.globals[ast::ARGV] else {
            return 2;
        };
        let mut m = argv.borrow_mut();
        m.insert(b"0", value::Value::Str((*b"awk").into()));
        for (k, op) in s.operands.iter().enumerate() {
            let mut key = Vec::new();
            value::push_i64(&mut key, (k + 1) as i64);
            m.insert(&key, value::Value::from_input(op));
        }
    }
    it.globals[ast::ARGC] =
        interp::Cell::Val(value::Value::Num((s.operands.len() + 1) as f64));
    if let Some(fs) = &s.fs {
        if let Err(interp::Unwind::Fatal(m)) =
            it.set_var(ast::Var::Global(ast::FS), value::Value::Str(fs.as_slice().into()))
        {
            crate::diag::write_stderr(format!("awk: fatal: {m}\n").as_bytes());
            return 2;
        }
    }
    for a in &s.assigns {
        if let Some((name, val)) = split_assignment(a) {
            if let Err(interp::Unwind::Fatal(m)) = it.assign_named(name, val) {
                crate::diag::write_stderr(format!("awk: fatal: {m}\n").as_bytes());
                return 2;
            }
        }
    }
    let code = it.run();
    let ok = it.flush_stdout();
    let code = if ok {
        code
    } else {
        let out = std::mem::replace(&mut it.stdout, crate::io::Out::to_fd(1));
        let st = out.finish("awk", code);
        if st == code {
            2
        } else {
            st.max(2)
        }
    };
    // Freeing millions of array elements one by one costs more than the
    // run that made them: the variables go with the process, as in gawk.
    let globals = std::mem::take(&mut it.globals);
    std::mem::forget(globals);
    code
}

//! tsort: topological sort of the pairs in a file.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/tsort.html
//!
//! The input is whitespace-separated tokens read in pairs `A B` (A before
//! B), separated by spaces, tabs and newlines only; a pair `A A` only names A. The order is GNU's (Knuth's algorithm T):
//! the items with no predecessor, in byte order, form a queue; printing
//! one frees its successors, newest relation first. When items are left
//! over the input has a cycle: `tsort: FILE: input contains a loop:` and
//! the members of one loop are reported, one of its relations is dropped,
//! and the sort goes on; the status is then 1.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::{read_fd, Input, Out};
use crate::{Applet, Dir};
use std::collections::HashMap;
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "tsort",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[FILE]",
    help: "Print a total order consistent with the partial order of the pairs in FILE\n\
(standard input for none or -).",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[];

const NONE: usize = usize::MAX;

struct Item {
    name: Vec<u8>,
    /// Predecessors not yet printed.
    count: usize,
    /// Successors, newest first.
    succ: Vec<usize>,
    /// Queue link during the sort, path link during loop detection.
    link: usize,
    done: bool,
}

struct Graph {
    items: Vec<Item>,
    /// Item indices in byte order of their names.
    order: Vec<usize>,
}

fn build(data: &[u8]) -> Result<Graph, ()> {
    let mut index: HashMap<&[u8], usize> = HashMap::new();
    let mut items: Vec<Item> = Vec::new();
    let mut pending: Option<usize> = None;
    for tok in data
        .split(|&b| b == b' ' || b == b'\t' || b == b'\n')
        .filter(|t| !t.is_empty())
    {
        // GNU keeps tokens as C strings: a NUL ends the name.
        let tok = tok.split(|&b| b == 0).next().unwrap_or(tok);
        let id = *index.entry(tok).or_insert_with(|| {
            items.push(Item {
                name: tok.to_vec(),
                count: 0,
                succ: Vec::new(),
                link: NONE,
                done: false,
            });
            items.len() - 1
        });
        match pending.take() {
            None => pending = Some(id),
            Some(a) => {
                if a != id {
                    items[id].count += 1;
                    items[a].succ.push(id);
                }
            }
        }
    }
    if pending.is_some() {
        return Err(());
    }
    for it in &mut items {
        it.succ.reverse();
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| items[a].name.cmp(&items[b].name));
    Ok(Graph { items, order })
}

impl Graph {
    /// One pass of loop detection over the items in order; true when a
    /// loop was found, reported and broken.
    fn detect_loop(&mut self, path: &mut usize, report: &mut Vec<Vec<u8>>) -> bool {
        for oi in 0..self.order.len() {
            let k = self.order[oi];
            if self.items[k].count == 0 {
                continue;
            }
            if *path == NONE {
                *path = k;
                continue;
            }
            let Some(pos) = self.items[k].succ.iter().position(|&s| s == *path) else {
                continue;
            };
            if self.items[k].link == NONE {
                self.items[k].link = *path;
                *path = k;
                continue;
            }
            // k is already on the path: the path from its head back to k is a loop.
            let mut cur = *path;
            while cur != NONE {
                let next = self.items[cur].link;
                report.push(self.items[cur].name.clone());
                if cur == k {
                    let s = self.items[k].succ.remove(pos);
                    self.items[s].count -= 1;
                    break;
                }
                self.items[cur].link = NONE;
                cur = next;
            }
            while cur != NONE {
                let next = self.items[cur].link;
                self.items[cur].link = NONE;
                cur = next;
            }
            *path = NONE;
            return true;
        }
        false
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    if let Err(status) = parser.at_most(args, &m, 1) {
        return status;
    }
    let mut diag = Diag::new(args);
    let op = m.operands.first().cloned().unwrap_or_else(|| OsString::from("-"));
    let shown = String::from_utf8_lossy(op.as_bytes()).into_owned();
    let data = match Input::open(&op).and_then(|i| read_all(i.fd())) {
        Ok(d) => d,
        Err(e) => {
            diag.io_error(&op, &e);
            return 1;
        }
    };
    let Ok(mut g) = build(&data) else {
        diag.error(format_args!("{shown}: input contains an odd number of tokens"));
        return 1;
    };
    let mut out = Out::stdout();
    let mut left = g.items.len();
    let mut line = Vec::new();
    while left > 0 {
        // Queue the free items in name order, then drain the queue.
        let mut queue = std::collections::VecDeque::new();
        for &k in &g.order {
            if g.items[k].count == 0 && !g.items[k].done {
                g.items[k].done = true;
                queue.push_back(k);
            }
        }
        while let Some(k) = queue.pop_front() {
            line.clear();
            line.extend_from_slice(&g.items[k].name);
            line.push(b'\n');
            out.write_bytes(&line);
            left -= 1;
            for i in 0..g.items[k].succ.len() {
                let s = g.items[k].succ[i];
                g.items[s].count -= 1;
                if g.items[s].count == 0 {
                    g.items[s].done = true;
                    queue.push_back(s);
                }
            }
        }
        if left > 0 {
            out.flush_now();
            diag.error(format_args!("{shown}: input contains a loop:"));
            let mut path = NONE;
            let mut report = Vec::new();
            loop {
                let found = g.detect_loop(&mut path, &mut report);
                for name in report.drain(..) {
                    let mut msg = format!("{}: ", diag.name()).into_bytes();
                    msg.extend_from_slice(&name);
                    msg.push(b'\n');
                    crate::diag::write_stderr(&msg);
                }
                if found || path == NONE {
                    break;
                }
            }
        }
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}

fn read_all(fd: i32) -> std::io::Result<Vec<u8>> {
    let mut data = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match read_fd(fd, &mut buf)? {
            0 => return Ok(data),
            n => data.extend_from_slice(&buf[..n]),
        }
    }
}

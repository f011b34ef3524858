//! The integration tests: one binary, one module per applet, each compiled
//! only when its applet's feature is on. They run the built oxbox through a
//! symlink named after the applet and check stdout, stderr and exit status.

mod common;

mod multi;
mod utf8;

#[cfg(feature = "awk")]
mod awk;
#[cfg(feature = "b2sum")]
mod b2sum;
#[cfg(feature = "base32")]
mod base32;
#[cfg(feature = "base64")]
mod base64;
#[cfg(feature = "basename")]
mod basename;
#[cfg(feature = "cal")]
mod cal;
#[cfg(feature = "cat")]
mod cat;
#[cfg(feature = "chmod")]
mod chmod;
#[cfg(feature = "chown")]
mod chown;
#[cfg(feature = "cksum")]
mod cksum;
#[cfg(feature = "cmp")]
mod cmp;
#[cfg(feature = "comm")]
mod comm;
#[cfg(feature = "cp")]
mod cp;
#[cfg(feature = "crc32")]
mod crc32;
#[cfg(feature = "cut")]
mod cut;
#[cfg(feature = "date")]
mod date;
#[cfg(feature = "dd")]
mod dd;
#[cfg(feature = "df")]
mod df;
#[cfg(feature = "diff")]
mod diff;
#[cfg(feature = "dirname")]
mod dirname;
#[cfg(feature = "du")]
mod du;
#[cfg(feature = "echo")]
mod echo;
#[cfg(feature = "env")]
mod env;
#[cfg(feature = "expand")]
mod expand;
#[cfg(feature = "expr")]
mod expr;
#[cfg(feature = "factor")]
mod factor;
#[cfg(feature = "false")]
mod r#false;
#[cfg(feature = "find")]
mod find;
#[cfg(feature = "fmt")]
mod fmt;
#[cfg(feature = "fold")]
mod fold;
#[cfg(feature = "getopt")]
mod getopt;
#[cfg(feature = "grep")]
mod grep;
#[cfg(feature = "head")]
mod head;
#[cfg(feature = "hexdump")]
mod hexdump;
#[cfg(feature = "id")]
mod id;
#[cfg(feature = "install")]
mod install;
#[cfg(feature = "join")]
mod join;
#[cfg(feature = "link")]
mod link;
#[cfg(feature = "ln")]
mod ln;
#[cfg(feature = "ls")]
mod ls;
#[cfg(feature = "md5sum")]
mod md5sum;
#[cfg(feature = "mkdir")]
mod mkdir;
#[cfg(feature = "mkfifo")]
mod mkfifo;
#[cfg(feature = "mknod")]
mod mknod;
#[cfg(feature = "mktemp")]
mod mktemp;
#[cfg(feature = "mv")]
mod mv;
#[cfg(feature = "nl")]
mod nl;
#[cfg(feature = "nproc")]
mod nproc;
#[cfg(feature = "od")]
mod od;
#[cfg(feature = "paste")]
mod paste;
#[cfg(feature = "patch")]
mod patch;
#[cfg(feature = "printenv")]
mod printenv;
#[cfg(feature = "printf")]
mod printf;
#[cfg(feature = "pwd")]
mod pwd;
#[cfg(feature = "readlink")]
mod readlink;
#[cfg(feature = "realpath")]
mod realpath;
#[cfg(feature = "rev")]
mod rev;
#[cfg(feature = "rm")]
mod rm;
#[cfg(feature = "rmdir")]
mod rmdir;
#[cfg(feature = "sed")]
mod sed;
#[cfg(feature = "seq")]
mod seq;
#[cfg(feature = "sh")]
mod sh;
#[cfg(feature = "sha1sum")]
mod sha1sum;
#[cfg(feature = "sha224sum")]
mod sha224sum;
#[cfg(feature = "sha256sum")]
mod sha256sum;
#[cfg(feature = "sha384sum")]
mod sha384sum;
#[cfg(feature = "sha3sum")]
mod sha3sum;
#[cfg(feature = "sha512sum")]
mod sha512sum;
#[cfg(feature = "shred")]
mod shred;
#[cfg(feature = "shuf")]
mod shuf;
#[cfg(feature = "sleep")]
mod sleep;
#[cfg(feature = "sort")]
mod sort;
#[cfg(feature = "split")]
mod split;
#[cfg(feature = "stat")]
mod stat;
#[cfg(feature = "strings")]
mod strings;
#[cfg(feature = "sum")]
mod sum;
#[cfg(feature = "sync")]
mod sync;
#[cfg(feature = "tac")]
mod tac;
#[cfg(feature = "tail")]
mod tail;
#[cfg(feature = "tee")]
mod tee;
#[cfg(feature = "test")]
mod r#test;
#[cfg(feature = "touch")]
mod touch;
#[cfg(feature = "tr")]
mod tr;
#[cfg(feature = "tree")]
mod tree;
#[cfg(feature = "true")]
mod r#true;
#[cfg(feature = "truncate")]
mod truncate;
#[cfg(feature = "tsort")]
mod tsort;
#[cfg(feature = "tty")]
mod tty;
#[cfg(feature = "uname")]
mod uname;
#[cfg(feature = "unexpand")]
mod unexpand;
#[cfg(feature = "uniq")]
mod uniq;
#[cfg(feature = "unlink")]
mod unlink;
#[cfg(feature = "uudecode")]
mod uudecode;
#[cfg(feature = "uuencode")]
mod uuencode;
#[cfg(feature = "wc")]
mod wc;
#[cfg(feature = "which")]
mod which;
#[cfg(feature = "whoami")]
mod whoami;
#[cfg(feature = "xargs")]
mod xargs;
#[cfg(feature = "xxd")]
mod xxd;
#[cfg(feature = "yes")]
mod yes;

//! date: every conversion and flag at fixed times, zones, -d/-f/-r, the
//! output options, -D, the conflicts and errors. Expected texts were
//! checked against GNU date 9.1 (and BusyBox 1.35 for -D). No test sets the
//! clock: -s and the MMDDhhmm operand are run with invalid dates or as an
//! unprivileged user with (nearly) the current time.

use crate::common::*;
use std::path::Path;

// 2001-02-03 04:05:06.123456789 UTC, a Saturday.
const T: &str = "@981173106.123456789";

#[track_caller]
fn fmt(tz: &str, when: &str, format: &str, expected: &str) {
    cmd("date")
        .env("TZ", tz)
        .args(["-d", when, &format!("+{format}")])
        .run()
        .ok()
        .out(format!("{expected}\n"));
}

fn zoneinfo() -> bool {
    Path::new("/usr/share/zoneinfo/Asia/Kolkata").exists()
}

#[test]
fn every_conversion() {
    fmt("UTC", T, "%a %A %b %B %h", "Sat Saturday Feb February Feb");
    fmt(
        "UTC",
        T,
        "%c|%x|%X|%D|%F|%T|%R|%r",
        "Sat Feb  3 04:05:06 2001|02/03/01|04:05:06|02/03/01|2001-02-03|04:05:06|04:05|04:05:06 AM",
    );
    fmt("UTC", T, "%C %y %Y %m %d %e %j", "20 01 2001 02 03  3 034");
    fmt(
        "UTC",
        T,
        "%H %I %k %l %M %S %p %P",
        "04 04  4  4 05 06 AM am",
    );
    fmt("UTC", T, "%s %N %q", "981173106 123456789 1");
    fmt("UTC", T, "%u %w %U %W %V %G %g", "6 6 04 05 05 2001 01");
    fmt(
        "UTC",
        T,
        "%z %:z %::z %:::z %Z %%",
        "+0000 +00:00 +00:00:00 +00 UTC %",
    );
    fmt("UTC", T, "a%nb%tc", "a\nb\tc");
    // Afternoon, 12-hour clock at noon and midnight.
    fmt(
        "UTC",
        "@1700000000",
        "%I %l %p %P %r",
        "10 10 PM pm 10:13:20 PM",
    );
    fmt("UTC", "@0", "%I %l %p", "12 12 AM");
    fmt("UTC", "@43200", "%I %p", "12 PM");
    // Before the epoch.
    fmt("UTC", "@-1", "%F %T %s", "1969-12-31 23:59:59 -1");
    fmt("UTC", "@-86400000", "%F %s %j", "1967-04-07 -86400000 097");
}

#[test]
fn iso_weeks_and_week_numbers() {
    // 2005-01-01 belongs to 2004's week 53; 2008-12-31 to 2009's week 1.
    fmt(
        "UTC",
        "@1104537600",
        "%G-%V %g %U %W %u",
        "2004-53 04 00 00 6",
    );
    fmt("UTC", "@1230681600", "%G-%V %U %W", "2009-01 52 52");
    fmt("UTC", "@951782400", "%F %j %a", "2000-02-29 060 Tue");
}

#[test]
fn flags_and_widths() {
    fmt(
        "UTC",
        T,
        "%-d|%_3m|%10N|%3N|%05e|%-e|%-j|%_H|%0k",
        "3|  2|1234567890|123|00003|3|34| 4|04",
    );
    fmt(
        "UTC",
        T,
        "%^a|%#A|%#b|%^B|%#p|%#P|%^P",
        "SAT|SATURDAY|FEB|FEBRUARY|am|am|AM",
    );
    fmt(
        "UTC",
        T,
        "%#Z|%^Z|%8Z|%-8Z|%_10A|%010A",
        "utc|UTC|     UTC|UTC|  Saturday|00Saturday",
    );
    fmt(
        "UTC",
        T,
        "%-y|%_y|%5Y|%3q|%_10s|%010s",
        "1| 1|02001|001| 981173106|0981173106",
    );
    fmt(
        "UTC",
        T,
        "%_-5d|%-_5d|%0_5d|%^#a|%#^a",
        "3|    3|    3|SAT|SAT",
    );
    fmt(
        "UTC",
        T,
        "%^c|%#c|%^r",
        "SAT FEB  3 04:05:06 2001|Sat Feb  3 04:05:06 2001|04:05:06 AM",
    );
    // %N: a width truncates or extends; - and _ drop or blank trailing zeros.
    fmt(
        "UTC",
        "@1.5",
        "%N|%3N|%12N|%-N|%-3N|%_N|%_3N|%05N",
        "500000000|500|500000000000|500000000|5|5        |5  |50000",
    );
    fmt("UTC", "@1", "%-N|%-3N|%_N", "000000000|0|0        ");
    fmt("UTC", T, "%-12N|%_12N", "123456789|123456789   ");
}

#[test]
fn unknown_and_modified_conversions() {
    fmt("UTC", T, "%Q|%:a|%::y|%E|%+|%5", "%Q|%:a|%::y|%E|%+|%5");
    fmt(
        "UTC",
        T,
        "%Ey|%Oy|%EY|%OH|%Ez|%Oa|%Ed",
        "01|01|2001|04|+0000|%Oa|%Ed",
    );
    fmt("UTC", T, "%", "%");
    fmt("UTC", T, "", "");
    fmt("UTC", T, "x%", "x%");
}

#[test]
fn default_and_named_formats() {
    cmd("date")
        .args(["-d", T])
        .run()
        .ok()
        .out("Sat Feb  3 04:05:06 UTC 2001\n");
    let cases: &[(&[&str], &str)] = &[
        (&["-R"], "Sat, 03 Feb 2001 04:05:06 +0000"),
        (&["--rfc-email"], "Sat, 03 Feb 2001 04:05:06 +0000"),
        (&["--rfc-2822"], "Sat, 03 Feb 2001 04:05:06 +0000"),
        (&["-I"], "2001-02-03"),
        (&["--iso-8601"], "2001-02-03"),
        (&["-Idate"], "2001-02-03"),
        (&["-Ihours"], "2001-02-03T04+00:00"),
        (&["-Iminutes"], "2001-02-03T04:05+00:00"),
        (&["-Iseconds"], "2001-02-03T04:05:06+00:00"),
        (&["-Ins"], "2001-02-03T04:05:06,123456789+00:00"),
        (&["--iso-8601=sec"], "2001-02-03T04:05:06+00:00"),
        (&["-Ih"], "2001-02-03T04+00:00"),
        (&["--rfc-3339=date"], "2001-02-03"),
        (&["--rfc-3339=seconds"], "2001-02-03 04:05:06+00:00"),
        (&["--rfc-3339=ns"], "2001-02-03 04:05:06.123456789+00:00"),
        (&["--rfc-3339=s"], "2001-02-03 04:05:06+00:00"),
    ];
    for (opts, want) in cases {
        cmd("date")
            .args(["-d", T])
            .args(*opts)
            .run()
            .ok()
            .out(format!("{want}\n"));
    }
}

#[test]
fn bad_timespecs() {
    cmd("date")
        .args(["-d", T, "-Ifoo"])
        .run()
        .status(1)
        .out("")
        .err_has("date: invalid argument 'foo' for '--iso-8601'\nValid arguments are:\n  - 'hours'\n  - 'minutes'\n  - 'date'\n  - 'seconds'\n  - 'ns'\n");
    cmd("date")
        .args(["-d", T, "--rfc-3339=x"])
        .run()
        .status(1)
        .err_has("date: invalid argument 'x' for '--rfc-3339'\nValid arguments are:\n  - 'date'\n  - 'seconds'\n  - 'ns'\n");
    cmd("date")
        .args(["--rfc-3339"])
        .run()
        .status(1)
        .err_has("date: option '--rfc-3339' requires an argument");
}

#[test]
fn zones() {
    // TZ=UTC0 is a POSIX zone string; -u overrides TZ for reading and printing.
    fmt("UTC0", T, "%T %Z", "04:05:06 UTC");
    fmt("JST-9", T, "%T %Z %z", "13:05:06 JST +0900");
    cmd("date")
        .env("TZ", "JST-9")
        .args(["-u", "-d", T])
        .run()
        .ok()
        .out("Sat Feb  3 04:05:06 UTC 2001\n");
    cmd("date")
        .env("TZ", "JST-9")
        .args(["--utc", "-d", "2001-02-03 04:05", "+%s"])
        .run()
        .ok()
        .out("981173100\n");
    cmd("date")
        .env("TZ", "JST-9")
        .args(["--universal", "-d", "@0", "+%T"])
        .run()
        .ok()
        .out("00:00:00\n");
    cmd("date")
        .env("TZ", "JST-9")
        .args(["-d", "2001-02-03 04:05", "+%s"])
        .run()
        .ok()
        .out("981140700\n");
    if !zoneinfo() {
        eprintln!("skipped: no /usr/share/zoneinfo");
        return;
    }
    fmt(
        "Asia/Kolkata",
        T,
        "%F %T %Z %z %:z %::z %:::z",
        "2001-02-03 09:35:06 IST +0530 +05:30 +05:30:00 +05:30",
    );
    // EST5EDT names a zoneinfo file (as glibc reads it): standard time in
    // February, daylight saving time in July.
    fmt(
        "EST5EDT",
        T,
        "%F %T %Z %z %:::z",
        "2001-02-02 23:05:06 EST -0500 -05",
    );
    fmt("EST5EDT", "@994133106", "%T %Z %z", "00:05:06 EDT -0400");
    fmt("EST5EDT", "@0", "%c %Z", "Wed Dec 31 19:00:00 1969 EST");
    fmt("America/St_Johns", T, "%z %:::z", "-0330 -03:30");
    // A TZ="ZONE" prefix in the date string reads it in that zone.
    cmd("date")
        .args(["-d", "TZ=\"Asia/Kolkata\" 2001-02-03 04:05", "+%F %T %z"])
        .run()
        .ok()
        .out("2001-02-02 22:35:00 +0000\n");
}

#[test]
fn date_strings() {
    let cases = [
        ("2001-02-03", "981158400"),
        ("2001-02-03 04:05:06", "981173106"),
        ("2001-02-03T04:05:06Z", "981173106"),
        ("2001-02-03 04:05:06 +0100", "981169506"),
        ("20010203", "981158400"),
        ("02/03/2001", "981158400"),
        ("2001-02-03 +1 day", "981244800"),
        ("2001-02-03 12:00 UTC", "981201600"),
        ("@-1", "-1"),
        ("  @5  ", "5"),
    ];
    for (d, want) in cases {
        cmd("date")
            .args(["-d", d, "+%s"])
            .run()
            .ok()
            .out(format!("{want}\n"));
    }
    cmd("date").args(["--date=@7", "+%s"]).run().ok().out("7\n");
    // The last -d wins, as in GNU.
    cmd("date")
        .args(["-d", "@1", "-d", "@2", "+%s"])
        .run()
        .ok()
        .out("2\n");
    cmd("date")
        .args(["-d", "@1.25", "+%s.%N"])
        .run()
        .ok()
        .out("1.250000000\n");
}

#[test]
fn relative_to_now() {
    // Only differences from now, so the test holds at any time.
    let now: i64 = cmd("date")
        .arg("+%s")
        .run()
        .ok()
        .stdout_str()
        .trim()
        .parse()
        .expect("epoch");
    let get = |d: &str| -> i64 {
        cmd("date")
            .args(["-d", d, "+%s"])
            .run()
            .ok()
            .stdout_str()
            .trim()
            .parse()
            .expect("epoch")
    };
    let close = |a: i64, b: i64| (a - b).abs() <= 5;
    assert!(close(get("now"), now));
    assert!(close(get("+3 days"), now + 3 * 86400));
    assert!(close(get("2 hours ago"), now - 7200));
    assert!(close(get("yesterday"), now - 86400));
    assert!(close(get("tomorrow"), now + 86400));
    assert!(close(get("1 week"), now + 7 * 86400));
    let monday = get("next monday");
    assert!(monday > now && monday <= now + 8 * 86400);
    assert_eq!(
        cmd("date")
            .args(["-d", "next monday", "+%a %T"])
            .run()
            .ok()
            .stdout_str(),
        "Mon 00:00:00\n"
    );
}

#[test]
fn invalid_dates() {
    for bad in ["xyz", "2001-13-01", "25:00", "@1e", "2001-02-30"] {
        cmd("date")
            .args(["-d", bad])
            .run()
            .status(1)
            .out("")
            .err(format!("date: invalid date '{bad}'\n"));
    }
    cmd("date")
        .args(["-d", "a b"])
        .run()
        .status(1)
        .err("date: invalid date 'a b'\n");
    cmd("date")
        .arg("-d")
        .arg(os(b"\xff"))
        .run()
        .status(1)
        .err_has("date: invalid date ");
    cmd("date")
        .args(["-d"])
        .run()
        .status(1)
        .err_has("date: option requires an argument -- 'd'");
}

#[test]
fn file_of_dates() {
    let t = TempDir::new();
    t.write("dates", "@1\nxyz\n@2\n2001-02-03\n");
    cmd("date")
        .args(["-f", "dates", "+%s"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("1\n2\n981158400\n")
        .err("date: invalid date 'xyz'\n");
    t.write("last", "@5");
    cmd("date")
        .args(["--file=last", "+%s"])
        .cwd(t.path())
        .run()
        .ok()
        .out("5\n");
    t.write("empty", "");
    cmd("date")
        .args(["-f", "empty"])
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    cmd("date")
        .args(["-f", "-", "-I"])
        .stdin("@0\n@86400\n")
        .run()
        .ok()
        .out("1970-01-01\n1970-01-02\n");
    cmd("date")
        .args(["-f", "nonexist"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("date: nonexist: No such file or directory\n");
}

#[test]
fn reference_file() {
    let t = TempDir::new();
    let p = t.write("f", "x");
    let f = std::fs::File::options().write(true).open(&p).expect("open");
    f.set_modified(std::time::UNIX_EPOCH + std::time::Duration::new(981173106, 5))
        .expect("set mtime");
    cmd("date")
        .args(["-r", "f", "+%s %N"])
        .cwd(t.path())
        .run()
        .ok()
        .out("981173106 000000005\n");
    cmd("date")
        .args(["--reference=f", "-u"])
        .cwd(t.path())
        .run()
        .ok()
        .out("Sat Feb  3 04:05:06 UTC 2001\n");
    cmd("date")
        .args(["-r", "nonexist"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("date: nonexist: No such file or directory\n");
}

#[test]
fn busybox_input_format() {
    let cases: &[(&str, &str, &str)] = &[
        ("%Y%m%d", "20010203", "981158400"),
        ("%Y-%m-%d %H:%M:%S", "2001-02-03 04:05:06", "981173106"),
        ("%s", "1000", "1000"),
        (
            "%d/%b/%Y:%H:%M:%S %z",
            "03/Feb/2001:04:05:06 +0100",
            "981169506",
        ),
        ("%F %T", "2001-02-03 04:05:06", "981173106"),
        ("%b %d %Y %I%p", "february 3 2001 4pm", "981216000"),
        ("%y%m%d %R", "010203 04:05", "981173100"),
        ("%Y %j", "2001 034", "981158400"),
        ("%a %D", "Sat 02/03/01", "981158400"),
    ];
    for (f, d, want) in cases {
        cmd("date")
            .args(["-D", f, "-d", d, "+%s"])
            .run()
            .ok()
            .out(format!("{want}\n"));
    }
    // Fields the format leaves out are today's date at midnight.
    cmd("date")
        .args(["-D", "%H:%M", "-d", "10:20", "+%T"])
        .run()
        .ok()
        .out("10:20:00\n");
    // Unlike BusyBox (which ignores it), text after the format is an error.
    for (f, d) in [
        ("%Y", "20x"),
        ("%H:%M", "1020"),
        ("%m", "13"),
        ("%Y-%m-%d", "2001-02-30"),
        ("%I%p", "13pm"),
    ] {
        cmd("date")
            .args(["-D", f, "-d", d])
            .run()
            .status(1)
            .err(format!("date: invalid date '{d}'\n"));
    }
    // -D reads -f's lines too.
    cmd("date")
        .args(["-D", "%s", "-f", "-", "+%F"])
        .stdin("0\n86400\n")
        .run()
        .ok()
        .out("1970-01-01\n1970-01-02\n");
}

#[test]
fn conflicts() {
    cmd("date")
        .args(["-d", "@1", "-r", "/"])
        .run()
        .status(1)
        .out("")
        .err_has("date: the options to specify dates for printing are mutually exclusive\n");
    cmd("date")
        .args(["-d", "@1", "-f", "/dev/null"])
        .run()
        .status(1)
        .err_has("mutually exclusive");
    cmd("date")
        .args(["-d", "@1", "-s", "@1"])
        .run()
        .status(1)
        .err_has("date: the options to print and set the time may not be used together\n");
    for opts in [
        &["+%s", "-I"][..],
        &["-R", "-I"],
        &["-I", "-I"],
        &["-Is", "--rfc-3339=ns"],
    ] {
        cmd("date")
            .args(["-d", "@1"])
            .args(opts)
            .run()
            .status(1)
            .out("")
            .err("date: multiple output formats specified\n");
    }
    cmd("date")
        .args(["-d", "@1", "+%s", "+%Y"])
        .run()
        .status(1)
        .err_has("date: extra operand '+%Y'\n");
    cmd("date").args(["-d", "@1", "0101"]).run().status(1).out("").err_has(
        "date: the argument '0101' lacks a leading '+';\nwhen using an option to specify date(s), any non-option\nargument must be a format string beginning with '+'\n",
    );
    cmd("date")
        .args(["-x"])
        .run()
        .status(1)
        .err_has("date: invalid option -- 'x'");
    cmd("date")
        .args(["--debug"])
        .run()
        .status(1)
        .err_has("date: unrecognized option '--debug'");
}

#[test]
fn setting_errors() {
    // Invalid dates never reach the clock.
    for bad in [
        "0101",
        "13010000",
        "0101000020x",
        "01010000.5",
        "02300000",
        "0101246000",
    ] {
        cmd("date")
            .arg(bad)
            .run()
            .status(1)
            .out("")
            .err(format!("date: invalid date '{bad}'\n"));
    }
    cmd("date")
        .args(["-s", "xyz"])
        .run()
        .status(1)
        .out("")
        .err("date: invalid date 'xyz'\n");
    cmd("date")
        .args(["--set=2001-13-01"])
        .run()
        .status(1)
        .err("date: invalid date '2001-13-01'\n");
    cmd("date")
        .args(["-D", "%Y", "-s", "x"])
        .run()
        .status(1)
        .err("date: invalid date 'x'\n");
}

#[test]
fn setting_needs_privilege() {
    // As an unprivileged user setting fails; the time asked for is printed
    // anyway, as GNU does. The time is now, so nothing would change if it
    // did not fail.
    let run = |args: &[String]| {
        let c = cmd("date").args(args);
        let c = match unprivileged() {
            Some(ids) => c.user(ids),
            None => c,
        };
        c.run()
    };
    let now = cmd("date")
        .arg("+%s")
        .run()
        .ok()
        .stdout_str()
        .trim()
        .to_string();
    let o = run(&["-s".into(), format!("@{now}"), "+%s".into()]);
    o.status(1)
        .err("date: cannot set date: Operation not permitted\n");
    assert_eq!(o.stdout_str(), format!("{now}\n"));
    let stamp = cmd("date")
        .arg("+%m%d%H%M%Y.%S")
        .run()
        .ok()
        .stdout_str()
        .trim()
        .to_string();
    let o = run(&[stamp]);
    o.status(1)
        .err("date: cannot set date: Operation not permitted\n");
}

#[test]
fn write_error() {
    cmd("date")
        .args(["-d", "@1"])
        .stdout_full()
        .run()
        .status(1)
        .err("date: write error: No space left on device\n");
}

//! cal: months, years, -j -m -y -3 and the 1752 change, byte for byte as
//! BusyBox 1.35's cal prints them (the expected texts are its output).
//!
//! util-linux's cal (2.38) differs: it pads every row to the full width
//! (trailing blanks on all lines, 22 columns for a month), puts the year
//! on a line of its own for -3, takes month names ("cal feb 2001") and
//! exits 64 on a bad month with "13 is neither a month number (1..12) nor
//! a name". oxbox follows BusyBox in all of these.

use crate::common::*;

const CASES: &[(&[&str], &str)] = &[
    (
        &["2", "2001"],
        concat!(
            "   February 2001\n",
            "Su Mo Tu We Th Fr Sa\n",
            "             1  2  3\n",
            " 4  5  6  7  8  9 10\n",
            "11 12 13 14 15 16 17\n",
            "18 19 20 21 22 23 24\n",
            "25 26 27 28\n",
            "                     \n",
        ),
    ),
    (
        &["-j", "2", "2001"],
        concat!(
            "       February 2001\n",
            " Su  Mo  Tu  We  Th  Fr  Sa\n",
            "                 32  33  34\n",
            " 35  36  37  38  39  40  41\n",
            " 42  43  44  45  46  47  48\n",
            " 49  50  51  52  53  54  55\n",
            " 56  57  58  59\n",
            "                            \n",
        ),
    ),
    (
        &["-m", "2", "2001"],
        concat!(
            "   February 2001\n",
            "Mo Tu We Th Fr Sa Su\n",
            "          1  2  3  4\n",
            " 5  6  7  8  9 10 11\n",
            "12 13 14 15 16 17 18\n",
            "19 20 21 22 23 24 25\n",
            "26 27 28\n",
            "                     \n",
        ),
    ),
    (
        &["9", "1752"],
        concat!(
            "   September 1752\n",
            "Su Mo Tu We Th Fr Sa\n",
            "       1  2 14 15 16\n",
            "17 18 19 20 21 22 23\n",
            "24 25 26 27 28 29 30\n",
            "                     \n",
            "                     \n",
            "                     \n",
        ),
    ),
    (
        &["-j", "9", "1752"],
        concat!(
            "      September 1752\n",
            " Su  Mo  Tu  We  Th  Fr  Sa\n",
            "        245 246 258 259 260\n",
            "261 262 263 264 265 266 267\n",
            "268 269 270 271 272 273 274\n",
            "                            \n",
            "                            \n",
            "                            \n",
        ),
    ),
    (
        &["-m", "9", "1752"],
        concat!(
            "   September 1752\n",
            "Mo Tu We Th Fr Sa Su\n",
            "    1  2 14 15 16 17\n",
            "18 19 20 21 22 23 24\n",
            "25 26 27 28 29 30\n",
            "                     \n",
            "                     \n",
            "                     \n",
        ),
    ),
    (
        &["-jm", "1", "2001"],
        concat!(
            "       January 2001\n",
            " Mo  Tu  We  Th  Fr  Sa  Su\n",
            "  1   2   3   4   5   6   7\n",
            "  8   9  10  11  12  13  14\n",
            " 15  16  17  18  19  20  21\n",
            " 22  23  24  25  26  27  28\n",
            " 29  30  31\n",
            "                            \n",
        ),
    ),
    (
        &["12", "9999"],
        concat!(
            "   December 9999\n",
            "Su Mo Tu We Th Fr Sa\n",
            "          1  2  3  4\n",
            " 5  6  7  8  9 10 11\n",
            "12 13 14 15 16 17 18\n",
            "19 20 21 22 23 24 25\n",
            "26 27 28 29 30 31\n",
            "                     \n",
        ),
    ),
    (
        &["1", "1"],
        concat!(
            "     January 1\n",
            "Su Mo Tu We Th Fr Sa\n",
            "                   1\n",
            " 2  3  4  5  6  7  8\n",
            " 9 10 11 12 13 14 15\n",
            "16 17 18 19 20 21 22\n",
            "23 24 25 26 27 28 29\n",
            "30 31\n",
        ),
    ),
    (
        &["2", "1900"],
        concat!(
            "   February 1900\n",
            "Su Mo Tu We Th Fr Sa\n",
            "             1  2  3\n",
            " 4  5  6  7  8  9 10\n",
            "11 12 13 14 15 16 17\n",
            "18 19 20 21 22 23 24\n",
            "25 26 27 28\n",
            "                     \n",
        ),
    ),
    (
        &["2", "2000"],
        concat!(
            "   February 2000\n",
            "Su Mo Tu We Th Fr Sa\n",
            "       1  2  3  4  5\n",
            " 6  7  8  9 10 11 12\n",
            "13 14 15 16 17 18 19\n",
            "20 21 22 23 24 25 26\n",
            "27 28 29\n",
            "                     \n",
        ),
    ),
    (
        &["-y", "2001"],
        concat!(
            "                              2001                              \n",
            "\n",
            "      January               February               March        \n",
            "Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa\n",
            "    1  2  3  4  5  6               1  2  3               1  2  3\n",
            " 7  8  9 10 11 12 13   4  5  6  7  8  9 10   4  5  6  7  8  9 10\n",
            "14 15 16 17 18 19 20  11 12 13 14 15 16 17  11 12 13 14 15 16 17\n",
            "21 22 23 24 25 26 27  18 19 20 21 22 23 24  18 19 20 21 22 23 24\n",
            "28 29 30 31           25 26 27 28           25 26 27 28 29 30 31\n",
            "                                                                               \n",
            "       April                  May                   June        \n",
            "Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa\n",
            " 1  2  3  4  5  6  7         1  2  3  4  5                  1  2\n",
            " 8  9 10 11 12 13 14   6  7  8  9 10 11 12   3  4  5  6  7  8  9\n",
            "15 16 17 18 19 20 21  13 14 15 16 17 18 19  10 11 12 13 14 15 16\n",
            "22 23 24 25 26 27 28  20 21 22 23 24 25 26  17 18 19 20 21 22 23\n",
            "29 30                 27 28 29 30 31        24 25 26 27 28 29 30\n",
            "                                                                               \n",
            "        July                 August              September      \n",
            "Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa\n",
            " 1  2  3  4  5  6  7            1  2  3  4                     1\n",
            " 8  9 10 11 12 13 14   5  6  7  8  9 10 11   2  3  4  5  6  7  8\n",
            "15 16 17 18 19 20 21  12 13 14 15 16 17 18   9 10 11 12 13 14 15\n",
            "22 23 24 25 26 27 28  19 20 21 22 23 24 25  16 17 18 19 20 21 22\n",
            "29 30 31              26 27 28 29 30 31     23 24 25 26 27 28 29\n",
            "                                            30\n",
            "      October               November              December      \n",
            "Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa\n",
            "    1  2  3  4  5  6               1  2  3                     1\n",
            " 7  8  9 10 11 12 13   4  5  6  7  8  9 10   2  3  4  5  6  7  8\n",
            "14 15 16 17 18 19 20  11 12 13 14 15 16 17   9 10 11 12 13 14 15\n",
            "21 22 23 24 25 26 27  18 19 20 21 22 23 24  16 17 18 19 20 21 22\n",
            "28 29 30 31           25 26 27 28 29 30     23 24 25 26 27 28 29\n",
            "                                            30 31\n",
        ),
    ),
    (
        &["-j", "-y", "1752"],
        concat!(
            "                          1752                          \n",
            "\n",
            "          January                     February          \n",
            " Su  Mo  Tu  We  Th  Fr  Sa   Su  Mo  Tu  We  Th  Fr  Sa\n",
            "              1   2   3   4                           32\n",
            "  5   6   7   8   9  10  11   33  34  35  36  37  38  39\n",
            " 12  13  14  15  16  17  18   40  41  42  43  44  45  46\n",
            " 19  20  21  22  23  24  25   47  48  49  50  51  52  53\n",
            " 26  27  28  29  30  31       54  55  56  57  58  59  60\n",
            "                                                                               \n",
            "           March                        April           \n",
            " Su  Mo  Tu  We  Th  Fr  Sa   Su  Mo  Tu  We  Th  Fr  Sa\n",
            " 61  62  63  64  65  66  67               92  93  94  95\n",
            " 68  69  70  71  72  73  74   96  97  98  99 100 101 102\n",
            " 75  76  77  78  79  80  81  103 104 105 106 107 108 109\n",
            " 82  83  84  85  86  87  88  110 111 112 113 114 115 116\n",
            " 89  90  91                  117 118 119 120 121\n",
            "                                                                               \n",
            "            May                         June            \n",
            " Su  Mo  Tu  We  Th  Fr  Sa   Su  Mo  Tu  We  Th  Fr  Sa\n",
            "                    122 123      153 154 155 156 157 158\n",
            "124 125 126 127 128 129 130  159 160 161 162 163 164 165\n",
            "131 132 133 134 135 136 137  166 167 168 169 170 171 172\n",
            "138 139 140 141 142 143 144  173 174 175 176 177 178 179\n",
            "145 146 147 148 149 150 151  180 181 182\n",
            "152\n",
            "           July                        August           \n",
            " Su  Mo  Tu  We  Th  Fr  Sa   Su  Mo  Tu  We  Th  Fr  Sa\n",
            "            183 184 185 186                          214\n",
            "187 188 189 190 191 192 193  215 216 217 218 219 220 221\n",
            "194 195 196 197 198 199 200  222 223 224 225 226 227 228\n",
            "201 202 203 204 205 206 207  229 230 231 232 233 234 235\n",
            "208 209 210 211 212 213      236 237 238 239 240 241 242\n",
            "                             243 244\n",
            "         September                     October          \n",
            " Su  Mo  Tu  We  Th  Fr  Sa   Su  Mo  Tu  We  Th  Fr  Sa\n",
            "        245 246 258 259 260  275 276 277 278 279 280 281\n",
            "261 262 263 264 265 266 267  282 283 284 285 286 287 288\n",
            "268 269 270 271 272 273 274  289 290 291 292 293 294 295\n",
            "                             296 297 298 299 300 301 302\n",
            "                             303 304 305\n",
            "                                                                               \n",
            "         November                     December          \n",
            " Su  Mo  Tu  We  Th  Fr  Sa   Su  Mo  Tu  We  Th  Fr  Sa\n",
            "            306 307 308 309                      336 337\n",
            "310 311 312 313 314 315 316  338 339 340 341 342 343 344\n",
            "317 318 319 320 321 322 323  345 346 347 348 349 350 351\n",
            "324 325 326 327 328 329 330  352 353 354 355 356 357 358\n",
            "331 332 333 334 335          359 360 361 362 363 364 365\n",
            "                             366\n",
        ),
    ),
    (
        &["-m", "-y", "2024"],
        concat!(
            "                              2024                              \n",
            "\n",
            "      January               February               March        \n",
            "Mo Tu We Th Fr Sa Su  Mo Tu We Th Fr Sa Su  Mo Tu We Th Fr Sa Su\n",
            " 1  2  3  4  5  6  7            1  2  3  4               1  2  3\n",
            " 8  9 10 11 12 13 14   5  6  7  8  9 10 11   4  5  6  7  8  9 10\n",
            "15 16 17 18 19 20 21  12 13 14 15 16 17 18  11 12 13 14 15 16 17\n",
            "22 23 24 25 26 27 28  19 20 21 22 23 24 25  18 19 20 21 22 23 24\n",
            "29 30 31              26 27 28 29           25 26 27 28 29 30 31\n",
            "                                                                               \n",
            "       April                  May                   June        \n",
            "Mo Tu We Th Fr Sa Su  Mo Tu We Th Fr Sa Su  Mo Tu We Th Fr Sa Su\n",
            " 1  2  3  4  5  6  7         1  2  3  4  5                  1  2\n",
            " 8  9 10 11 12 13 14   6  7  8  9 10 11 12   3  4  5  6  7  8  9\n",
            "15 16 17 18 19 20 21  13 14 15 16 17 18 19  10 11 12 13 14 15 16\n",
            "22 23 24 25 26 27 28  20 21 22 23 24 25 26  17 18 19 20 21 22 23\n",
            "29 30                 27 28 29 30 31        24 25 26 27 28 29 30\n",
            "                                                                               \n",
            "        July                 August              September      \n",
            "Mo Tu We Th Fr Sa Su  Mo Tu We Th Fr Sa Su  Mo Tu We Th Fr Sa Su\n",
            " 1  2  3  4  5  6  7            1  2  3  4                     1\n",
            " 8  9 10 11 12 13 14   5  6  7  8  9 10 11   2  3  4  5  6  7  8\n",
            "15 16 17 18 19 20 21  12 13 14 15 16 17 18   9 10 11 12 13 14 15\n",
            "22 23 24 25 26 27 28  19 20 21 22 23 24 25  16 17 18 19 20 21 22\n",
            "29 30 31              26 27 28 29 30 31     23 24 25 26 27 28 29\n",
            "                                            30\n",
            "      October               November              December      \n",
            "Mo Tu We Th Fr Sa Su  Mo Tu We Th Fr Sa Su  Mo Tu We Th Fr Sa Su\n",
            "    1  2  3  4  5  6               1  2  3                     1\n",
            " 7  8  9 10 11 12 13   4  5  6  7  8  9 10   2  3  4  5  6  7  8\n",
            "14 15 16 17 18 19 20  11 12 13 14 15 16 17   9 10 11 12 13 14 15\n",
            "21 22 23 24 25 26 27  18 19 20 21 22 23 24  16 17 18 19 20 21 22\n",
            "28 29 30 31           25 26 27 28 29 30     23 24 25 26 27 28 29\n",
            "                                            30 31\n",
        ),
    ),
    (
        &["1752"],
        concat!(
            "                              1752                              \n",
            "\n",
            "      January               February               March        \n",
            "Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa\n",
            "          1  2  3  4                     1   1  2  3  4  5  6  7\n",
            " 5  6  7  8  9 10 11   2  3  4  5  6  7  8   8  9 10 11 12 13 14\n",
            "12 13 14 15 16 17 18   9 10 11 12 13 14 15  15 16 17 18 19 20 21\n",
            "19 20 21 22 23 24 25  16 17 18 19 20 21 22  22 23 24 25 26 27 28\n",
            "26 27 28 29 30 31     23 24 25 26 27 28 29  29 30 31\n",
            "                                                                               \n",
            "       April                  May                   June        \n",
            "Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa\n",
            "          1  2  3  4                  1  2      1  2  3  4  5  6\n",
            " 5  6  7  8  9 10 11   3  4  5  6  7  8  9   7  8  9 10 11 12 13\n",
            "12 13 14 15 16 17 18  10 11 12 13 14 15 16  14 15 16 17 18 19 20\n",
            "19 20 21 22 23 24 25  17 18 19 20 21 22 23  21 22 23 24 25 26 27\n",
            "26 27 28 29 30        24 25 26 27 28 29 30  28 29 30\n",
            "                      31\n",
            "        July                 August              September      \n",
            "Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa\n",
            "          1  2  3  4                     1         1  2 14 15 16\n",
            " 5  6  7  8  9 10 11   2  3  4  5  6  7  8  17 18 19 20 21 22 23\n",
            "12 13 14 15 16 17 18   9 10 11 12 13 14 15  24 25 26 27 28 29 30\n",
            "19 20 21 22 23 24 25  16 17 18 19 20 21 22\n",
            "26 27 28 29 30 31     23 24 25 26 27 28 29\n",
            "                      30 31\n",
            "      October               November              December      \n",
            "Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa\n",
            " 1  2  3  4  5  6  7            1  2  3  4                  1  2\n",
            " 8  9 10 11 12 13 14   5  6  7  8  9 10 11   3  4  5  6  7  8  9\n",
            "15 16 17 18 19 20 21  12 13 14 15 16 17 18  10 11 12 13 14 15 16\n",
            "22 23 24 25 26 27 28  19 20 21 22 23 24 25  17 18 19 20 21 22 23\n",
            "29 30 31              26 27 28 29 30        24 25 26 27 28 29 30\n",
            "                                            31\n",
        ),
    ),
];

#[test]
fn busybox_layouts() {
    for (args, want) in CASES {
        cmd("cal").args(*args).run().ok().out(*want);
    }
}

#[test]
fn one_operand_is_a_year_and_y_ignores_the_month() {
    let year = cmd("cal").args(["-y", "2001"]).run().ok().stdout_str();
    cmd("cal").arg("2001").run().ok().out(&year);
    cmd("cal").args(["-y", "5", "2001"]).run().ok().out(&year);
    // Leading zeros are fine.
    let feb = cmd("cal").args(["2", "2001"]).run().ok().stdout_str();
    cmd("cal").args(["02", "02001"]).run().ok().out(&feb);
}

#[test]
fn three_months() {
    cmd("cal").args(["-3", "1", "2001"]).run().ok().out(concat!(
        "   December 2000          January 2001         February 2001    \n",
        "Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa\n",
        "                1  2      1  2  3  4  5  6               1  2  3\n",
        " 3  4  5  6  7  8  9   7  8  9 10 11 12 13   4  5  6  7  8  9 10\n",
        "10 11 12 13 14 15 16  14 15 16 17 18 19 20  11 12 13 14 15 16 17\n",
        "17 18 19 20 21 22 23  21 22 23 24 25 26 27  18 19 20 21 22 23 24\n",
        "24 25 26 27 28 29 30  28 29 30 31           25 26 27 28\n",
        "31\n",
    ));
    // Julian: three 27-column months need a wider row than a year's 79.
    let o = cmd("cal").args(["-3", "-j", "12", "2001"]).run();
    o.ok();
    let text = o.stdout_str();
    assert!(text.starts_with("       November 2001                December 2001                January 2002        \n"), "{text}");
    assert!(
        text.contains("\n322 323 324 325 326 327 328  350 351 352 353 354 355 356   20  21  22  23  24  25  26\n"),
        "{text}"
    );
    // At the ends of the calendar the missing neighbour is left out.
    let o = cmd("cal").args(["-3", "1", "1"]).run();
    o.ok();
    assert!(o
        .stdout_str()
        .starts_with("     January 1             February 1     \n"));
}

#[test]
fn current_month_without_highlight() {
    // No operands: this month; not a terminal, so no escape sequences.
    let now = cmd("date").args(["+%B %Y"]).run();
    let o = cmd("cal").run();
    o.ok();
    let text = o.stdout_str();
    assert!(!text.contains('\x1b'));
    assert_eq!(text.lines().count(), 8);
    if now.code == Some(0) {
        assert_eq!(
            text.lines().next().map(str::trim),
            Some(now.stdout_str().trim())
        );
    }
    let o = cmd("cal").arg("-y").run();
    o.ok();
    assert_eq!(o.stdout_str().lines().count(), 34);
}

#[test]
fn errors() {
    let cases: &[(&[&str], &str)] = &[
        (&["13", "2001"], "cal: number 13 is not in 1..12 range\n"),
        (&["0", "2001"], "cal: number 0 is not in 1..12 range\n"),
        (&["10000"], "cal: number 10000 is not in 1..9999 range\n"),
        (&["0"], "cal: number 0 is not in 1..9999 range\n"),
        (&["x"], "cal: invalid number 'x'\n"),
        (&["2001x"], "cal: invalid number '2001x'\n"),
        (&["feb", "2001"], "cal: invalid number 'feb'\n"),
        (&[""], "cal: invalid number ''\n"),
    ];
    for (args, want) in cases {
        cmd("cal").args(*args).run().status(1).out("").err(*want);
    }
    cmd("cal")
        .args(["1", "2", "3"])
        .run()
        .status(1)
        .out("")
        .err_has("cal: extra operand '3'\n");
    cmd("cal")
        .arg("-x")
        .run()
        .status(1)
        .err_has("cal: invalid option -- 'x'\n");
}

#[test]
fn write_error() {
    cmd("cal")
        .args(["2", "2001"])
        .stdout_full()
        .run()
        .status(1)
        .err("cal: write error: No space left on device\n");
}

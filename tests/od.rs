//! od: every type and its field widths, legacy options, addresses, widths,
//! byte order, `*` lines, -j/-N/-S, traditional offsets, errors. The
//! expected outputs are GNU coreutils 9.1's.

use crate::common::*;

/// Runs od with `args` on `stdin` and checks status, stdout and stderr.
#[track_caller]
fn check(args: &[&str], stdin: &[u8], status: i32, out: &[u8], err: &[u8]) {
    cmd("od")
        .args(args)
        .stdin(stdin)
        .run()
        .status(status)
        .out(out)
        .err(err);
}

#[test]
fn default_and_types() {
    check(&[], b"abcdefghijklmnopqrstu\x00\x01\xff", 0, b"0000000 061141 062143 063145 064147 065151 066153 067155 070157\n0000020 071161 072163 000165 177401\n0000030\n", b"");
    check(&["-c"], b"abcdefghijklmnopqrstu\x00\x01\xff", 0, b"0000000   a   b   c   d   e   f   g   h   i   j   k   l   m   n   o   p\n0000020   q   r   s   t   u  \\0 001 377\n0000030\n", b"");
    check(&["-tx1", "-tc", "-Ax"], b"abcdefghijklmnopqrstu\x00\x01\xff", 0, b"000000  61  62  63  64  65  66  67  68  69  6a  6b  6c  6d  6e  6f  70\n         a   b   c   d   e   f   g   h   i   j   k   l   m   n   o   p\n000010  71  72  73  74  75  00  01  ff\n         q   r   s   t   u  \\0 001 377\n000018\n", b"");
    check(&["-to1", "-td2", "-tx4", "-tf8"], b"abcdefghijklmnopqrstu\x00\x01\xff", 0, b"0000000 141 142 143 144 145 146 147 150 151 152 153 154 155 156 157 160\n          25185   25699   26213   26727   27241   27755   28269   28783\n               64636261        68676665        6c6b6a69        706f6e6d\n                 8.540883223036124e+194         3.9038200537988823e+233\n0000020 161 162 163 164 165 000 001 377\n          29297   29811     117    -255\n               74737271        ff010075\n                -5.829621344196462e+303\n0000030\n", b"");
    check(&["-ta", "-tu1z"], b"abcdefghijklmnopqrstu\x00\x01\xff", 0, b"0000000   a   b   c   d   e   f   g   h   i   j   k   l   m   n   o   p\n         97  98  99 100 101 102 103 104 105 106 107 108 109 110 111 112  >abcdefghijklmnop<\n0000020   q   r   s   t   u nul soh del\n        113 114 115 116 117   0   1 255                                  >qrstu...<\n0000030\n", b"");
    check(&["-An", "-td1"], b"abcdefghijklmnopqrstu\x00\x01\xff", 0, b"   97   98   99  100  101  102  103  104  105  106  107  108  109  110  111  112\n  113  114  115  116  117    0    1   -1\n", b"");
    check(&["-td"], b"abcdefghijklmnopqrstu\x00\x01\xff", 0, b"0000000  1684234849  1751606885  1818978921  1886350957\n0000020  1953722993   -16711563\n0000030\n", b"");
    check(&["-tx2z", "-tc"], b"abc", 0, b"0000000    6261    0063                                                  >abc<\n          a   b   c\n0000003\n", b"");
    check(&["-tdC", "-tuS", "-toI", "-txL", "-tdL"], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca\xef\x149^\x83\xa8\xcd\xf2\x17<a\x86\xab\xd0\xf5\x1a?d\x89\xae\xd3\xf8\x1dBg\x8c\xb1\xd6\xfb Ej\x8f\xb4\xd9\xfe#Hm\x92\xb7\xdc\x01&", 0, b"0000000   11   48   85  122  -97  -60  -23   14   51   88  125  -94  -57  -20   17   54\n            12299     31317     50335      3817     22579     41597     60615     13841\n                17225230013         01672342237         24237254063         06604366307\n                               0ee9c49f7a55300b                        3611ecc7a27d5833\n                            1074606175335821323                     3896155494820960307\n0000020   91 -128  -91  -54  -17   20   57   94 -125  -88  -51  -14   23   60   97 -122\n            32859     51877      5359     24121     43139     62157     15383     34401\n                31251300133         13616212357         36263324203         20630236027\n                               5e3914efcaa5805b                        86613c17f2cda883\n                            6789480933367316571                    -8763657326330795901\n0000040  -85  -48  -11   26   63  100 -119  -82  -45   -8   29   66  103 -116  -79  -42\n            53419      6901     25663     44681     63699     16925     35943     54961\n                03275350253         25642262077         10207374323         32654306147\n                               ae89643f1af5d0ab                        d6b18c67421df8d3\n                           -5870050417102696277                    -2976443503596406573\n0000060   -5   32   69  106 -113  -76  -39   -2   35   72  109 -110  -73  -36    1   38\n             8443     27205     46223     65241     18467     37485     56503      9729\n                15221220373         37666332217         22233244043         04600356267\n                               fed9b48f6a4520fb                        2601dcb7926d4823\n                             -82836590073405189                     2738712729411733539\n0000100\n", b"");
    check(&["-td8", "-tu8", "-to8", "-tx8"], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca\xef\x149^\x83\xa8\xcd\xf2\x17<a\x86\xab\xd0\xf5\x1a?d\x89\xae\xd3\xf8\x1dBg\x8c\xb1\xd6\xfb Ej\x8f\xb4\xd9\xfe#Hm\x92\xb7\xdc\x01&", 0, b"0000000    1074606175335821323    3896155494820960307\n           1074606175335821323    3896155494820960307\n        0073516111757225230013 0330217314364237254063\n              0ee9c49f7a55300b       3611ecc7a27d5833\n0000020    6789480933367316571   -8763657326330795901\n           6789480933367316571    9683086747378755715\n        0570710516771251300133 1031411701376263324203\n              5e3914efcaa5805b       86613c17f2cda883\n0000040   -5870050417102696277   -2976443503596406573\n          12576693656606855339   15470300570113145043\n        1272113103743275350253 1532614306350207374323\n              ae89643f1af5d0ab       d6b18c67421df8d3\n0000060     -82836590073405189    2738712729411733539\n          18363907483636146427    2738712729411733539\n        1773315510755221220373 0230016713362233244043\n              fed9b48f6a4520fb       2601dcb7926d4823\n0000100\n", b"");
    check(
        &["-tx4z", "-N", "5"],
        b"abcdefghijklmnopqrstu\x00\x01\xff",
        0,
        b"0000000 64636261 00000065                    >abcde<\n0000005\n",
        b"",
    );
    check(&["-c"], b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\n\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xaf\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe\xbf\xc0\xc1\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef\xf0\xf1\xf2\xf3\xf4\xf5\xf6\xf7\xf8\xf9\xfa\xfb\xfc\xfd\xfe\xff", 0, b"0000000  \\0 001 002 003 004 005 006  \\a  \\b  \\t  \\n  \\v  \\f  \\r 016 017\n0000020 020 021 022 023 024 025 026 027 030 031 032 033 034 035 036 037\n0000040       !   \"   #   $   %   &   '   (   )   *   +   ,   -   .   /\n0000060   0   1   2   3   4   5   6   7   8   9   :   ;   <   =   >   ?\n0000100   @   A   B   C   D   E   F   G   H   I   J   K   L   M   N   O\n0000120   P   Q   R   S   T   U   V   W   X   Y   Z   [   \\   ]   ^   _\n0000140   `   a   b   c   d   e   f   g   h   i   j   k   l   m   n   o\n0000160   p   q   r   s   t   u   v   w   x   y   z   {   |   }   ~ 177\n0000200 200 201 202 203 204 205 206 207 210 211 212 213 214 215 216 217\n0000220 220 221 222 223 224 225 226 227 230 231 232 233 234 235 236 237\n0000240 240 241 242 243 244 245 246 247 250 251 252 253 254 255 256 257\n0000260 260 261 262 263 264 265 266 267 270 271 272 273 274 275 276 277\n0000300 300 301 302 303 304 305 306 307 310 311 312 313 314 315 316 317\n0000320 320 321 322 323 324 325 326 327 330 331 332 333 334 335 336 337\n0000340 340 341 342 343 344 345 346 347 350 351 352 353 354 355 356 357\n0000360 360 361 362 363 364 365 366 367 370 371 372 373 374 375 376 377\n0000400\n", b"");
}

#[test]
fn floats() {
    check(&["-tf4"], b"\x00\x00\x80?\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x00\xf0?\x00\x00\x00\x00\x00\x00\x00\x80\xff?\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\x00\x00\xc0\xff\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00", 0, b"0000000               1              -2               0           1.875\n0000020               0              -0      2.2957e-41               0\n0000040             inf            -nan               0               0\n0000060           1e-45               0\n0000070\n", b"");
    check(&["-tf8"], b"\x00\x00\x80?\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x00\xf0?\x00\x00\x00\x00\x00\x00\x00\x80\xff?\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\x00\x00\xc0\xff\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00", 0, b"0000000       -2.000000473111868                        1\n0000020                       -0              8.0943e-320\n0000040 -2.2471174859009216e+307                        0\n0000060                   5e-324\n0000070\n", b"");
    check(&["-tfL"], b"\x00\x00\x80?\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x00\xf0?\x00\x00\x00\x00\x00\x00\x00\x80\xff?\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\x00\x00\xc0\xff\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00", 0, b"0000000  1.68105157194438925756e-4932\n0000020                             1\n0000040  3.35553653619044552248e-4932\n0000060                       4e-4951\n0000070\n", b"");
    check(&["-tf", "-tfF", "-tfD", "-tx1"], b"\x00\x00\x80?\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x00\xf0?\x00\x00\x00\x00\x00\x00\x00\x80\xff?\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\x00\x00\xc0\xff\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00", 0, b"0000000              -2.000000473111868                               1\n                      1              -2               0           1.875\n                     -2.000000473111868                               1\n         00  00  80  3f  00  00  00  c0  00  00  00  00  00  00  f0  3f\n0000020                              -0                     8.0943e-320\n                      0              -0      2.2957e-41               0\n                                     -0                     8.0943e-320\n         00  00  00  00  00  00  00  80  ff  3f  00  00  00  00  00  00\n0000040        -2.2471174859009216e+307                               0\n                    inf            -nan               0               0\n               -2.2471174859009216e+307                               0\n         00  00  80  7f  00  00  c0  ff  00  00  00  00  00  00  00  00\n0000060                          5e-324\n                  1e-45               0\n                                 5e-324\n         01  00  00  00  00  00  00  00\n0000070\n", b"");
    check(
        &["-tfL"],
        b"abcdefghijklmnopqrstu\x00\x01\xff",
        0,
        b"0000000                           nan\n0000020  3.33593949943938500997e-4932\n0000030\n",
        b"",
    );
    check(&["-tf4"], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca\xef\x149^\x83\xa8\xcd\xf2\x17<a\x86\xab\xd0\xf5\x1a?d\x89\xae\xd3\xf8\x1dBg\x8c\xb1\xd6\xfb Ej\x8f\xb4\xd9\xfe#Hm\x92\xb7\xdc\x01&", 0, b"0000000   2.7673341e+35   5.7628274e-30  -3.4334586e-18   2.1744506e-06\n0000020      -5423149.5   3.3341368e+18  -8.1469626e+30  -4.2361944e-35\n0000040  1.01666746e-22   -6.247846e-11       39.492992   -9.760829e+13\n0000060   5.9578533e+25  -1.4468999e+38   -7.487293e-28    4.505499e-16\n0000100\n", b"");
    check(&["-tf8"], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca\xef\x149^\x83\xa8\xcd\xf2\x17<a\x86\xab\xd0\xf5\x1a?d\x89\xae\xd3\xf8\x1dBg\x8c\xb1\xd6\xfb Ej\x8f\xb4\xd9\xfe#Hm\x92\xb7\xdc\x01&", 0, b"0000000   7.914347548945932e-237   3.0661821934212284e-48\n0000020   7.829902262050004e+145  -6.076573531940958e-278\n0000040  -1.6338082632273529e-84  -4.121328348678083e+109\n0000060 -1.1017385798130707e+303  1.3193687189622107e-125\n0000100\n", b"");
    check(&["-tfL"], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca\xef\x149^\x83\xa8\xcd\xf2\x17<a\x86\xab\xd0\xf5\x1a?d\x89\xae\xd3\xf8\x1dBg\x8c\xb1\xd6\xfb Ej\x8f\xb4\xd9\xfe#Hm\x92\xb7\xdc\x01&", 0, b"0000000                           nan\n0000020                          -nan\n0000040  -3.3041037454265468621e+4379\n0000060    4.4216700616602822135e+627\n0000100\n", b"");
    check(&["-tfL", "--endian=big"], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca\xef\x149^\x83\xa8\xcd\xf2\x17<a\x86\xab\xd0\xf5\x1a?d\x89\xae\xd3\xf8\x1dBg\x8c\xb1\xd6\xfb Ej\x8f\xb4\xd9\xfe#Hm\x92\xb7\xdc\x01&", 0, b"0000000                          -nan\n0000020    1.4599542119368498744e-511\n0000040  -2.4944400808560431825e-4186\n0000060                          -nan\n0000100\n", b"");
    check(
        &["-tf4", "-w4", "-N", "8"],
        b"\x00\x00\x00\x00\x00\x00\x00\x80",
        0,
        b"0000000               0\n0000004              -0\n0000010\n",
        b"",
    );
}

#[test]
fn legacy_options() {
    check(&["-a", "-b", "-c", "-d", "-D"], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca", 0, b"0000000  vt   0   U   z  us   D   i  so   3   X   }   \"   G   l dc1   6\n        013 060 125 172 237 304 351 016 063 130 175 242 307 354 021 066\n         \\v   0   U   z 237 304 351 016   3   X   } 242 307 354 021   6\n          12299   31317   50335    3817   22579   41597   60615   13841\n             2052403211       250201247      2726123571       907144391\n0000020   [ nul   %   J\n        133 200 245 312\n          [ 200 245 312\n          32859   51877\n             3399843931\n0000024\n", b"");
    check(&["-f", "-i", "-l", "-o", "-O"], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca", 0, b"0000000   2.7673341e+35   5.7628274e-30  -3.4334586e-18   2.1744506e-06\n             2052403211       250201247     -1568843725       907144391\n                    1074606175335821323             3896155494820960307\n         030013  075125  142237  007351  054063  121175  166307  033021\n            17225230013     01672342237     24237254063     06604366307\n0000020      -5423149.5\n             -895123365\n                             3399843931\n         100133  145245\n            31251300133\n0000024\n", b"");
    check(&["-s", "-x", "-X", "-h", "-B"], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca", 0, b"0000000  12299  31317 -15201   3817  22579 -23939  -4921  13841\n          300b   7a55   c49f   0ee9   5833   a27d   ecc7   3611\n             7a55300b      0ee9c49f      a27d5833      3611ecc7\n          300b   7a55   c49f   0ee9   5833   a27d   ecc7   3611\n        030013 075125 142237 007351 054063 121175 166307 033021\n0000020 -32677 -13659\n          805b   caa5\n             caa5805b\n          805b   caa5\n        100133 145245\n0000024\n", b"");
    check(&["-e", "-F", "-H", "-I", "-L"], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca", 0, b"0000000   7.914347548945932e-237   3.0661821934212284e-48\n          7.914347548945932e-237   3.0661821934212284e-48\n            7a55300b    0ee9c49f     a27d5833    3611ecc7\n             1074606175335821323      3896155494820960307\n             1074606175335821323      3896155494820960307\n0000020        1.6797460875e-314\n               1.6797460875e-314\n            caa5805b\n                      3399843931\n                      3399843931\n0000024\n", b"");
}

#[test]
fn address_radix_width_endian() {
    check(&["-Ad", "-tx2"], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca\xef\x149^\x83\xa8\xcd\xf2\x17<a\x86\xab\xd0\xf5\x1a?d\x89\xae\xd3\xf8\x1dBg\x8c\xb1\xd6\xfb Ej\x8f\xb4\xd9\xfe#Hm\x92\xb7\xdc\x01&", 0, b"0000000 300b 7a55 c49f 0ee9 5833 a27d ecc7 3611\n0000016 805b caa5 14ef 5e39 a883 f2cd 3c17 8661\n0000032 d0ab 1af5 643f ae89 f8d3 421d 8c67 d6b1\n0000048 20fb 6a45 b48f fed9 4823 926d dcb7 2601\n0000064\n", b"");
    check(&["-Ax", "-w5", "-tx2"], b"abcdefghijklmnopqrstu\x00\x01\xff", 0, b"000000 6261\n000002 6463\n000004 6665\n000006 6867\n000008 6a69\n00000a 6c6b\n00000c 6e6d\n00000e 706f\n000010 7271\n000012 7473\n000014 0075\n000016 ff01\n000018\n", b"od: warning: invalid width 5; using 2 instead\n");
    check(
        &["-Ao", "-w4", "-c"],
        b"abcdefghij",
        0,
        b"0000000   a   b   c   d\n0000004   e   f   g   h\n0000010   i   j\n0000012\n",
        b"",
    );
    check(&["-An", "-w", "-tx1"], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca\xef\x149^\x83\xa8\xcd\xf2\x17<a\x86\xab\xd0\xf5\x1a?d\x89\xae\xd3\xf8\x1dBg\x8c\xb1\xd6\xfb Ej\x8f\xb4\xd9\xfe#Hm\x92\xb7\xdc\x01&", 0, b" 0b 30 55 7a 9f c4 e9 0e 33 58 7d a2 c7 ec 11 36 5b 80 a5 ca ef 14 39 5e 83 a8 cd f2 17 3c 61 86\n ab d0 f5 1a 3f 64 89 ae d3 f8 1d 42 67 8c b1 d6 fb 20 45 6a 8f b4 d9 fe 23 48 6d 92 b7 dc 01 26\n", b"");
    check(
        &["-w0"],
        b"ab",
        0,
        b"0000000 061141\n0000002\n",
        b"od: warning: invalid width 0; using 2 instead\n",
    );
    check(
        &["--width=3", "-c"],
        b"abcdefg",
        0,
        b"0000000   a   b   c\n0000003   d   e   f\n0000006   g\n0000007\n",
        b"",
    );
    check(&["--endian=big", "-tx2", "-tx4", "-tx8"], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116", 0, b"0000000 0b30 557a 9fc4 e90e 3358 7da2 c7ec 1136\n         0b30557a  9fc4e90e  33587da2  c7ec1136\n           0b30557a9fc4e90e    33587da2c7ec1136\n0000020\n", b"");
    check(
        &["--endian=little", "-tx2"],
        b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116",
        0,
        b"0000000 300b 7a55 c49f 0ee9 5833 a27d ecc7 3611\n0000020\n",
        b"",
    );
    check(
        &["-tx2", "-w1"],
        b"abcd",
        0,
        b"0000000 6261\n0000002 6463\n0000004\n",
        b"od: warning: invalid width 1; using 2 instead\n",
    );
}

#[test]
fn duplicates() {
    check(
        &["-c"],
        b"00000000000000000000000000000000",
        0,
        b"0000000   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0\n*\n0000040\n",
        b"",
    );
    check(&["-c"], b"0000000000000000000000000000000000000000000000001", 0, b"0000000   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0\n*\n0000060   1\n0000061\n", b"");
    check(&["-c", "-v"], b"000000000000000000000000000000000000000000000000", 0, b"0000000   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0\n0000020   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0\n0000040   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0\n0000060\n", b"");
    check(
        &["-tx1", "-w4"],
        b"aaaabbbbbbbbbbbbaaaa",
        0,
        b"0000000 61 61 61 61\n0000004 62 62 62 62\n*\n0000020 61 61 61 61\n0000024\n",
        b"",
    );
    check(&["-c"], b"0000000000000000000000000000000000000", 0, b"0000000   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0\n*\n0000040   0   0   0   0   0\n0000045\n", b"");
}

#[test]
fn skip_and_count() {
    check(
        &["-j", "3", "-c"],
        b"abcdefghij",
        0,
        b"0000003   d   e   f   g   h   i   j\n0000012\n",
        b"",
    );
    check(
        &["-j", "010", "-c"],
        b"abcdefghij",
        0,
        b"0000010   i   j\n0000012\n",
        b"",
    );
    check(
        &["-j", "0x3", "-N", "2", "-c"],
        b"abcdefghij",
        0,
        b"0000003   d   e\n0000005\n",
        b"",
    );
    check(
        &["--skip-bytes=2", "--read-bytes=3", "-c"],
        b"abcdefghij",
        0,
        b"0000002   c   d   e\n0000005\n",
        b"",
    );
    check(
        &["-N", "100", "-c"],
        b"abc",
        0,
        b"0000000   a   b   c\n0000003\n",
        b"",
    );
    check(&["-N", "0", "-c"], b"abc", 0, b"0000000\n", b"");
    check(&["-j", "3", "-c"], b"abc", 0, b"0000003\n", b"");
    check(
        &["-j", "4", "-c"],
        b"abc",
        1,
        b"",
        b"od: cannot skip past end of combined input\n",
    );
    check(
        &["-j", "1k", "-c"],
        b"abc",
        1,
        b"",
        b"od: cannot skip past end of combined input\n",
    );
    check(&["-j", "1b", "-c"], b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0, b"0001000   a\n0001001\n", b"");
    check(&["-j", "1KB", "-c"], b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0, b"0001750   a\n0001751\n", b"");
    check(&["-j", "1KiB", "-c"], b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0, b"0002000   a\n0002001\n", b"");
    check(
        &["-N", "3", "-tx2"],
        b"abcdef",
        0,
        b"0000000 6261 0063\n0000003\n",
        b"",
    );
    check(
        &["-j", "1", "-N", "1", "-tx4"],
        b"abcdef",
        0,
        b"0000001 00000062\n0000002\n",
        b"",
    );
}

#[test]
fn strings() {
    check(
        &["-S3"],
        b"hello\x00wor\x00x\x00abcd",
        0,
        b"0000000 hello\n0000006 wor\n",
        b"",
    );
    check(
        &["-S3", "-N", "10"],
        b"hello\x00wor\x00x\x00abcd\x00",
        0,
        b"0000000 hello\n0000006 wor\n",
        b"",
    );
    check(
        &["-S", "3", "-j", "2", "-Ad"],
        b"hello\x00wor\x00x\x00abcd\x00",
        0,
        b"0000002 llo\n0000006 wor\n0000012 abcd\n",
        b"",
    );
    check(
        &["--strings"],
        b"ab\x00abc\x00\x01abcd\x00tab\x09here\x00",
        0,
        b"0000003 abc\n0000010 abcd\n0000021 here\n",
        b"",
    );
    check(
        &["--strings=1", "-An"],
        b"a\x00b\x00\x00cc\x00",
        0,
        b"a\nb\ncc\n",
        b"",
    );
    check(&["-S5", "-Ax"], b"12345\x001234\x00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\x00", 0, b"000000 12345\n00000b xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", b"");
}

#[test]
fn traditional_offsets() {
    check(
        &["-", "+10"],
        b"abcdefghij",
        0,
        b"0000010 065151\n0000012\n",
        b"",
    );
    check(
        &["-c", "-", "+0x2"],
        b"abcdefghij",
        0,
        b"0000002   c   d   e   f   g   h   i   j\n0000012\n",
        b"",
    );
    check(
        &["-b", "-", "2"],
        b"abcdefghij",
        0,
        b"0000002 143 144 145 146 147 150 151 152\n0000012\n",
        b"",
    );
    check(
        &["--traditional", "-", "+2", "+100"],
        b"abcdefghij",
        0,
        b"0000002 (0000100) 062143 063145 064147 065151\n0000012 (0000110)\n",
        b"",
    );
    check(
        &["--traditional", "-An", "-", "+2", "+100"],
        b"abcdefghij",
        0,
        b"(0000002) 062143 063145 064147 065151\n(0000012)\n",
        b"",
    );
    check(
        &["-tc", "-", "+2"],
        b"abc",
        1,
        b"0000000   a   b   c\n0000003\n",
        b"od: +2: No such file or directory\n",
    );
    check(&["+1"], b"abc", 0, b"0000001 061542\n0000003\n", b"");
}

#[test]
fn errors() {
    check(&["-j", "x"], b"", 1, b"", b"od: invalid -j argument 'x'\n");
    check(
        &["--skip-bytes=x"],
        b"",
        1,
        b"",
        b"od: invalid --skip-bytes argument 'x'\n",
    );
    check(
        &["-j", "1B"],
        b"",
        1,
        b"",
        b"od: invalid suffix in -j argument '1B'\n",
    );
    check(
        &["-N", "99999999999999999999"],
        b"",
        1,
        b"",
        b"od: -N argument '99999999999999999999' too large\n",
    );
    check(&["-wx"], b"", 1, b"", b"od: invalid -w argument 'x'\n");
    check(&["-w-1"], b"", 1, b"", b"od: invalid -w argument '-1'\n");
    check(
        &["-t", "x3"],
        b"",
        1,
        b"",
        b"od: invalid type string 'x3';\nthis system doesn't provide a 3-byte integral type\n",
    );
    check(
        &["-t", "q"],
        b"",
        1,
        b"",
        b"od: invalid character 'q' in type string 'q'\n",
    );
    check(
        &["-t", "x9"],
        b"",
        1,
        b"",
        b"od: invalid type string 'x9';\nthis system doesn't provide a 9-byte integral type\n",
    );
    check(&["-t", "f2"], b"", 1, b"", b"od: invalid type string 'f2';\nthis system doesn't provide a 2-byte floating point type\n");
    check(
        &["-t", "d1x9"],
        b"",
        1,
        b"",
        b"od: invalid type string 'd1x9';\nthis system doesn't provide a 9-byte integral type\n",
    );
    check(
        &["-A", "q"],
        b"",
        1,
        b"",
        b"od: invalid output address radix 'q'; it must be one character from [doxn]\n",
    );
    check(&["-Sx"], b"", 1, b"", b"od: invalid -S argument 'x'\n");
    check(
        &["-S3", "-tx1"],
        b"",
        1,
        b"",
        b"od: no type may be specified when dumping strings\n",
    );
    check(
        &["-j", "1T"],
        b"abc",
        1,
        b"",
        b"od: cannot skip past end of combined input\n",
    );
    check(
        &["-j", "5", "-N", "18446744073709551615"],
        b"",
        1,
        b"",
        b"od: skip-bytes + read-bytes is too large\n",
    );
}

#[test]
fn empty_input() {
    check(&[], b"", 0, b"0000000\n", b"");
    check(&["-c", "-Ad"], b"", 0, b"0000000\n", b"");
    check(&["-An"], b"", 0, b"", b"");
    check(&["-S3"], b"", 0, b"", b"");
    check(&["-An", "-c"], b"a", 0, b"   a\n", b"");
}

#[test]
fn files_are_concatenated() {
    let t = TempDir::new();
    t.write("a", "abcdefghij");
    t.write("b", "KLMNO");
    cmd("od")
        .args(["-c", "-j", "8", "a", "b"])
        .cwd(t.path())
        .run()
        .ok()
        .out("0000010   i   j   K   L   M   N   O\n0000017\n");
    // Skipping over a whole file and part of the next.
    cmd("od")
        .args(["-c", "-j", "12", "a", "b"])
        .cwd(t.path())
        .run()
        .ok()
        .out("0000014   M   N   O\n0000017\n");
    cmd("od")
        .args(["-c", "a", "-", "b"])
        .stdin("12")
        .cwd(t.path())
        .run()
        .ok()
        .out("0000000   a   b   c   d   e   f   g   h   i   j   1   2   K   L   M   N\n0000020   O\n0000021\n");
    // A big file seeks rather than reads.
    let big = vec![b'x'; 100_000];
    let mut data = big.clone();
    data.extend_from_slice(b"end");
    t.write("big", &data);
    cmd("od")
        .args(["-c", "-j", "100000", "big"])
        .cwd(t.path())
        .run()
        .ok()
        .out("0303240   e   n   d\n0303243\n");
    cmd("od")
        .args(["-c", "-j", "100004", "big"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("od: cannot skip past end of combined input\n");
}

#[test]
fn missing_and_unreadable_files() {
    let t = TempDir::new();
    t.write("a", "ab");
    cmd("od")
        .args(["-c", "nofile", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("0000000   a   b\n0000002\n")
        .err("od: nofile: No such file or directory\n");
    cmd("od")
        .args(["-c", "a", "nofile"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("0000000   a   b\n0000002\n")
        .err("od: nofile: No such file or directory\n");
    cmd("od")
        .args(["-c", ".", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("0000000   a   b\n0000002\n")
        .err("od: .: Is a directory\n");
    cmd("od")
        .args(["nofile"])
        .run()
        .status(1)
        .out("")
        .err("od: nofile: No such file or directory\n");
}

#[test]
fn traditional_offset_forms() {
    let t = TempDir::new();
    t.write("f", "abcdefghijklmnopqrst");
    let run = |args: &[&str]| cmd("od").args(args).cwd(t.path()).run();
    // Octal by default, 0x hex, b blocks of 512.
    run(&["-c", "f", "+10"])
        .ok()
        .out("0000010   i   j   k   l   m   n   o   p   q   r   s   t\n0000024\n");
    run(&["-c", "f", "+0x10"])
        .ok()
        .out("0000020   q   r   s   t\n0000024\n");
    run(&["-c", "f", "10"])
        .ok()
        .out("0000010   i   j   k   l   m   n   o   p   q   r   s   t\n0000024\n");
    // A trailing dot means decimal, as POSIX says (GNU 9.1 takes "+10."
    // for a file name).
    run(&["-c", "f", "+16."])
        .ok()
        .out("0000020   q   r   s   t\n0000024\n");
    run(&["-c", "f", "+1b"])
        .status(1)
        .err("od: cannot skip past end of combined input\n");
    // With a modern option the operand is a file.
    run(&["-tc", "f", "+10"])
        .status(1)
        .out("0000000   a   b   c   d   e   f   g   h   i   j   k   l   m   n   o   p\n0000020   q   r   s   t\n0000024\n")
        .err("od: +10: No such file or directory\n");
    // A label shows beside the offset.
    run(&["--traditional", "-c", "f", "+2", "+100"])
        .ok()
        .out("0000002 (0000100)   c   d   e   f   g   h   i   j   k   l   m   n   o   p   q   r\n0000022 (0000120)   s   t\n0000024 (0000122)\n");
    run(&["--traditional", "-c", "f", "1", "2", "3"])
        .status(1)
        .err_has("od: extra operand '1'\nod: compatibility mode supports at most one file\n");
}

#[test]
fn count_leaves_the_rest_of_stdin() {
    sh("printf abcdef | (od -N2 -c; cat)")
        .run()
        .ok()
        .out("0000000   a   b\n0000002\ncdef");
}

#[test]
fn usage_errors_and_write_errors() {
    cmd("od")
        .args(["--endian=mid"])
        .run()
        .status(1)
        .err_has("od: invalid argument 'mid' for '--endian'\nValid arguments are:\n  - 'little'\n  - 'big'\n");
    cmd("od")
        .args(["-k"])
        .run()
        .status(1)
        .err_has("od: invalid option -- 'k'\n");
    cmd("od")
        .arg("-c")
        .stdin("abc")
        .stdout_full()
        .run()
        .status(1)
        .err("od: write error: No space left on device\n");
}

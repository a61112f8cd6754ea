import Testing
@testable import WeirBuiltins
@testable import WeirExpansion

/// One `printf FORMAT ARGS...` run with the output, diagnostics and status that bash 5.2
/// gave in C.UTF-8 (collected with bash, hard-coded here).
struct PrintfCase: Sendable, CustomTestStringConvertible {
    let format: String
    let arguments: [String]
    let stdout: [UInt8]
    let diagnostics: [String]
    let status: Int32

    init(_ format: String, _ arguments: [String], _ stdout: String, _ diagnostics: [String], _ status: Int32) {
        self.format = format
        self.arguments = arguments
        self.stdout = Array(stdout.utf8)
        self.diagnostics = diagnostics
        self.status = status
    }

    init(_ format: String, _ arguments: [String], bytes: [UInt8], _ diagnostics: [String], _ status: Int32) {
        self.format = format
        self.arguments = arguments
        self.stdout = bytes
        self.diagnostics = diagnostics
        self.status = status
    }

    var testDescription: String { "printf \(ShellQuoting.quote(format)) \(arguments.map(ShellQuoting.quote).joined(separator: " "))" }
}

@Suite struct PrintfTests {
    static let cases: [PrintfCase] = [
        PrintfCase("%d|%i|%o|%u|%x|%X\\n", ["42", "-42", "8", "-1", "255", "255"], "42|-42|10|18446744073709551615|ff|FF\n", [], 0),
        PrintfCase("%d\\n", ["08", "0x1G", " 12 ", "+5", "-0x10", "12abc", "", "a", "'A", "\"é", "'"], "0\n1\n12\n5\n-16\n12\n0\n0\n65\n233\n0\n", ["printf: 08: invalid octal number", "printf: 0x1G: invalid hex number", "printf:  12 : invalid number", "printf: 12abc: invalid number", "printf: a: invalid number"], 1),
        PrintfCase("%d %d\\n", ["99999999999999999999", "-99999999999999999999"], "9223372036854775807 -9223372036854775808\n", ["printf: warning: 99999999999999999999: Numerical result out of range", "printf: warning: -99999999999999999999: Numerical result out of range"], 0),
        PrintfCase("%u %x\\n", ["99999999999999999999", "-99999999999999999999"], "18446744073709551615 ffffffffffffffff\n", ["printf: warning: 99999999999999999999: Numerical result out of range", "printf: warning: -99999999999999999999: Numerical result out of range"], 0),
        PrintfCase("%5.3d|%-5d|%05d|%+d|% d|%#o|%#x|%.0d|\\n", ["7", "7", "-7", "7", "7", "8", "255", "0"], "  007|7    |-0007|+7| 7|010|0xff||\n", [], 0),
        PrintfCase("%*d|%-*d|%.*d|\\n", ["5", "1", "5", "2", "3", "4"], "    1|2    |004|\n", [], 0),
        PrintfCase("%*d|\\n", ["-5", "1"], "1    |\n", [], 0),
        PrintfCase("%z\\n", ["1"], "", ["printf: `\\': invalid format character"], 1),
        PrintfCase("%", [], "", ["printf: `%': missing format character"], 1),
        PrintfCase("abc%5", [], "abc", ["printf: `%5': missing format character"], 1),
        PrintfCase("%s %s\\n", ["a", "b", "c"], "a b\nc \n", [], 0),
        PrintfCase("%s\\n", [], "\n", [], 0),
        PrintfCase("x\\n", ["a", "b"], "x\n", [], 0),
        PrintfCase("%d %s\\n", ["1"], "1 \n", [], 0),
        PrintfCase("%ld %hd %lld %jd %zd %Lf %qd\\n", ["1", "2", "3", "4", "5", "6", "7"], "1 2 3 4 5 6.000000 7d\n", [], 0),
        PrintfCase("%z", [], "", ["printf: `%z': missing format character"], 1),
        PrintfCase("%k", [], "", ["printf: `k': invalid format character"], 1),
        PrintfCase("%5k|", ["1"], "", ["printf: `k': invalid format character"], 1),
        PrintfCase("a%zzd|", ["1"], "a1|", [], 0),
        PrintfCase("%-+ #0d|", ["5"], "+5|", [], 0),
        PrintfCase("%5%|", [], "", ["printf: `%': invalid format character"], 1),
        PrintfCase("%-5%|", [], "", ["printf: `%': invalid format character"], 1),
        PrintfCase("%c|%c|%c|%5c|%-3c|\\n", ["abc", "", " ", "x", "y"], "a|\0| |    x|y  |\n", [], 0),
        PrintfCase("%s|%5s|%-5s|%.2s|%5.1s|%.s|%.0s|\\n", ["abc", "ab", "ab", "abc", "abc", "abc", "abc"], "abc|   ab|ab   |ab|    a|||\n", [], 0),
        PrintfCase("%b|\\n", ["a\\tb\\\\c", "\\0101\\101\\x41\\u00e9\\c", "zz"], "a\tb\\c|\nAAAé", [], 0),
        PrintfCase("%b|%s\\n", ["x\\cy", "after"], "x", [], 0),
        PrintfCase("A%sB\\cC\\n", ["1"], "A1B\\cC\n", [], 0),
        PrintfCase("\\101\\0101\\x41\\x4g\\u00e9\\U0001F600\\e\\E\\a\\\"\\?\\'\\q\\z|\\n", [], "A\u{8}1A\u{4}gé😀\u{1B}\u{1B}\u{7}\"?'\\q\\z|\n", [], 0),
        PrintfCase("%5b|%-5b|%.2b|\\n", ["a\\n", "b", "abc"], "   a\n|b    |ab|\n", [], 0),
        PrintfCase("\\x|\\u|\\U|\\xZ|\\uZ\\n", [], "\\x|\\u|\\U|\\xZ|\\uZ\n", ["printf: missing hex digit for \\x", "printf: missing unicode digit for \\u", "printf: missing unicode digit for \\U", "printf: missing hex digit for \\x", "printf: missing unicode digit for \\u"], 0),
        PrintfCase("%b\\n", ["\\x|\\u|\\U|\\xZ|\\uZ\\n"], "\\x|\\u|\\U|\\xZ|\\uZ\n\n", ["printf: missing hex digit for \\x", "printf: missing unicode digit for \\u", "printf: missing unicode digit for \\U", "printf: missing hex digit for \\x", "printf: missing unicode digit for \\u"], 0),
        PrintfCase("%b\\n", ["\\1\\01\\001\\0001\\00001|\\8|\\09"], "\u{1}\u{1}\u{1}\u{1}\01|\\8|\09\n", [], 0),
        PrintfCase("\\1\\01\\001\\0001\\00001|\\8|\\09\\n", [], "\u{1}\u{1}\u{1}\01\001|\\8|\09\n", [], 0),
        PrintfCase("%s|%5s|%b|%5b|\\n", ["", "", "", ""], "|     ||     |\n", [], 0),
        PrintfCase("%f|%e|%E|%g|%G|%a|%A|%F\\n", ["3.14159", "1234.5", "0.00012", "0.0001", "1e20", "1", "255.5", "2.5"], "3.141590|1.234500e+03|1.200000E-04|0.0001|1E+20|0x8p-3|0XF.F8P+4|2.500000\n", [], 0),
        PrintfCase("%5.2f|%-8.3e|%+g|% g|%#g|%010.3f|%#.0f|%.0e\\n", ["3.14159", "1234.5", "2", "2", "2", "-3.5", "3", "15"], " 3.14|1.234e+03|+2| 2|2.00000|-00003.500|3.|2e+01\n", [], 0),
        PrintfCase("%f %f %f %f %f %f\\n", ["0x10", " 1.5", "1.5 ", "abc", "", "'A"], "16.000000 1.500000 1.500000 0.000000 0.000000 65.000000\n", ["printf: 1.5 : invalid number", "printf: abc: invalid number"], 1),
        PrintfCase("%f %g %e %f %a\\n", ["inf", "-inf", "nan", "NaN", "0.1"], "inf -inf nan nan 0xc.ccccccccccccccdp-7\n", [], 0),
        PrintfCase("%.20f %.20g %a %A %.3a\\n", ["0.1", "0.1", "3", "-0.5", "1.2"], "0.10000000000000000000 0.1 0xcp-2 -0X8P-4 0x9.99ap-3\n", [], 0),
        PrintfCase("%f %e\\n", ["1e5000", "1e-5000"], "inf 0.000000e+00\n", ["printf: warning: 1e5000: Numerical result out of range", "printf: warning: 1e-5000: Numerical result out of range"], 0),
        PrintfCase("%g %g %g\\n", ["100000", "1000000", "1e-5"], "100000 1e+06 1e-05\n", [], 0),
        PrintfCase("%d\\n", ["1.5"], "1\n", ["printf: 1.5: invalid number"], 1),
        PrintfCase("%f\\n", ["1,5"], "1.000000\n", ["printf: 1,5: invalid number"], 1),
        PrintfCase("%*.*f|\\n", ["10", "2", "3.14159"], "      3.14|\n", [], 0),
        PrintfCase("%.*s|%.*s|\\n", ["-1", "abc", "99999999999", "abc"], "abc|abc|\n", ["printf: warning: abc: Numerical result out of range"], 0),
        PrintfCase("%q|", ["a b", "", "it's", "a\"b", "~x", "x~", "#a", "a#", "$x", "a*b", "é", "\t", "a\nb", "\u{1}", "a=b", "=a", ",a", "a,b", "{a}", "a:b", "!x", "^x", "%x", "-x", "+x", "@x", "[x]", "a]", "\\", "`", ";", "&", "|", "(", "<", ">", "?"], "a\\ b|''|it\\'s|a\\\"b|\\~x|x~|\\#a|a#|\\$x|a\\*b|é|$'\\t'|$'a\\nb'|$'\\001'|a=b|=a|\\,a|a\\,b|\\{a\\}|a:b|\\!x|\\^x|%x|-x|+x|@x|\\[x\\]|a\\]|\\\\|\\`|\\;|\\&|\\||\\(|\\<|\\>|\\?|", [], 0),
        PrintfCase("%Q|", ["a b", "abc"], "a\\ b|abc|", [], 0),
        PrintfCase("%5q|%-6q|%.2q|", ["a b", "x", "a b"], " a\\ b|x     |a\\|", [], 0),
        PrintfCase("%q", ["a\tb\u{7F}é\u{1B}"], "$'a\\tb\\177é\\E'", [], 0),
        PrintfCase("%q", ["'\\ a"], "\\'\\\\\\ a", [], 0),
        PrintfCase("%q", ["~"], "\\~", [], 0),
        PrintfCase("%q", ["a~"], "a~", [], 0),
        PrintfCase("%q", ["a'\n"], "$'a\\'\\n'", [], 0),
        PrintfCase("%q|", ["a=~", "a:~", "x=~/y", "\u{200B}", "\u{AD}", "\u{E000}", "\u{E0001}", "\u{378}", "\u{2028}", "\u{A0}", "\u{85}", "😀", "\u{3000}", "\u{FEFF}", "a\\b"], "a=\\~|a:\\~|x=\\~/y|\u{200B}|\u{AD}|\u{E000}|\u{E0001}|$'\\315\\270'|$'\\342\\200\\250'|\u{A0}|$'\\302\\205'|😀|\u{3000}|\u{FEFF}|a\\\\b|", [], 0),
        PrintfCase("%b|", ["\\'", "\\\"", "\\?", "\\q", "a\\", "\\UFFFFFFFF", "\\U80000000", "\\x100", "\\0", "\\00000", "\\e\\E"], "\\'|\\\"|\\?|\\q|a\\|||\u{10}0|\0|\00|\u{1B}\u{1B}|", [], 0),
        PrintfCase("a\\", [], "a\\", [], 0),
        PrintfCase("\\'\\\"\\?", [], "'\"?", [], 0),
        PrintfCase("ab\\c", [], "ab\\c", [], 0),
        PrintfCase("%*d|%.*f|", [], "0|0|", [], 0),
        PrintfCase("%s-%*s|", ["a"], "a-|", [], 0),
        PrintfCase("%d %d|", ["1", "2", "3"], "1 2|3 0|", [], 0),
        PrintfCase("%5.2%", [], "", ["printf: `%': invalid format character"], 1),
        PrintfCase("%ls|%lc|", ["abc", "xyz"], "abc|x|", [], 0),
        PrintfCase("%10.4q|", ["a b c"], "      a\\ b|", [], 0),
        PrintfCase("%#s|%+s|%0s|%05s|", ["a", "b", "c", "d"], "a|b|c|    d|", [], 0),
        PrintfCase("%05c|%+c|", ["a", "b"], "    a|b|", [], 0),
        PrintfCase("%#q|%#b", ["a", "b"], "a|b", [], 0),
        PrintfCase("%0-5d|%-05d|%+ d|% +d|%#X|%#o|%#.3o|%#x", ["1", "2", "3", "4", "0", "0", "8", "0"], "1    |2    |+3|+4|0|0|010|0", [], 0),
        PrintfCase("%i|%i|%i", ["0x", "0X1f", "-0x1f"], "0|31|-31", ["printf: 0x: invalid hex number"], 1),
        PrintfCase("%d|", ["'", "\"", "'ab", "\"😀"], "0|0|97|128512|", [], 0),
        PrintfCase("%x|", ["-1", " -1", "+-1", "--1", "- 1", "\t5", "5\\t"], "ffffffffffffffff|ffffffffffffffff|0|0|0|5|5|", ["printf: +-1: invalid number", "printf: --1: invalid number", "printf: - 1: invalid number", "printf: 5\\t: invalid number"], 1),
        PrintfCase("%d|", ["9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616"], "9223372036854775807|9223372036854775807|-9223372036854775808|-9223372036854775808|9223372036854775807|9223372036854775807|", ["printf: warning: 9223372036854775808: Numerical result out of range", "printf: warning: -9223372036854775809: Numerical result out of range", "printf: warning: 18446744073709551615: Numerical result out of range", "printf: warning: 18446744073709551616: Numerical result out of range"], 0),
        PrintfCase("%.*s|", ["99999999999"], "|", [], 0),
        PrintfCase("%.*s|", ["-99999999999", "abc"], "abc|", ["printf: warning: abc: Numerical result out of range"], 0),
        PrintfCase("%.*s|", ["2147483648", "abc"], "abc|", ["printf: warning: abc: Numerical result out of range"], 0),
        PrintfCase("%.*s|", ["x", "abc"], "|", ["printf: x: invalid number"], 1),
        PrintfCase("%d|", [" ", "-", "+", "  -", "0x", "0", "00", "0b1", "1e3", "\n7\n", "99999999999999999999x"], "0|0|0|0|0|0|0|0|1|7|9223372036854775807|", ["printf:  : invalid number", "printf: -: invalid number", "printf: +: invalid number", "printf:   -: invalid number", "printf: 0x: invalid hex number", "printf: 0b1: invalid number", "printf: 1e3: invalid number", "printf: \n7\n: invalid number", "printf: 99999999999999999999x: invalid number"], 1),
        PrintfCase("%S", ["a"], "", ["printf: `S': invalid format character"], 1),
        PrintfCase("%C", ["a"], "", ["printf: `C': invalid format character"], 1),
        PrintfCase("%n|", ["a"], "|", [], 0),
        PrintfCase("ab%nc|", ["v"], "abc|", [], 0),
        PrintfCase("%n|", ["1x"], "", ["printf: `1x': not a valid identifier"], 1),
        PrintfCase("%5(%s)|", ["5"], "%5(5)|", ["printf: warning: `|': invalid time format specification"], 0),
        PrintfCase("%Q|%.2Q|%5Q|", ["a b", "a b", "x"], "a\\ b|a\\ |    x|", [], 0),
        PrintfCase("%.b|%.q|%.Q|%.c|", ["abc", "abc", "abc", "abc"], "|||a|", [], 0),
        PrintfCase("%b|", ["\\u0000x"], "\0x|", [], 0),
        PrintfCase("%-5c|%*c|%-*c|", ["a", "3", "b", "3", "c"], "a    |  b|c  |", [], 0),
        PrintfCase("%-3b|%3b|", ["é", "é"], "é | é|", [], 0),
        PrintfCase("%s", ["%d"], "%d", [], 0),
        PrintfCase("%.3Q|%.0Q|%.*Q|%.Q|%.1Q|%5.1Q|%.2Q|", ["a b c", "abc", "2", "a b", "xyz", "a b", " b", "a b"], "a\\ b|''|a\\ b||a|   \\ |a\\ |", [], 0),
        PrintfCase("%d%b|", ["x", "\\c"], "0", ["printf: x: invalid number"], 0),
        PrintfCase("%d|%b", ["x", "a\\cb"], "0|a", ["printf: x: invalid number"], 0),
        PrintfCase("%.-3d|%-.3d|", ["5", "6"], "%.0-3ld|006|", [], 0),
        PrintfCase("%.-3s|", ["abcdef"], "%.0-3s|", [], 0),
        PrintfCase("%'d|%'.2f", ["1234567", "1234.5"], "1234567|1234.50", [], 0),
        PrintfCase("%d", ["  12"], "12", [], 0),
        PrintfCase("%5d|%-+5d|%x|%o|%X", ["0x7fffffffffffffff", "3", "A", "017", "255"], "9223372036854775807|+3   |0|17|FF", ["printf: A: invalid number"], 1),
        PrintfCase("%c%c%c", ["1", "2"], "12\0", [], 0),
        PrintfCase("%s%%|", ["a", "b"], "a%|b%|", [], 0),
        PrintfCase("%1$s", ["a"], "", ["printf: `$': invalid format character"], 1),
        PrintfCase("%.3c|%.0c|", ["abc", "abc"], "a|a|", [], 0),
        PrintfCase("%-%|", [], "", ["printf: `%': invalid format character"], 1),
        PrintfCase("%hhd|%zu|%Lg|%jx", ["300", "5", "1.5", "255"], "300|5|1.5|ff", [], 0),
        PrintfCase("%e", ["0x1p-2"], "2.500000e-01", [], 0),
        PrintfCase("%g", [" -0"], "-0", [], 0),
        PrintfCase("%.0f %.0f %.0f", ["0.5", "1.5", "2.5"], "0 2 2", [], 0),
        PrintfCase("%f", ["1e308"], "99999999999999999996685879655845645660560099847415567207797047994921734868838061872100126921888539320446747225054013223152134749593960583597420814430196418767959100019603190778663109604507106667939153395788938914560543563061268364901618630217086589253444881623791300855757318142424510452728255046343928578048.000000", [], 0),
        PrintfCase("%G %E", ["inf", "nan"], "INF NAN", [], 0),
        PrintfCase("%05f|%-8.2f|%+.1e|% .3g", ["inf", "1.005", "-12345", "0.000012345"], "  inf|1.00    |-1.2e+04| 1.23e-05", [], 0),
        PrintfCase("%s|", ["été", "ﬁ", "日本語"], "été|ﬁ|日本語|", [], 0),
        PrintfCase("%x %X %o %u", ["'é", "'日", "'a", "\"b"], "e9 65E5 141 98", [], 0),
        PrintfCase("%s %d %s\\n", ["a", "1", "b", "2", "c"], "a 1 b\n2 0 \n", ["printf: c: invalid number"], 1),
        PrintfCase("%d %d %d\\n", ["1", "2", "3", "4"], "1 2 3\n4 0 0\n", [], 0),
        PrintfCase("%%%s%%\\n", ["x"], "%x%\n", [], 0),
        PrintfCase("%b", ["a\\c", "b"], "a", [], 0),
        PrintfCase("%s\\c", ["a"], "a\\c", [], 0),
        PrintfCase("\\0\\00\\000\\0000x", [], "\0\0\0\00x", [], 0),
        PrintfCase("\\x41\\x4\\xg\\x", [], "A\u{4}\\xg\\x", ["printf: missing hex digit for \\x", "printf: missing hex digit for \\x"], 0),
        PrintfCase("\\u41\\U41\\u00E9\\U0001f600\\u20ac", [], "AAé😀€", [], 0),
        PrintfCase("%q", [""], "''", [], 0),
        PrintfCase("%q|", ["*", "?", "[", "a b", "a'b", "a\\b"], "\\*|\\?|\\[|a\\ b|a\\'b|a\\\\b|", [], 0),
        PrintfCase("%.3s|%-7.3s|%7.3s|", ["abcdef", "abcdef", "abcdef"], "abc|abc    |    abc|", [], 0),
        PrintfCase("%+.3e|%.10g|%g|%g", ["1234.5678", "1234.5678", "0.0000123", "123456789"], "+1.235e+03|1234.5678|1.23e-05|1.23457e+08", [], 0),
        PrintfCase("%a|%A", ["0", "-0"], "0x0p+0|-0X0P+0", [], 0),
        PrintfCase("%#x|%#X|%#o", ["255", "255", "8"], "0xff|0XFF|010", [], 0),
        PrintfCase("%o|%x", ["-8", "-255"], "1777777777777777777770|ffffffffffffff01", [], 0),
        PrintfCase("%u", ["-1"], "18446744073709551615", [], 0),
        PrintfCase("%i", ["010"], "8", [], 0),
        PrintfCase("%d|", ["0x7FFFFFFFFFFFFFFF", "0xFFFFFFFFFFFFFFFF", "0x10000000000000000", "-0x8000000000000000", "0777"], "9223372036854775807|9223372036854775807|9223372036854775807|-9223372036854775808|511|", ["printf: warning: 0xFFFFFFFFFFFFFFFF: Numerical result out of range", "printf: warning: 0x10000000000000000: Numerical result out of range"], 0),
        PrintfCase("%u|%x|", ["0xFFFFFFFFFFFFFFFF", "-0xFFFFFFFFFFFFFFFF", "0x10000000000000000"], "18446744073709551615|1|18446744073709551615|0|", ["printf: warning: 0x10000000000000000: Numerical result out of range"], 0),
        PrintfCase("%s", [], "", [], 0),
        PrintfCase("", [], "", [], 0),
        PrintfCase("%s|", ["a", "b", "c"], "a|b|c|", [], 0),
        PrintfCase("\\n", [], "\n", [], 0),
        PrintfCase("noconv", ["a", "b", "c"], "noconv", [], 0),
        PrintfCase("%y%s", ["a"], "", ["printf: `y': invalid format character"], 1),
        PrintfCase("%5.2q|", ["abc"], "   ab|", [], 0),
        PrintfCase("%*s|", ["-3", "a"], "a  |", [], 0),
        PrintfCase("%-*s|", ["-3", "a"], "a  |", [], 0),
        PrintfCase("%0*d|", ["5", "42"], "00042|", [], 0),
        PrintfCase("%.*d|", ["-1", "42"], "42|", [], 0),
        PrintfCase("% 05d|%+05d|%-+5d|", ["42", "42", "42"], " 0042|+0042|+42  |", [], 0),
        PrintfCase("%(%Y-%m)T|%10(%Y)T|%-6(%y)T|%.2(%Y)T|", ["40000000", "40000000", "40000000", "40000000"], "1971-04|      1971|71    |19|", [], 0),
        PrintfCase("%(%s)T|", ["x"], "0|", ["printf: x: invalid number"], 1),
        PrintfCase("%(%s)x|", ["5"], "%(5)x|", ["printf: warning: `x': invalid time format specification"], 0),
        PrintfCase("%(%%)T|", ["0"], "%|", [], 0),
    ]

    @Test(arguments: cases)
    func matchesBash(_ c: PrintfCase) {
        let r = Printf.format(c.format, c.arguments)
        #expect(r.stdout == c.stdout, "stdout: \(String(decoding: r.stdout, as: UTF8.self).debugDescription)")
        #expect(r.diagnostics == c.diagnostics)
        #expect(r.status == c.status)
    }

    /// In a UTF-8 locale (the library's default; the shell follows LC_ALL and friends),
    /// unlike bash 5.2 which prints the first byte, %c prints the whole first character;
    /// the width still counts bytes.
    @Test func percentCPrintsWholeScalar() {
        #expect(Printf.format("%c|", ["日本", "é", "😀x", ""]).stdout == Array("日|é|😀|\0|".utf8))
        #expect(Printf.format("%3c|%-4c|", ["é", "日"]).stdout == Array(" é|日 |".utf8))
    }

    /// The precision of %s, %b and %q counts characters in a UTF-8 locale and never cuts
    /// one (bash 5.2 counts bytes); a byte that is not UTF-8 is a character of its own.
    @Test func precisionCountsCharacters() {
        #expect(Printf.format("%.2s|%.1s|%5.1s|", ["ééé", "日本", "é"]).stdout == Array("éé|日|   é|".utf8))
        #expect(Printf.format("%.2b|", ["\\x80é"]).stdout == [0x80, 0xC3, 0xA9, 0x7C])
        #expect(Printf.format("%.2s|", ["x"]).stdout == Array("x|".utf8))
        // bash 5.2 gives the first byte of é for both precisions here; the widths agree.
        #expect(Printf.format("%.1b|", ["é"]).stdout == Array("é|".utf8))
        #expect(Printf.format("%5s|%-5s|%.1s|", ["é", "é", "é"]).stdout == Array("   é|é   |é|".utf8))
    }

    @Test func timeConversion() {
        #expect(Printf.format("%(%Y)T|%(%s)T", ["40000000", "5"]).stdout == Array("1971|5".utf8))
        let now = Printf.format("%(%s)T", [])
        #expect(now.status == 0 && !now.stdout.isEmpty)
    }

    @Test func escapesAPI() {
        #expect(Escapes.interpret("a\\tb\\c", forFormat: true) == (Array("a\tb\\c".utf8), false))
        let b = Escapes.interpret("a\\tb\\cdef", forFormat: false)
        #expect(b.bytes == Array("a\tb".utf8) && b.stopped)
        #expect(Escapes.interpret("\\0101|\\101|\\'", forFormat: true).bytes == [0x08, 0x31, 0x7C, 0x41, 0x7C, 0x27])
        #expect(Escapes.interpret("\\0101|\\101|\\'", forFormat: false).bytes == Array("A|A|\\'".utf8))
        #expect(Escapes.process(Array("\\101\\0101".utf8), mode: .echo).bytes == Array("\\101A".utf8))
        #expect(Escapes.process(Array("\\x".utf8), mode: .bArgument).diagnostics == ["missing hex digit for \\x"])
        #expect(Escapes.process(Array("\\x".utf8), mode: .echo).diagnostics.isEmpty)
        #expect(Escapes.encodeUTF8(0xE9) == [0xC3, 0xA9])
        #expect(Escapes.encodeUTF8(0xD800) == [0xED, 0xA0, 0x80])
        #expect(Escapes.encodeUTF8(0x7FFF_FFFF) == [0xFD, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF])
        #expect(Escapes.encodeUTF8(0x8000_0000) == [])
    }

    /// `$'...'` / `${x@E}` escapes, as bash 5.2 expands `${x@E}`.
    @Test(arguments: [
        ("a\\cAb\\ca\\c?\\c[", [0x61, 0x01, 0x62, 0x01, 0x7F, 0x1B]),
        ("\\c\\\\x", [0x1C, 0x78]),
        ("x\\c", Array("x\\c".utf8)),
        ("\\'\\\"\\?\\q", Array("'\"?\\q".utf8)),
        ("\\101\\0101\\1\\08", [0x41, 0x08, 0x31, 0x01]),
        ("\\x41\\x{263a}\\x{41}z", Array("A:Az".utf8)),
        ("\\u00e9\\U0001F600\\u", Array("é😀\\u".utf8)),
        ("a\\x|\\x4g|\\777", [0x61, 0x5C, 0x78, 0x7C, 0x04, 0x67, 0x7C, 0xFF]),
    ] as [(String, [UInt8])])
    func dollarQuote(_ input: String, _ expected: [UInt8]) {
        let r = Escapes.process(Array(input.utf8), mode: .dollarQuote)
        #expect(r.bytes == expected)
        #expect(!r.stopped && r.diagnostics.isEmpty)
    }

    @Test func shellQuoting() {
        #expect(ShellQuoting.quote("") == "''")
        #expect(ShellQuoting.quote("a b'c") == "a\\ b\\'c")
        #expect(ShellQuoting.quote("~/x:~") == "\\~/x:\\~")
        #expect(ShellQuoting.quote("a\nb") == "$'a\\nb'")
        #expect(ShellQuoting.quote("日本 語") == "日本\\ 語")
        #expect(ShellQuoting.quote([0xFF, 0x41]) == Array("$'\\377A'".utf8))
    }
}

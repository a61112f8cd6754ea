import Glibc
import Testing
@testable import WeirSyntax

import WeirTestSupport

func parse(_ text: String, name: String = "-c") throws -> Program {
    try Parser(source: SourceFile(name: name, text: text)).parseProgram()
}

/// The printed tree of `text`, or the error message.
func ast(_ text: String) -> String {
    do { return ASTPrinter.print(try parse(text)) } catch { return "ERROR: \(error)" }
}

/// The syntax error `text` gives; nil when it parses.
func syntaxError(_ text: String) -> SyntaxError? {
    do {
        _ = try parse(text)
        return nil
    } catch let e as SyntaxError {
        return e
    } catch {
        return nil
    }
}

/// The whole tree folded onto one line, whitespace runs squeezed: handy for `contains`.
func flat(_ text: String) -> String {
    var out = ""
    var lastSpace = false
    for ch in ast(text) {
        if ch == "\n" || ch == " " {
            if !lastSpace { out.append(" ") }
            lastSpace = true
        } else {
            out.append(ch)
            lastSpace = false
        }
    }
    return out.replacingSpaceBeforeParen()
}

extension String {
    func replacingSpaceBeforeParen() -> String {
        var out = ""
        var pendingSpace = false
        for ch in self {
            if ch == " " { pendingSpace = true; continue }
            if pendingSpace && ch != ")" { out.append(" ") }
            pendingSpace = false
            out.append(ch)
        }
        return out
    }
}


extension SourceFile {
    /// Source text written in a test as a Swift string (its UTF-8 bytes).
    convenience init(name: String, text: String) {
        self.init(name: ByteString(name), bytes: Array(text.utf8))
    }
}

import WeirSyntax
@testable import WeirExpansion

// The tables of bash's answers are written as Swift strings; these adapters hand them to
// the byte-string API as their UTF-8 bytes and give results back as strings.

extension ShellPattern {
    convenience init(_ pattern: String, extglob: Bool = true, caseInsensitive: Bool = false) {
        self.init(ByteString(pattern), extglob: extglob, caseInsensitive: caseInsensitive)
    }

    func matches(_ s: String) -> Bool { matches(ByteString(s)) }

    func matchesFileName(_ name: String, dotglob: Bool) -> Bool { matchesFileName(ByteString(name), dotglob: dotglob) }

    func removeMatchingPrefix(from s: String, longest: Bool) -> String {
        removeMatchingPrefix(from: ByteString(s), longest: longest).description
    }

    func removeMatchingSuffix(from s: String, longest: Bool) -> String {
        removeMatchingSuffix(from: ByteString(s), longest: longest).description
    }

    func replace(in s: String, with replacement: String, mode: ReplaceMode, ampersandIsMatch: Bool) -> String {
        replace(in: ByteString(s), with: ByteString(replacement), mode: mode, ampersandIsMatch: ampersandIsMatch).description
    }

    func shortestPrefix(of s: String) -> Int? { shortestPrefix(of: ByteString(s)) }
    func longestPrefix(of s: String) -> Int? { longestPrefix(of: ByteString(s)) }
    func shortestSuffix(of s: String) -> Int? { shortestSuffix(of: ByteString(s)) }
    func longestSuffix(of s: String) -> Int? { longestSuffix(of: ByteString(s)) }

    static func escape(_ s: String) -> String { escape(ByteString(s)).description }
    static func unescape(_ s: String) -> String { unescape(ByteString(s)).description }
}

extension PathnameExpansion {
    static func expand(_ pattern: String, options: GlobOptions, relativeTo directory: String? = nil) -> [String] {
        expand(ByteString(pattern), options: options, relativeTo: directory.map { ByteString($0) }).map(\.description)
    }
}

extension String {
    /// The text from a byte offset on, and up to one.
    func bytes(from offset: Int) -> String { String(decoding: Array(utf8)[offset...], as: UTF8.self) }
    func bytes(upTo offset: Int) -> String { String(decoding: Array(utf8)[..<offset], as: UTF8.self) }
}

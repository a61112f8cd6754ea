import WeirSyntax
/// `[A-Za-z_][A-Za-z0-9_]*`: a shell variable name.
public func isValidName(_ s: ByteString) -> Bool {
    guard let f = s.first, f == UInt8(ascii: "_") || (f | 0x20 >= UInt8(ascii: "a") && f | 0x20 <= UInt8(ascii: "z")) else {
        return false
    }
    return s.allSatisfy { b in
        b == UInt8(ascii: "_") || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z"))
    }
}

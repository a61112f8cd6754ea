import WeirSyntax
/// `[A-Za-z_][A-Za-z0-9_]*`: a shell variable name.
public func isValidName(_ s: ByteString) -> Bool {
    // Over the bytes in place: iterating the ByteString itself asked its storage for each
    // byte (about 300 instructions for a short name, at every variable imported).
    s.withUnsafeBufferPointer { bytes in
        guard let f = bytes.first, f == UInt8(ascii: "_") || (f | 0x20 >= UInt8(ascii: "a") && f | 0x20 <= UInt8(ascii: "z")) else {
            return false
        }
        for b in bytes where !(b == UInt8(ascii: "_") || (b >= 0x30 && b <= 0x39)
                                || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z"))) {
            return false
        }
        return true
    }
}

import Glibc
import Testing
import WeirExpansion

@Suite struct UserAccountsTests {
    @Test func readsNamesIDsAndHomesAndSkipsMalformedLines() throws {
        var template = Array("/tmp/weir-passwd-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        try #require(fd >= 0)
        let path = String(cString: template)
        defer { unlink(path) }
        let text = """
            root:x:0:0:root:/root:/bin/bash
            # a comment
            broken:x:notanumber:0::/nowhere:/bin/sh
            short:x:5
            ann:x:1000:1000:Ann,,,:/home/ann:/usr/bin/weir

            """
        _ = text.utf8CString.withUnsafeBytes { write(fd, $0.baseAddress, $0.count - 1) }
        close(fd)
        let accounts = UserAccounts.all(file: path)
        #expect(accounts.map(\.name) == ["root", "ann"])
        #expect(accounts.map(\.uid) == [0, 1000])
        #expect(accounts.map(\.home) == ["/root", "/home/ann"])
        #expect(UserAccounts.all(file: path + ".missing").isEmpty)
    }
}

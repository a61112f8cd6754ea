import WeirSyntax

import Glibc

/// User accounts read straight from `/etc/passwd`.
///
/// weir is a static executable, and in a static glibc `getpwnam` loads NSS modules
/// with `dlopen`: a lookup that reaches `libnss_systemd` (any user not in the file)
/// crashes the process. Reading the file ourselves is what a static shell must do.
public struct UserAccount {
    public var name: ByteString
    public var uid: UInt32
    public var home: ByteString
    /// The login shell (empty when the file names none).
    public var shell: ByteString = ""
}

public enum UserAccounts {
    /// Every entry of the password file, in file order.
    public static func all(file: String = "/etc/passwd") -> [UserAccount] {
        guard let bytes = readWholeFile(file) else { return [] }
        var accounts: [UserAccount] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            // name:password:uid:gid:gecos:home:shell
            let fields = line.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            guard fields.count >= 6, !fields[0].isEmpty, fields[0].first != UInt8(ascii: "#"),
                  let uid = UInt32(ByteString(fields[2])) else { continue }
            accounts.append(UserAccount(name: ByteString(fields[0]), uid: uid, home: ByteString(fields[5]),
                                        shell: fields.count > 6 ? ByteString(fields[6]) : ""))
        }
        return accounts
    }

    /// The account called `name`.
    public static func named(_ name: ByteString) -> UserAccount? {
        all().first { $0.name == name }
    }

    /// The first account with user id `uid`.
    public static func withID(_ uid: uid_t) -> UserAccount? {
        all().first { $0.uid == uid }
    }
}

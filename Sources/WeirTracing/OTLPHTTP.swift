import Glibc
import WeirSyntax

/// OTLP over HTTP: the OTLP/JSON payload POSTed to a collector named by
/// `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (used as it is) or `OTEL_EXPORTER_OTLP_ENDPOINT`
/// (with `/v1/traces` added), as OpenTelemetry's exporters do. Plain `http://` only; the
/// connection and the answer each get two seconds, so a collector that is down costs a
/// message, never a hang.
public struct OTLPEndpoint: Equatable {
    public let host: String
    public let port: String
    public let path: String

    /// From the shell's variables: the traces endpoint, else the base endpoint.
    public init?(traces: ByteString?, base: ByteString?) {
        if let t = traces, !t.isEmpty {
            self.init(url: String(decoding: t.bytes, as: UTF8.self), appending: nil)
        } else if let b = base, !b.isEmpty {
            self.init(url: String(decoding: b.bytes, as: UTF8.self), appending: "v1/traces")
        } else {
            return nil
        }
    }

    init?(url: String, appending suffix: String?) {
        guard url.hasPrefix("http://") else { return nil }
        let rest = url.dropFirst(7)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        var path = String(rest[slash...])
        if let suffix {
            if !path.hasSuffix("/") { path += "/" }
            path += suffix
        }
        if path.isEmpty { path = "/" }
        if let colon = authority.lastIndex(of: ":"), !authority.hasPrefix("[") {
            host = String(authority[..<colon])
            port = String(authority[authority.index(after: colon)...])
        } else {
            host = String(authority)
            port = "4318"
        }
        guard !host.isEmpty, !port.isEmpty, port.allSatisfy(\.isNumber) else { return nil }
        self.path = path
    }

    public var description: String { "http://\(host):\(port)\(path)" }

    /// Sends `body`; nil when the collector answered 2xx, else what went wrong.
    public func post(_ body: String) -> String? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, port, &hints, &list)
        guard rc == 0, let first = list else { return String(cString: gai_strerror(rc)) }
        defer { freeaddrinfo(list) }
        var failure = "no address"
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let a = node {
            node = a.pointee.ai_next
            let fd = socket(a.pointee.ai_family, a.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), a.pointee.ai_protocol)
            guard fd >= 0 else { failure = String(cString: strerror(errno)); continue }
            defer { close(fd) }
            if let error = connect(fd, a.pointee.ai_addr, a.pointee.ai_addrlen) { failure = error; continue }
            return exchange(fd, body)
        }
        return failure
    }

    /// A connect that gives up after two seconds.
    private func connect(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: socklen_t) -> String? {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(fd, F_SETFL, flags) }
        if Glibc.connect(fd, address, length) == 0 { return nil }
        guard errno == EINPROGRESS else { return String(cString: strerror(errno)) }
        var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        guard poll(&p, 1, 2000) == 1 else { return "connection timed out" }
        var error: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size)
        return error == 0 ? nil : String(cString: strerror(error))
    }

    private func exchange(_ fd: Int32, _ body: String) -> String? {
        let payload = Array(body.utf8)
        let head = "POST \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(payload.count)\r\nConnection: close\r\nUser-Agent: weir\r\n\r\n"
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        for part in [Array(head.utf8), payload] {
            var sent = 0
            while sent < part.count {
                let n = part.withUnsafeBytes { send(fd, $0.baseAddress! + sent, part.count - sent, Int32(MSG_NOSIGNAL)) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return String(cString: strerror(errno)) }
                sent += n
            }
        }
        // The status line: `HTTP/1.1 200 OK`.
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        while !answer.contains(0x0A) && answer.count < 4096 {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            answer += buffer[..<n]
        }
        let line = String(decoding: answer.prefix { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self)
        let words = line.split(separator: " ")
        guard words.count >= 2, words[0].hasPrefix("HTTP/") else { return line.isEmpty ? "no answer" : "answer `\(line)`" }
        return words[1].hasPrefix("2") ? nil : "HTTP " + words.dropFirst().joined(separator: " ")
    }
}

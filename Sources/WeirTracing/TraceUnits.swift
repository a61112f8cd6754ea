import WeirSyntax
/// Humane units for the trace table: KiB/MiB, ms/s, 1,234,567.
public enum TraceUnits {
    public static func bytes(_ n: Int64) -> String {
        if n < 1024 { return "\(n) B" }
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var v = Double(n) / 1024
        var u = 0
        while v >= 1024 && u < units.count - 1 { v /= 1024; u += 1 }
        return fixed(v, v < 10 ? 2 : (v < 100 ? 1 : 0)) + " " + units[u]
    }

    public static func duration(_ s: Double) -> String {
        if s < 0.001 { return fixed(s * 1000, 2) + " ms" }
        if s < 1 { return fixed(s * 1000, s < 0.1 ? 1 : 0) + " ms" }
        if s < 60 { return fixed(s, 2) + " s" }
        let m = Int(s / 60)
        return "\(m)m" + fixed(s - Double(m * 60), 1) + "s"
    }

    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    public static func count(_ n: Int64) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `v` with `digits` decimals, without Foundation.
    public static func fixed(_ v: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = Int64((max(0, v) * scale).rounded())
        let whole = n / Int64(scale), frac = n % Int64(scale)
        if digits == 0 { return String(whole) }
        let f = String(frac)
        return String(whole) + "." + String(repeating: "0", count: digits - f.count) + f
    }
}

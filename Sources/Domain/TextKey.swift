/// The one normalisation for everything matched by name: headers, enumerations, yes/no.
/// Case, `ё`/`е`, dash variants, spaces (also around dashes and slashes) and a trailing `*` do not count.
public enum TextKey {
    static let dashes: Set<Character> = ["-", "‐", "‑", "‒", "–", "—", "―", "−"]

    public static func normalize(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for ch in text.lowercased() {
            if ch.isWhitespace || ch == "\u{A0}" || ch == "_" {
                pendingSpace = !out.isEmpty
                continue
            }
            var c = ch
            if c == "ё" { c = "е" }
            if dashes.contains(c) { c = "-" }
            let joiner = c == "-" || c == "/"
            if pendingSpace && !joiner && out.last != "-" && out.last != "/" { out.append(" ") }
            pendingSpace = false
            out.append(c)
        }
        while out.last == "*" || out.last == " " { out.removeLast() }
        return out
    }
}

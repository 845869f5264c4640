/// The delimiters a school's Excel may have used.
public enum Delimiter: UInt8, CaseIterable, Sendable, Codable {
    case semicolon = 0x3B
    case comma = 0x2C
    case tab = 0x09

    public var name: String {
        switch self {
        case .semicolon: "точка с запятой (;)"
        case .comma: "запятая (,)"
        case .tab: "табуляция"
        }
    }

    /// Counts each candidate in the first record (outside quotes) and takes the most frequent;
    /// on a tie `;` wins over tab over `,`, the order in which Russian Excel produces them.
    public static func detect(_ text: [UInt8]) -> Delimiter {
        var counts: [UInt8: Int] = [:]
        var quoted = false
        var seenContent = false
        for byte in text {
            if byte == 0x22 {
                quoted.toggle()
            } else if !quoted {
                if byte == 0x0A || byte == 0x0D {
                    if seenContent { break }
                    continue  // leading blank lines
                }
                seenContent = true
                if byte == 0x3B || byte == 0x2C || byte == 0x09 { counts[byte, default: 0] += 1 }
            }
        }
        let ranked: [Delimiter] = [.semicolon, .tab, .comma]
        return ranked.max { counts[$0.rawValue, default: 0] < counts[$1.rawValue, default: 0] } ?? .semicolon
    }
}

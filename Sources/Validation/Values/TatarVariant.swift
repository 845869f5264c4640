import Domain

/// Tatar letters (ә ө ү җ ң һ) do not exist in Windows-1251; its Tatar variant puts them where
/// Ђ ђ Љ љ Њ њ Ќ ќ Ћ ћ Џ џ stand. Names holding those letters mean the file was saved that way:
/// one warning for the file, at the first such name.
struct TatarVariant {
    private var hits = 0
    private var first: (record: Int, column: Column, value: String)?

    /// Whether the cell holds one of the letters: in Windows-1251 the bytes 80 8A 8C 8D 8E 8F
    /// (Ђ Љ Њ Ќ Ћ Џ) and 90 9A 9C 9D 9E 9F (ђ љ њ ќ ћ џ); in UTF-8, D0 followed by 82 89 8A 8B 8C 8F
    /// or D1 followed by 92 99 9A 9B 9C 9F.
    static func contains(_ cell: Cell) -> Bool {
        let b = cell.bytes
        if cell.windows1251 {
            return b.contains { byte in
                switch byte {
                case 0x80, 0x8A, 0x8C, 0x8D, 0x8E, 0x8F, 0x90, 0x9A, 0x9C, 0x9D, 0x9E, 0x9F: true
                default: false
                }
            }
        }
        guard b.count > 1 else { return false }
        for i in 0..<(b.count - 1) where b[i] == 0xD0 || b[i] == 0xD1 {
            switch b[i + 1] & 0xEF {  // clears the bit that tells 8x from 9x
            case 0x82, 0x89, 0x8A, 0x8B, 0x8C, 0x8F:
                if (b[i] == 0xD0) == (b[i + 1] < 0x90) { return true }
            default: break
            }
        }
        return false
    }

    mutating func note(_ cell: Cell?, _ column: Column, _ record: Int) {
        guard let cell, Self.contains(cell) else { return }
        hits += 1
        if first == nil { first = (record, column, cell.string) }
    }

    func report(_ check: FileCheck) {
        guard let first else { return }
        check.report(
            .warning, first.record, first.column, value: first.value,
            "В именах встречаются буквы Ђ, Љ, Ќ, Џ и подобные (\(hits) раз): похоже, файл сохранён в татарской "
                + "кодировке и буквы ә, ө, ү, җ, ң, һ искажены. Сохраните таблицу как «CSV UTF-8» и отправьте заново.")
    }
}

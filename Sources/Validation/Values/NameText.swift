/// What a part of a person's name may hold: letters of any alphabet (Cyrillic, Tatar, Latin…) and,
/// between them, a space, a hyphen, an apostrophe, a period or parentheses (`Мамедов-Алиев`,
/// `Али оглы`, `д’Артаньян`, `Иванова (Петрова)`). Anything else — `=` of a formula, `<` of
/// markup, a digit of a shifted column — is no name: the cell is an error, and the value never
/// reaches a workbook or a page as a name.
enum NameText {
    /// The characters of `text` no name has, each once, in order; empty for a name.
    static func strangeCharacters(_ text: String) -> [Character] {
        if isPlainName(text.utf8) { return [] }
        var strange: [Character] = []
        for character in text where !isNameCharacter(character) && !strange.contains(character) { strange.append(character) }
        return strange
    }

    /// Most names, told from their bytes without decoding characters (the validator sees every
    /// row): Latin letters, the allowed signs, and the Cyrillic letters of U+0400–U+047F (lead bytes
    /// D0 and D1). Anything else is looked at character by character.
    static func isPlainName(_ bytes: String.UTF8View) -> Bool {
        var expectContinuation = false
        for byte in bytes {
            if expectContinuation {
                guard byte & 0xC0 == 0x80 else { return false }
                expectContinuation = false
                continue
            }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: " "), UInt8(ascii: "-"),
                UInt8(ascii: "'"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"):
                continue
            case 0xD0, 0xD1:
                expectContinuation = true
            default:
                return false
            }
        }
        return !expectContinuation
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        if character.isLetter { return true }
        switch character {
        case " ", "-", "\u{2010}", "\u{2011}", "\u{2013}", "'", "\u{2019}", "\u{02BC}", "`", ".", "(", ")": return true
        default: return false
        }
    }
}

/// What a part of a person's name may hold: letters of any alphabet (Cyrillic, Tatar, Latin…) and,
/// between them, a space, a hyphen, an apostrophe, a period or parentheses (`Мамедов-Алиев`,
/// `Али оглы`, `д’Артаньян`, `Иванова (Петрова)`). Anything else — `=` of a formula, `<` of
/// markup, a digit of a shifted column — is no name: the cell is an error, and the value never
/// reaches a workbook or a page as a name.
enum NameText {
    /// The characters of `text` no name has, each once, in order; empty for a name.
    static func strangeCharacters(_ text: String) -> [Character] {
        var strange: [Character] = []
        for character in text where !isNameCharacter(character) && !strange.contains(character) { strange.append(character) }
        return strange
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        if character.isLetter { return true }
        switch character {
        case " ", "-", "\u{2010}", "\u{2011}", "\u{2013}", "'", "\u{2019}", "\u{02BC}", "`", ".", "(", ")": return true
        default: return false
        }
    }
}

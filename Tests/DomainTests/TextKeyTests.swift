import Testing

@testable import Domain

struct TextKeyTests {
    @Test func normalisation() {
        #expect(TextKey.normalize("  Педагогический   стаж, лет* ") == "педагогический стаж, лет")
        #expect(TextKey.normalize("Учитель — учитель") == TextKey.normalize("учитель-учитель"))
        #expect(TextKey.normalize("Ёлка") == "елка")
        #expect(TextKey.normalize("last_name") == "last name")
    }

    @Test func casesDashesSpacesAndComposition() {
        #expect(TextKey.normalize("ЁЛКА Ёж") == "елка еж")
        #expect(TextKey.normalize("Педагог\u{A0}–\u{A0}педагог") == "педагог-педагог")
        #expect(TextKey.normalize("педагог вуза / колледжа ― молодой педагог") == "педагог вуза/колледжа-молодой педагог")
        #expect(TextKey.normalize("СНИЛС_наставника **") == "снилс наставника")
        #expect(TextKey.normalize("Отчество".decomposedStringWithCanonicalMapping) == "отчество")
        #expect(TextKey.normalizedBytes("Отчество".decomposedStringWithCanonicalMapping) == Array("отчество".utf8))
        #expect(TextKey.normalize("Ёлка".decomposedStringWithCanonicalMapping) == "елка")
        #expect(TextKey.normalize("ÉCOLE\tΣΟΦΊΑ") == "école σοφία")
        #expect(TextKey.normalize("  \n ") == "")
        #expect(TextKey.normalize("a\u{2003}b") == "a b", "an em space is a space")
    }
}

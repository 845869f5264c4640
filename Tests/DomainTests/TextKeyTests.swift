import Testing

@testable import Domain

struct TextKeyTests {
    @Test func normalisation() {
        #expect(TextKey.normalize("  Педагогический   стаж, лет* ") == "педагогический стаж, лет")
        #expect(TextKey.normalize("Учитель — учитель") == TextKey.normalize("учитель-учитель"))
        #expect(TextKey.normalize("Ёлка") == "елка")
        #expect(TextKey.normalize("last_name") == "last name")
    }
}

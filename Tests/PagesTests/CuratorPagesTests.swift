import Domain
import Testing

@testable import Pages

/// The curators' page shows a verdict's findings by kind: one line for 37 rows with the same
/// problem, the first rows named, errors before warnings; every finding still in the table.
struct CuratorPagesTests {
    func finding(_ severity: Severity, row: Int?, column: String?, value: String?, _ message: String) -> Finding {
        Finding(severity, file: "наставники.csv", row: row, column: column, value: value, message: message)
    }

    @Test func findingsAreGroupedByKindWhateverTheirValues() {
        var findings = (0..<37).map { i in
            finding(
                .error, row: i + 2, column: "СНИЛС", value: "123-456-7\(10 + i) 00",
                "СНИЛС 123-456-7\(10 + i) 00: неверная контрольная сумма — проверьте номер.")
        }
        findings.insert(finding(.warning, row: 3, column: "Должность", value: "Методист", "«Методист» — не из списка должностей."), at: 5)
        findings.append(
            finding(.error, row: 9, column: "Фамилия", value: "=1", "«=1» — в имени не бывает знаков «=», «1»: укажите фамилию буквами."))
        let groups = FindingGroup.of(findings)
        #expect(groups.map(\.count) == [37, 1, 1])
        #expect(groups[0].title == "«СНИЛС»: СНИЛС …: неверная контрольная сумма — проверьте номер.")
        #expect(groups[0].summary == "37 строк (ошибка): 2, 3, 4, 5, 6 и ещё 32")
        #expect(groups[1].severity == .error && groups[2].severity == .warning)
        #expect(groups[2].summary == "1 строка (предупреждение): 3")
    }

    @Test(arguments: [(1, "1 строка"), (2, "2 строки"), (5, "5 строк"), (11, "11 строк"), (21, "21 строка"), (104, "104 строки")])
    func rowsAreCountedTheRussianWay(_ n: Int, _ text: String) {
        #expect(FindingGroup.rowsWord(n) == text)
    }

    @Test func aVerdictShowsItsKindsAndEveryFindingEscaped() {
        let findings = [
            finding(
                .error, row: 2, column: "Фамилия", value: "<img>", "«<img>» — в имени не бывает знаков «<», «>»: укажите фамилию буквами.")
        ]
        let verdict = CuratorPages.Verdict(
            label: "наставники.csv", verdict: "отклонён", errors: 1, warnings: 0, findings: findings, reliedOn: [], reliedOnOtherSchools: 0)
        var page = HTMLText()
        CuratorPages.verdict(&page, verdict)
        #expect(page.string.contains("наставники.csv: отклонён (ошибок: 1, предупреждений: 0)"))
        #expect(page.string.contains("<details><summary>Все замечания (1)</summary>"))
        #expect(!page.string.contains("<img>") && page.string.contains("&lt;img&gt;"))
    }
}

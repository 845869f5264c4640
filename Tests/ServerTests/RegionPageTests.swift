import CommandTestSupport
import Foundation
import Testing

/// One level up, the same door: a district's office signs in at the region's page with the
/// district's code, sends its package and reads the region's verdict at once; the region's
/// official sees what each district sent and returns a package from the page with a reason; the
/// district sees the return on its page.
struct RegionPageTests {
    @Test(.timeLimit(.minutes(3)))
    func aDistrictSendsItsPackageAndTheRegionReturnsIt() throws {
        let district = try Levels.district("d-one", schools: 2, teachers: 30)
        #expect(try district.run().status == 0)
        let files = try CommandRunner.scratch(["d-one-2026-H1.xlsx": try Levels.package(district, "d-one-2026-H1.xlsx")])
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        let region = try Levels.level("region", code: "reg", units: ["d-one", "d-two"])
        let server = try ServerProcess(region)
        let districtCode = try server.issue("d-one")
        let regionCode = try server.issue("region")
        let browser = try WebDriver()

        try browser.go(server.url + "/")
        try browser.type("#folder", "d-one")
        try browser.type("#code", districtCode)
        try browser.click("#signin-button")
        #expect(try browser.wait(for: "пакет за полугодие"))
        try browser.type("#files", files.appendingPathComponent("d-one-2026-H1.xlsx").path)
        #expect(try browser.wait(for: "d-one-2026-H1.xlsx: принят"))
        #expect(region.files(under: region.inbox) == ["d-one/d-one-2026-H1.xlsx"])
        try browser.click("#signout")

        // The night takes it; the region's official sees it, and returns it with a reason.
        #expect(try region.run(["--as-of", today]).status == 0)
        try browser.go(server.url + "/")
        try browser.type("#folder", "region")
        try browser.type("#code", regionCode)
        try browser.click("#signin-button")
        #expect(try browser.wait(for: "Пакет за 2026-H1: принят"))
        try browser.type("#units form.return input[name=reason]", "не сходятся сведения о педагогах")
        try browser.click("#units form.return button")
        #expect(try browser.wait(for: "Пакет за 2026-H1: возвращён"))
        #expect(try browser.text().contains("не сходятся сведения о педагогах"))
        #expect(try region.text("var/audit/uploads.jsonl").contains("\"action\":\"return\""))
        try browser.click("#signout")

        // The district sees the return.
        try browser.go(server.url + "/")
        try browser.type("#folder", "d-one")
        try browser.type("#code", districtCode)
        try browser.click("#signin-button")
        #expect(try browser.wait(for: "Пакеты, принятые за полугодия"))
        #expect(try browser.wait(for: "Пакет за 2026-H1: возвращён"))
        #expect(try browser.text().contains("не сходятся сведения о педагогах"))
    }
}

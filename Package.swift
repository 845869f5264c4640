// swift-tools-version:6.1
import PackageDescription

// Data flows one way, and so do the module dependencies:
//   Reading → Validation → Judgement → Registry → (snapshot) → Deadlines → Figures → Workbooks, Pages, Reports
// with Pipeline moving the files through those stages and CLI on top. Domain is the shared
// vocabulary; Config reads config/. The C libraries are reached only through Reading (libcsv,
// libxml2) and XLSX (libxlsxwriter), SQLite only through Registry.
// Linux only (Debian's packages; CXLSXTuning needs glibc).
// The reader and validator touch every byte of every file; in release builds they skip the runtime
// exclusivity checks on class properties, which cost ~10% there (BENCHMARKS.md). Debug builds and
// tests keep them.
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "nastavnik",
    products: [
        .executable(name: "nastavnik", targets: ["nastavnik"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The curators' page: Hummingbird 2 on SwiftNIO, without its swift-configuration support.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // C libraries from Debian (libcsv-dev, libxlsxwriter-dev); only their wrappers import them.
        .systemLibrary(name: "CCSV", path: "Sources/CCSV"),
        .systemLibrary(name: "CXLSXWriter", path: "Sources/CXLSXWriter", pkgConfig: "xlsxwriter"),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0"),

        // The district's vocabulary: datasets, dates, findings, typed records, the registry's snapshot,
        // where the outputs go.
        .target(name: "Domain"),
        // What every stage uses and none owns: work spread over the cores, hexadecimal digests.
        .target(name: "Toolkit"),
        // Bytes → table: encoding and delimiter detection, libcsv; `.xlsx` sheets (ZIPFoundation, libxml2's SAX).
        .target(
            name: "Reading", dependencies: ["CCSV", "CLibXML2", "Domain", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: hotPath),
        // Table → typed records + findings: every rule of SPEC §4 for one file.
        .target(name: "Validation", dependencies: ["Domain", "Reading"], swiftSettings: hotPath),
        // config/: nastavnik.toml, schools.csv, roadmap.csv (module Config; swift-configuration, which
        // Hummingbird brings, has the name Configuration).
        .target(
            name: "Config",
            dependencies: [
                "Toolkit", "Domain", "Reading", "Validation", .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // A night's files judged together (SPEC §5): apply order, people directory, spellings,
        // strict mode, repeats, verdicts. The same for `validate` and `run`.
        .target(name: "Judgement", dependencies: ["Toolkit", "Domain", "Reading", "Validation", "Config"]),
        // The municipal registry in SQLite (GRDB): snapshots with their history.
        .target(
            name: "Registry",
            dependencies: ["Domain", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // Roadmap and programme deadlines: the order's `Срок` texts read, judged as of a date.
        .target(name: "Deadlines", dependencies: ["Domain", "Config"]),
        // The night's figures from the registry's snapshot: statform, monitoring, roadmap, listings.
        .target(name: "Figures", dependencies: ["Domain", "Config", "Deadlines"]),
        // The package a level sends up: its contract (sheets, columns, checksum), read back and judged
        // at the level above.
        .target(
            name: "Packages",
            dependencies: ["Toolkit", "Domain", "Reading", "Figures", "Judgement", .product(name: "Crypto", package: "swift-crypto")]),
        // What libxlsxwriter cannot be told: its deflate level and its part files (see its C files).
        .target(name: "CXLSXTuning", linkerSettings: [.linkedLibrary("xlsxwriter"), .linkedLibrary("z"), .linkedLibrary("dl")]),
        // libxlsxwriter behind a small Swift layer: workbooks, sheets, styles, charts.
        .target(name: "XLSX", dependencies: ["CXLSXWriter", "CXLSXTuning", "Domain"]),
        // Word documents (WordprocessingML) written through ZIPFoundation: headings, paragraphs, tables.
        .target(name: "DOCX", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // What the district and the schools receive in outbox/ (SPEC §7), and the templates: layout only.
        .target(
            name: "Workbooks",
            dependencies: [
                "Toolkit",
                "Domain", "XLSX", "Config", "Deadlines", "Figures", "Validation", "Packages",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Writers of web pages: a school's website section, the level's overview, the curators' pages;
        // built a piece at a time (HTMLText, which escapes every value), a level's page by a Mustache
        // template.
        .target(
            name: "Pages",
            dependencies: ["Domain", "Config", "Deadlines", "Figures", .product(name: "Mustache", package: "swift-mustache")]),
        // Writes the half-yearly analytical report (a Word document).
        .target(name: "Reports", dependencies: ["Domain", "Config", "Deadlines", "Figures", "DOCX"]),
        // The nightly run: scan, read, judge, record and move, snapshot, figures, outputs, journal.
        .target(
            name: "Pipeline",
            dependencies: [
                "Toolkit",
                "Domain", "Reading", "Validation", "Config", "Judgement", "Registry", "Deadlines", "Figures", "Workbooks", "XLSX", "Pages",
                "Reports", "Packages",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `nastavnik serve`: the curators' page and upload API (Hummingbird: HTTP/1.1 on SwiftNIO, with
        // its limits), access codes, sessions, uploads judged with the inbox and placed safely.
        .target(
            name: "Server",
            dependencies: [
                "Toolkit",
                "Domain", "Config", "Judgement", "Pipeline", "Reading", "Registry", "Pages",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The command line, one file per subcommand.
        .target(
            name: "CLI",
            dependencies: [
                "Domain", "Reading", "Validation", "Config", "Judgement", "Registry", "Deadlines", "Workbooks", "Pipeline", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "nastavnik", dependencies: ["CLI"]),
        // `swift run -c release nastavnik-bench` — see BENCHMARKS.md.
        .executableTarget(
            name: "nastavnik-bench",
            dependencies: [
                "Domain", "Reading", "Validation", "Config", "Judgement", "Registry", "Figures", "Workbooks", "Deadlines",
                "Pipeline", "XLSX", "CXLSXWriter", "CXLSXTuning", .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Sources/Benchmarks"
        ),
        // The same command line with the crash tests' fault points: built for the tests, never installed.
        .executableTarget(name: "nastavnik-faults", dependencies: ["CLI", "Pipeline"], path: "Tests/FaultInjection"),
        // libFuzzer's entry point for the reader and validator (`make fuzz`, built with -sanitize=fuzzer).
        .executableTarget(
            name: "nastavnik-fuzz", dependencies: ["Domain", "Reading", "Validation"], path: "Tests/Fuzz",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),

        // Test targets mirror the modules.
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "ToolkitTests", dependencies: ["Toolkit"]),
        .testTarget(
            name: "ReadingTests",
            dependencies: ["Reading", "Domain", "XLSX", "XLSXTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "Reading", "Domain", "XLSX", "XLSXTestSupport"]),
        .testTarget(name: "ConfigTests", dependencies: ["Config", "Validation"]),
        .testTarget(name: "JudgementTests", dependencies: ["Judgement", "Validation", "Config", "Domain"]),
        .testTarget(name: "RegistryTests", dependencies: ["Registry", "Domain"]),
        .testTarget(name: "DeadlinesTests", dependencies: ["Deadlines", "Domain", "Config"]),
        // Records as schools send them, and a district whose every figure is known.
        .target(name: "Fixtures", dependencies: ["Domain", "Config"], path: "Tests/Fixtures"),
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "Fixtures", "Deadlines", "Domain", "Config"]),
        // Reads written workbooks back (unzip, parse the sheet XML) for the tests.
        .target(
            name: "XLSXTestSupport", dependencies: ["XLSX", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/XLSXTestSupport"),
        .testTarget(name: "XLSXTests", dependencies: ["XLSX", "XLSXTestSupport", "Domain"]),
        .testTarget(
            name: "WorkbooksTests",
            dependencies: [
                "Workbooks", "Figures", "Fixtures", "XLSX", "XLSXTestSupport", "Registry", "Domain", "Config", "Deadlines",
                "Reading",
            ]),
        .testTarget(name: "DOCXTests", dependencies: ["DOCX", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "PagesTests", dependencies: ["Pages", "Fixtures", "Figures", "Deadlines", "Domain", "Config"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Judgement", "Registry", "Domain"]),
        // The built binary driven as a curator, an administrator or a browser would: a scratch
        // installation, school files, curl, headless Chromium by WebDriver.
        .target(name: "CommandTestSupport", dependencies: ["Registry", "XLSXTestSupport"], path: "Tests/CommandTestSupport"),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "Domain", "Registry", "Reading", "Packages", "XLSXTestSupport", "CommandTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "Reports", "Figures", "Fixtures", "Config", "Deadlines", "DOCX", "Domain", "CommandTestSupport", "XLSXTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(name: "ServerTests", dependencies: ["Server", "Pages", "Domain", "CommandTestSupport"]),
        .testTarget(
            name: "PackagesTests", dependencies: ["Packages", "Judgement", "Reading", "Domain", "CommandTestSupport", "XLSXTestSupport"]),
    ]
)

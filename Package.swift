// swift-tools-version:6.0
import PackageDescription

// Data flows one way, and so do the module dependencies:
// Reading → Validation → (Registry → Deadlines → Workbooks) → Pipeline → nastavnik (CLI).
// The reader and validator touch every byte of every file; in release builds they skip the runtime
// exclusivity checks on class properties, which cost ~10% there (BENCHMARKS.md). Debug builds and
// tests keep them.
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "nastavnik",
    platforms: [.macOS(.v13)],
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
    ],
    targets: [
        // C libraries from Debian (libcsv-dev, libxlsxwriter-dev); only their wrappers import them.
        .systemLibrary(name: "CCSV", path: "Sources/CCSV"),
        .systemLibrary(name: "CXLSXWriter", path: "Sources/CXLSXWriter", pkgConfig: "xlsxwriter"),

        // The district's vocabulary: datasets, dates, findings, typed records.
        .target(name: "Domain"),
        // Bytes → table: encoding and delimiter detection, libcsv.
        .target(name: "Reading", dependencies: ["CCSV", "Domain"], swiftSettings: hotPath),
        // Table → typed records + findings: every rule of SPEC §4.
        .target(name: "Validation", dependencies: ["Domain", "Reading"], swiftSettings: hotPath),
        // config/: nastavnik.toml, schools.csv, roadmap.csv.
        .target(
            name: "Configuration",
            dependencies: ["Domain", "Reading", "Validation", .product(name: "TOMLKit", package: "TOMLKit")]
        ),

        // The municipal registry in SQLite (GRDB): snapshots with their history.
        .target(name: "Registry", dependencies: ["Domain", .product(name: "GRDB", package: "GRDB.swift")]),
        // Roadmap and programme deadlines: the order's `Срок` texts read, judged as of a date.
        .target(name: "Deadlines", dependencies: ["Domain", "Configuration"]),
        // libxlsxwriter behind a small Swift layer: workbooks, sheets, styles, charts.
        .target(name: "XLSX", dependencies: ["CXLSXWriter", "Domain"]),
        // What the district and the schools receive in outbox/ (SPEC §7), and the templates.
        .target(name: "Workbooks", dependencies: ["Domain", "XLSX", "Configuration", "Registry", "Deadlines", "Validation"]),
        // The nightly run: inbox → validate → registry → deadlines → workbooks, journal.
        .target(
            name: "Pipeline",
            dependencies: [
                "Domain", "Reading", "Validation", "Configuration", "Registry", "Deadlines", "Workbooks",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .executableTarget(
            name: "nastavnik",
            dependencies: [
                "Domain", "Reading", "Validation", "Configuration", "Registry", "Deadlines", "Workbooks", "Pipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `swift run -c release nastavnik-bench` — see BENCHMARKS.md.
        .executableTarget(
            name: "nastavnik-bench",
            dependencies: [
                "Domain", "Reading", "Validation", "Configuration", "Registry", "Workbooks", "Deadlines", "Pipeline",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Benchmarks"
        ),

        .testTarget(name: "ReadingTests", dependencies: ["Reading"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "Reading", "Configuration"]),
        // Reads written workbooks back (unzip, parse the sheet XML) for the tests.
        .target(
            name: "XLSXTestSupport", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/XLSXTestSupport"),
        .testTarget(name: "RegistryTests", dependencies: ["Registry", "Domain"]),
        .testTarget(name: "WorkbooksTests", dependencies: ["Workbooks", "XLSX", "XLSXTestSupport", "Registry", "Domain", "Configuration", "Deadlines"]),
        .testTarget(name: "DeadlinesTests", dependencies: ["Deadlines", "Domain", "Configuration"]),
        .testTarget(name: "CLITests", dependencies: ["Domain", "Registry", "XLSXTestSupport"]),
    ]
)

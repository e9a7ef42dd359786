// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "crs-intake",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "crs-intake", targets: ["crs-intake"]),
    // The libraries, for the fuzz targets in Fuzz/ (a package of their own, see Fuzz/README.md).
    .library(name: "IntakeCore", targets: ["IntakeCore"]),
    .library(name: "IntakeLoading", targets: ["IntakeLoading"]),
    .library(name: "IntakeScreening", targets: ["IntakeScreening"]),
    .library(name: "IntakeSessions", targets: ["IntakeSessions"]),
    .library(name: "IntakeTerminal", targets: ["IntakeTerminal"]),
    .library(name: "IntakeInterface", targets: ["IntakeInterface"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // SHA-256 of the data cache (BoringSSL's assembly: about ten times the hand-written one).
    .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
  ],
  targets: [
    // Pure: facts, conditions, rules, evaluation, routing, messages. No I/O, no dependencies.
    .target(name: "IntakeCore", swiftSettings: strict),
    // Reads Rules/ and Locales/ with Yams, keeping source positions for diagnostics.
    .target(
      name: "IntakeLoading",
      dependencies: ["IntakeCore", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: strict),
    // GNU readline (Debian: libreadline-dev). Its headers are in the default include path;
    // pkg-config is not used because readline.pc adds feature macros SwiftPM refuses.
    .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"]), .brew(["readline"])]),
    // Line input behind a small protocol: readline on a TTY, plain lines otherwise, scripted in tests.
    .target(name: "IntakeTerminal", dependencies: ["CReadline"], swiftSettings: strict),
    // Saved sessions and draft files: private (0600 in 0700), written atomically.
    // What people see: events rendered for the terminal (wrapped, styled), the interview loop
    // and script mode; the executable only parses arguments and calls these.
    .target(
      name: "IntakeInterface", dependencies: ["IntakeCore", "IntakeLoading", "IntakeSessions", "IntakeTerminal"],
      swiftSettings: strict),
    .target(name: "IntakeSessions", dependencies: ["IntakeCore", "IntakeScreening"], swiftSettings: strict),
    // Batch screening: JSON in, outcomes out, streaming.
    // Random input for the property tests and the fuzzing benchmark.
    .target(name: "IntakeFuzzing", dependencies: ["IntakeCore"], swiftSettings: strict),
    .target(name: "IntakeScreening", dependencies: ["IntakeCore"], swiftSettings: strict),
    // The JSON reports of check, test, explain, offices and sessions list (`--format json`).
    .target(
      name: "IntakeReports", dependencies: ["IntakeCore", "IntakeScreening", "IntakeSessions"], swiftSettings: strict),
    // What an edit of the rules changes (`crs-intake diff`): requests screened with the base
    // and the working rules, the changes grouped by the rules whose results changed.
    .target(
      name: "IntakeImpact", dependencies: ["IntakeCore", "IntakeScreening", "IntakeSessions", "IntakeFuzzing"],
      swiftSettings: strict),
    // The shipped Rules/ and Locales/, compiled in at build time by the EmbedData plugin (which
    // runs crs-intake-embed), so an installed binary needs no source tree (README, "Where the
    // data comes from"). Its folder holds links to Rules/ and Locales/ (excluded from the
    // sources) only so that SwiftPM plans the build again when a data file is added or removed.
    .target(
      name: "IntakeEmbeddedData", dependencies: ["IntakeLoading"], exclude: ["Rules", "Locales"], swiftSettings: strict,
      plugins: ["EmbedData"]),
    .plugin(name: "EmbedData", capability: .buildTool(), dependencies: ["crs-intake-embed"]),
    .executableTarget(name: "crs-intake-embed", path: "Tools/crs-intake-embed", swiftSettings: strict),
    .executableTarget(
      name: "crs-intake",
      dependencies: [
        "IntakeCore", "IntakeLoading", "IntakeEmbeddedData", "IntakeScreening", "IntakeTerminal", "IntakeSessions",
        "IntakeInterface", "IntakeReports", "IntakeImpact",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),
    // Benchmarks (see Benchmarks/README.md): requests generated (IntakeFuzzing), engine timer and rule export
    // for the reference screener in Benchmarks/reference/ that screening is compared with.
    .executableTarget(
      name: "crs-intake-bench",
      dependencies: ["IntakeCore", "IntakeLoading", "IntakeScreening", "IntakeFuzzing"],
      path: "Benchmarks/Sources/crs-intake-bench",
      swiftSettings: strict),
    // Test support: starts the built binary on a pseudo-terminal (forkpty).
    .target(
      name: "CPseudoTerminal", path: "Tests/Support/CPseudoTerminal",
      linkerSettings: [.linkedLibrary("util")]),
    // Helpers the test targets share: the package's folders and shipped data, temporary folders,
    // rule fixtures, the built binary run from a pipe or on a pseudo-terminal, interviews driven
    // in code. No test framework: the test targets make the assertions.
    .target(
      name: "IntakeTestSupport", dependencies: ["IntakeCore", "IntakeLoading", "CPseudoTerminal"],
      path: "Tests/Support/IntakeTestSupport", swiftSettings: strict),
    // One test target per library, and CLITests for the built binary end to end. Tests that run
    // the binary find it in the build folder (`swift build --build-tests` builds it). Folders of
    // data the tests read beside their files (inputs, golden files, transcripts) are excluded.
    .testTarget(
      name: "IntakeCoreTests", dependencies: ["IntakeCore", "IntakeLoading", "IntakeFuzzing", "IntakeTestSupport"],
      exclude: ["Narrative/narratives.yaml", "Narrative/Corpus", "Narrative/HeldOut"], swiftSettings: strict),
    .testTarget(
      name: "IntakeLoadingTests", dependencies: ["IntakeCore", "IntakeLoading", "IntakeEmbeddedData", "IntakeTestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "IntakeScreeningTests",
      dependencies: ["IntakeCore", "IntakeLoading", "IntakeScreening", "IntakeFuzzing", "IntakeTestSupport"],
      exclude: ["ScreenGolden"], swiftSettings: strict),
    .testTarget(
      name: "IntakeSessionsTests", dependencies: ["IntakeCore", "IntakeSessions", "IntakeFuzzing", "IntakeTestSupport"],
      swiftSettings: strict),
    .testTarget(name: "IntakeTerminalTests", dependencies: ["IntakeTerminal", "IntakeTestSupport"], swiftSettings: strict),
    .testTarget(
      name: "IntakeInterfaceTests", dependencies: ["IntakeCore", "IntakeLoading", "IntakeInterface", "IntakeTestSupport"],
      exclude: ["Snapshots"], swiftSettings: strict),
    .testTarget(
      name: "CLITests", dependencies: ["IntakeCore", "IntakeLoading", "IntakeTestSupport"],
      exclude: ["Drafts/Inputs", "Drafts/Golden"], swiftSettings: strict),
  ]
)

// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for crs-intake, kept out of the main package so that `swift build` and
// `swift test` there stay as they are. Build and run them with `Fuzz/run.sh` (see README.md):
// every target is built with `-sanitize=fuzzer,address`.

let strict: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

/// A fuzz target: an executable whose `main.swift` hands its test function to libFuzzer. It is
/// linked with the toolchain's lld: GNU gold stops with an internal error on these programs,
/// which give libFuzzer their test through `LLVMFuzzerRunDriver`, not `LLVMFuzzerTestOneInput`.
func fuzzTarget(_ name: String, _ libraries: [String]) -> Target {
  .executableTarget(
    name: "fuzz-\(name)",
    dependencies: ["FuzzSupport"] + libraries.map { .product(name: $0, package: "crs-intake") },
    swiftSettings: strict,
    linkerSettings: [.unsafeFlags(["-use-ld=lld"])])
}

let package = Package(
  name: "crs-intake-fuzz",
  // The parent is named explicitly: a path dependency is otherwise known by its folder's name,
  // which is the clone's, not the package's.
  dependencies: [.package(name: "crs-intake", path: "..")],
  targets: [
    // libFuzzer's entry for a program that has its own `main` (SwiftPM gives every executable one).
    .target(name: "CFuzzerDriver"),
    // The shipped data, loaded once per process, and the driver every target's main calls.
    .target(
      name: "FuzzSupport",
      dependencies: [
        "CFuzzerDriver", .product(name: "IntakeCore", package: "crs-intake"),
        .product(name: "IntakeLoading", package: "crs-intake"),
      ],
      swiftSettings: strict),
    fuzzTarget("screen", ["IntakeCore", "IntakeLoading", "IntakeScreening"]),
    fuzzTarget("yaml", ["IntakeCore", "IntakeLoading"]),
    fuzzTarget("conversation", ["IntakeCore", "IntakeLoading", "IntakeTerminal", "IntakeInterface", "IntakeSessions"]),
    fuzzTarget("narrative", ["IntakeCore", "IntakeLoading"]),
    fuzzTarget("session", ["IntakeCore", "IntakeLoading", "IntakeSessions"]),
    fuzzTarget("cache", ["IntakeCore", "IntakeLoading"]),
  ]
)

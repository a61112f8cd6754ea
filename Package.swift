// swift-tools-version:6.0
import PackageDescription

// weir is single-threaded by design (no Dispatch, no async; see DEVELOPERS.md), so the
// engine skips the dynamic exclusivity checks and, in release builds, counts references
// non-atomically: each cut parse time by about a tenth. Debug builds keep atomic counts
// because the unit tests call the engine from Swift Testing's parallel threads.
let weirEngineFlags: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"]),
    .unsafeFlags(["-Xfrontend", "-assume-single-threaded"], .when(configuration: .release)),
]

// Dependencies point one way: WeirSyntax ← WeirExpansion ← WeirExecution ← WeirBuiltins ← weir.
// No Foundation anywhere: start-up time is a product feature.
let package = Package(
    name: "weir",
    products: [
        .executable(name: "weir", targets: ["weir"]),
    ],
    targets: [
        // What Swift's Glibc module lacks: W* status macros, pipe2, splice, the _np spawn actions.
        .target(name: "CWeirSys"),
        .target(name: "WeirSyntax", swiftSettings: weirEngineFlags),
        .target(name: "WeirExpansion", dependencies: ["WeirSyntax", "CWeirSys"],
                swiftSettings: weirEngineFlags),
        .target(name: "WeirExecution", dependencies: ["WeirSyntax", "WeirExpansion", "CWeirSys", "WeirLineEditor"],
                swiftSettings: weirEngineFlags),
        .target(name: "WeirBuiltins", dependencies: ["WeirExecution", "WeirExpansion", "WeirSyntax"],
                swiftSettings: weirEngineFlags),
        // GNU readline (apt: libreadline-dev), behind the LineEditor protocol.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline", providers: [.apt(["libreadline-dev"])]),
        .target(name: "WeirLineEditor", dependencies: ["CReadline"]),
        .executableTarget(
            name: "weir",
            dependencies: ["WeirSyntax", "WeirExecution", "WeirBuiltins", "WeirLineEditor", "CWeirSys"],
            linkerSettings: [.unsafeFlags(["-static-executable"], .when(configuration: .release))]
        ),
        // A stand-in program for the interactive tests: reports its group, terminal owner
        // and signals; acts as a raw-mode program.
        .executableTarget(name: "weir-test-helper"),
        // Helpers for the tests: running processes, temporary directories.
        .target(name: "WeirTestSupport", dependencies: ["CWeirSys"], path: "Tests/WeirTestSupport"),
        .testTarget(name: "WeirSyntaxTests", dependencies: ["WeirSyntax", "WeirTestSupport"]),
        .testTarget(name: "WeirExpansionTests", dependencies: ["WeirExpansion"]),
        .testTarget(name: "WeirBuiltinsTests", dependencies: ["WeirBuiltins", "WeirExpansion"]),
        .testTarget(name: "WeirSpecTests", dependencies: ["WeirTestSupport"]),
        .testTarget(name: "WeirInteractiveTests", dependencies: ["WeirTestSupport"]),
    ]
)

// swift-tools-version:6.0
import PackageDescription

// The shell runs on one thread: it never starts another (no Dispatch, no Swift
// concurrency), because it forks, and a fork copies only the calling thread. So the engine
// skips the dynamic exclusivity checks (-enforce-exclusivity=unchecked) and, in release
// builds, counts references non-atomically (-assume-single-threaded); each cut the time of
// `weir -n` on a large script by about a tenth (bench/parse.sh). Debug builds keep atomic
// counts: the unit tests call the engine from Swift Testing's parallel threads.
let weirEngineFlags: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"]),
    .unsafeFlags(["-Xfrontend", "-assume-single-threaded"], .when(configuration: .release)),
]

// Dependencies point one way: WeirSyntax ← WeirExpansion ← WeirTracing ← WeirExecution ←
// WeirBuiltins ← weir (WeirBuiltins also reads WeirTracing's help text), and WeirExecution ←
// WeirReadline ← weir.
// No Foundation anywhere: start-up time is a product feature.
let package = Package(
    name: "weir",
    products: [
        .executable(name: "weir", targets: ["weir"]),
        // The engine as libraries, for the fuzzing package in fuzz/ (it depends on this
        // package by path).
        .library(name: "WeirSyntax", targets: ["WeirSyntax"]),
        .library(name: "WeirExpansion", targets: ["WeirExpansion"]),
        .library(name: "WeirExecution", targets: ["WeirExecution"]),
        .library(name: "WeirBuiltins", targets: ["WeirBuiltins"]),
    ],
    targets: [
        // What Swift's Glibc module lacks: W* status macros, pipe2, splice, the _np spawn actions.
        .target(name: "CWeirSys"),
        .target(name: "WeirSyntax", swiftSettings: weirEngineFlags),
        .target(name: "WeirExpansion", dependencies: ["WeirSyntax", "CWeirSys"],
                swiftSettings: weirEngineFlags),
        // The tracer: edge relays, /proc sampling, the records and their outputs. It knows
        // the executor only through the events of PipelineObserver.
        .target(name: "WeirTracing", dependencies: ["WeirSyntax", "WeirExpansion", "CWeirSys"],
                swiftSettings: weirEngineFlags),
        .target(name: "WeirExecution", dependencies: ["WeirSyntax", "WeirExpansion", "WeirTracing", "CWeirSys"],
                swiftSettings: weirEngineFlags),
        .target(name: "WeirBuiltins", dependencies: ["WeirExecution", "WeirExpansion", "WeirSyntax", "WeirTracing"],
                swiftSettings: weirEngineFlags),
        // GNU readline (apt: libreadline-dev), behind the engine's LineEditor protocol. The
        // engine does not link it: the `weir` executable injects a ReadlineEditor.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline", providers: [.apt(["libreadline-dev"])]),
        .target(name: "WeirReadline", dependencies: ["CReadline", "CWeirSys", "WeirExpansion", "WeirExecution"],
                swiftSettings: weirEngineFlags),
        .executableTarget(
            name: "weir",
            dependencies: ["WeirSyntax", "WeirExpansion", "WeirTracing", "WeirExecution", "WeirBuiltins", "WeirReadline", "CWeirSys"],
            // A fully static executable: no dynamic loader at start-up, which is most of
            // what `weir -c true` costs otherwise (bench/exec.sh, the startup row).
            linkerSettings: [.unsafeFlags(["-static-executable"], .when(configuration: .release))]
        ),
        // A stand-in program for the interactive tests: reports its group, terminal owner
        // and signals; acts as a raw-mode program.
        .executableTarget(name: "weir-test-helper"),
        // Helpers for the tests: running processes, temporary directories.
        .target(name: "WeirTestSupport", dependencies: ["CWeirSys"], path: "Tests/WeirTestSupport"),
        .testTarget(name: "WeirSyntaxTests", dependencies: ["WeirSyntax", "WeirTestSupport"]),
        .testTarget(name: "WeirExpansionTests", dependencies: ["WeirExpansion"]),
        // Plans checked as values, without starting a process.
        .testTarget(name: "WeirExecutionTests", dependencies: ["WeirExecution", "WeirTracing", "WeirSyntax"]),
        .testTarget(name: "WeirBuiltinsTests", dependencies: ["WeirBuiltins", "WeirExpansion"]),
        .testTarget(name: "WeirSpecTests", dependencies: ["WeirTestSupport"]),
        .testTarget(name: "WeirInteractiveTests", dependencies: ["WeirTestSupport"]),
    ]
)

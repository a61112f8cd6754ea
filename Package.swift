// swift-tools-version:6.0
import PackageDescription

// The shell runs on one thread: it never starts another (no Dispatch, no Swift
// concurrency), because it forks, and a fork copies only the calling thread. So the engine
// skips the dynamic exclusivity checks (-enforce-exclusivity=unchecked) and, in release
// builds, counts references non-atomically (-assume-single-threaded); each cut the time of
// `weir -n` on a large script by about a tenth (bench/parse.sh). Debug builds keep atomic
// counts: the unit tests call the engine from Swift Testing's parallel threads.
// Release builds also put each function in a section of its own, so that the link can
// place the functions start-up runs side by side (see the weir target below), and reach
// type metadata through accessors.
let weirEngineFlags: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"]),
    .unsafeFlags(["-Xfrontend", "-assume-single-threaded"], .when(configuration: .release)),
    .unsafeFlags(["-Xfrontend", "-function-sections"], .when(configuration: .release)),
    // A concrete generic type's metadata comes from its accessor, not from demangling its
    // mangled name at first use (with a search of every protocol conformance in the
    // binary for the requirements): `weir -c true` ran 22% fewer instructions (callgrind).
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
                 .when(configuration: .release)),
]

let packageRoot = String(#filePath.dropLast("/Package.swift".count))

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
        // Each function and variable in a section of its own, so that the release link
        // can place the ones start-up touches beside the rest (startup-order.txt).
        .target(name: "CWeirSys", cSettings: [.unsafeFlags(["-ffunction-sections", "-fdata-sections"])]),
        // The executable's command line, taken from glibc's constructor call (argv.c says
        // why the release build replaces the Swift runtime's own /proc/self/maps reader).
        .target(name: "CWeirStart",
                cSettings: [.define("WEIR_REPLACE_ARGV_GRABBER", .when(configuration: .release)),
                            .define("WEIR_LEAVE_OUT_BACKTRACER", .when(configuration: .release)),
                            .unsafeFlags(["-ffunction-sections", "-fdata-sections"])]),
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
            dependencies: ["WeirSyntax", "WeirExpansion", "WeirTracing", "WeirExecution", "WeirBuiltins", "WeirReadline", "CWeirSys", "CWeirStart"],
            // A fully static executable: no dynamic loader at start-up, which is most of
            // what `weir -c true` costs otherwise (bench/exec.sh, the startup row).
            // lld lays out the functions that start-up and an everyday script run
            // (startup-order.txt, written by bench/startup-order.sh) next to each other:
            // they fill a few pages of the 8 MB of code instead of touching pages all
            // over it, which took `weir -c :` from 5.9 to 3.1 MB of peak RSS and from 159
            // to 122 page faults. (SwiftPM adds --gc-sections to release links itself.)
            exclude: ["startup-order.txt"],
            // The engine's flags too: with them the executable reaches a concrete generic
            // type's metadata through its accessor, not by demangling its name (`weir -c true`
            // ran 22K instructions demangling `[ByteString]` and `ByteString?` for the
            // command line's options).
            swiftSettings: weirEngineFlags,
            linkerSettings: [.unsafeFlags(["-static-executable", "-use-ld=lld",
                                           "-Xlinker", "--symbol-ordering-file=\(packageRoot)/Sources/weir/startup-order.txt",
                                           "-Xlinker", "--no-warn-symbol-ordering"],
                                          .when(configuration: .release))]
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

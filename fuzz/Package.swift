// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for weir's engine (issue 14). Outside `swift test` and outside the
// root package: build with ./run.sh, or by hand:
//
//   swift build -c release --scratch-path /work/fuzz-build -j 1 \
//       -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
//
// Each target defines LLVMFuzzerTestOneInput, and an entry point `<Target>_main` (the name
// SwiftPM links as `main`) that hands over to libFuzzer's driver; -parse-as-library keeps
// Swift from generating a main of its own. The -Xswiftc flags reach the engine's modules
// too, so libFuzzer sees the engine's coverage, not just the harness's.
/// One libFuzzer target: its name and the engine modules it calls.
func fuzzTarget(_ name: String, _ engine: [String]) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport"] + engine.map { .product(name: $0, package: "weir") })
}

let fuzzTargets: [Target] = [
    fuzzTarget("FuzzParser", ["WeirSyntax"]),
    fuzzTarget("FuzzExpand", ["WeirSyntax", "WeirExpansion"]),
    fuzzTarget("FuzzArith", ["WeirSyntax", "WeirExpansion"]),
    fuzzTarget("FuzzPattern", ["WeirSyntax", "WeirExpansion"]),
    fuzzTarget("FuzzGlob", ["WeirSyntax", "WeirExpansion"]),
    fuzzTarget("FuzzPrintf", ["WeirSyntax", "WeirExpansion", "WeirBuiltins"]),
    fuzzTarget("FuzzRead", ["WeirSyntax", "WeirExpansion", "WeirExecution", "WeirBuiltins"]),
]

let package = Package(
    name: "weir-fuzz",
    dependencies: [
        .package(name: "weir", path: ".."),
    ],
    targets: [
        // What the targets share: input slicing, the fixed environment, the sandbox tree.
        // libFuzzer's driver, called from each target's entry point.
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: [
            "CFuzzDriver",
            .product(name: "WeirSyntax", package: "weir"),
            .product(name: "WeirExpansion", package: "weir"),
        ]),
    ] + fuzzTargets,
    // The harness is single-threaded, as libFuzzer runs it: Swift 5 mode spares it the
    // Sendable checks on its global state.
    swiftLanguageModes: [.v5]
)

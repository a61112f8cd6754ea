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
        .executableTarget(name: "FuzzParser", dependencies: [
            "FuzzSupport", .product(name: "WeirSyntax", package: "weir"),
        ]),
        .executableTarget(name: "FuzzExpand", dependencies: [
            "FuzzSupport", .product(name: "WeirSyntax", package: "weir"),
            .product(name: "WeirExpansion", package: "weir"),
        ]),
        .executableTarget(name: "FuzzArith", dependencies: [
            "FuzzSupport", .product(name: "WeirSyntax", package: "weir"),
            .product(name: "WeirExpansion", package: "weir"),
        ]),
        .executableTarget(name: "FuzzPattern", dependencies: [
            "FuzzSupport", .product(name: "WeirSyntax", package: "weir"),
            .product(name: "WeirExpansion", package: "weir"),
        ]),
        .executableTarget(name: "FuzzGlob", dependencies: [
            "FuzzSupport", .product(name: "WeirSyntax", package: "weir"),
            .product(name: "WeirExpansion", package: "weir"),
        ]),
        .executableTarget(name: "FuzzPrintf", dependencies: [
            "FuzzSupport", .product(name: "WeirSyntax", package: "weir"),
            .product(name: "WeirExpansion", package: "weir"),
            .product(name: "WeirBuiltins", package: "weir"),
        ]),
        .executableTarget(name: "FuzzRead", dependencies: [
            "FuzzSupport", .product(name: "WeirSyntax", package: "weir"),
            .product(name: "WeirExpansion", package: "weir"),
            .product(name: "WeirExecution", package: "weir"),
            .product(name: "WeirBuiltins", package: "weir"),
        ]),
    ],
    // The harness is single-threaded, as libFuzzer runs it: Swift 5 mode spares it the
    // Sendable checks on its global state.
    swiftLanguageModes: [.v5]
)

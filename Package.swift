// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "fenjie",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "fenjie", targets: ["fenjie"]),
    .library(name: "FenjieCore", targets: ["FenjieCore"]),
    .library(name: "FenjieSimulation", targets: ["FenjieSimulation"]),
    .library(name: "FenjieIO", targets: ["FenjieIO"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // MARK: GLPK underneath (implementation details)
    /// Debian's libglpk-dev ships no pkg-config file: the module map links `glpk` itself.
    .systemLibrary(
      name: "CGLPK",
      providers: [.apt(["libglpk-dev"])]
    ),
    /// The only C of our own: GLPK's error hook needs setjmp/longjmp, which Swift cannot call.
    .target(name: "CGLPKGuard", dependencies: ["CGLPK"]),
    /// A safe Swift layer over GLPK: models as plain data, one owner of the C problem, statuses as enums.
    .target(name: "GLPK", dependencies: ["CGLPK", "CGLPKGuard"]),

    // MARK: Public API
    /// Indicators, datasets, scenarios and the allocation (分解) itself.
    .target(name: "FenjieCore", dependencies: ["GLPK"]),
    /// Monte Carlo odds of hitting the goals; no dependency on the solver.
    .target(name: "FenjieSimulation"),
    /// Reading data files and scenarios, checking them, and writing tables (terminal, CSV, markdown, JSON).
    .target(
      name: "FenjieIO",
      dependencies: [
        "FenjieCore", "FenjieSimulation",
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "SwiftCSV", package: "SwiftCSV"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    /// The command line: parses, calls the libraries, prints.
    .executableTarget(
      name: "fenjie",
      dependencies: [
        "FenjieCore", "FenjieSimulation", "FenjieIO",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // MARK: Tests
    .target(name: "TestSupport", dependencies: ["FenjieCore"], path: "Tests/TestSupport"),
    .testTarget(name: "GLPKTests", dependencies: ["GLPK", "CGLPK", "TestSupport"]),
    .testTarget(name: "FenjieCoreTests", dependencies: ["FenjieCore", "TestSupport"]),
    .testTarget(name: "FenjieSimulationTests", dependencies: ["FenjieSimulation"]),
    .testTarget(
      name: "FenjieIOTests",
      dependencies: ["FenjieIO", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)

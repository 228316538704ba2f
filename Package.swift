// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "fenjie",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "fenjie", targets: ["fenjie"]),
    .library(name: "FenjieText", targets: ["FenjieText"]),
    .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
    .library(name: "GLPK", targets: ["GLPK"]),
    .library(name: "FenjieCore", targets: ["FenjieCore"]),
    .library(name: "FenjieSimulation", targets: ["FenjieSimulation"]),
    .library(name: "FenjiePlanning", targets: ["FenjiePlanning"]),
    .library(name: "FenjieFiles", targets: ["FenjieFiles"]),
    .library(name: "FenjieReports", targets: ["FenjieReports"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  // One-way dependencies, bottom to top (docs/architecture.md draws them):
  //   LinearProgramming ← GLPK (the one solver today)
  //   LinearProgramming ← FenjieCore ← FenjiePlanning ← FenjieFiles, FenjieReports ← fenjie
  //   FenjieSimulation ← FenjiePlanning
  //   FenjieText (the message catalog, both languages) under every module (LinearProgramming and GLPK
  //   for the solver's short refusals) and the command line
  targets: [
    // MARK: Interface text
    /// Every sentence a user reads, in Chinese and English (`Say.*`), and the current `Language`.
    .target(name: "FenjieText"),

    // MARK: Linear programming
    /// Models, solutions and the `LinearSolver` protocol, with no solver inside; models write
    /// themselves as CPLEX LP.
    .target(name: "LinearProgramming", dependencies: ["FenjieText"]),
    /// Debian's libglpk-dev ships no pkg-config file: the module map links `glpk` itself.
    .systemLibrary(
      name: "CGLPK",
      providers: [.apt(["libglpk-dev"])]
    ),
    /// The only C of our own: GLPK's error hook needs setjmp/longjmp, which Swift cannot call.
    .target(name: "CGLPKGuard", dependencies: ["CGLPK"]),
    /// GLPK as a `LinearSolver`: the only module that imports CGLPK.
    .target(name: "GLPK", dependencies: ["FenjieText", "LinearProgramming", "CGLPK", "CGLPKGuard"]),

    // MARK: The product
    /// Indicators, datasets, the allocation (分解) taking any `LinearSolver`, and the dataset audit.
    .target(name: "FenjieCore", dependencies: ["FenjieText", "LinearProgramming"]),
    /// Monte Carlo odds of hitting the goals; no dependency on the solver or the data model.
    .target(name: "FenjieSimulation", dependencies: ["FenjieText"]),
    /// The planner's workflow: the scenario as a typed value, chaining years, the simulation set-up and
    /// its ratio fit, confidence margins, comparisons.
    .target(name: "FenjiePlanning", dependencies: ["FenjieText", "FenjieCore", "FenjieSimulation"]),
    /// Reading files: text decoding, TOML, CSV, .xlsx, the dataset and scenario loaders, located input
    /// errors.
    .target(
      name: "FenjieFiles",
      dependencies: [
        "FenjieText", "FenjieCore", "FenjiePlanning",
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    /// Writing reports: terminal tables, CSV, markdown, JSON, XLSX, HTML; files replaced safely.
    .target(
      name: "FenjieReports",
      dependencies: [
        "FenjieText", "FenjieCore", "FenjieSimulation", "FenjiePlanning",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    /// The command line: parses, calls one planning function, prints, chooses the exit status and
    /// the solver.
    .executableTarget(
      name: "fenjie",
      dependencies: [
        "GLPK", "FenjieText", "FenjieCore", "FenjieSimulation", "FenjiePlanning", "FenjieFiles", "FenjieReports",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // MARK: Tests
    .target(name: "TestSupport", dependencies: ["FenjieCore", "GLPK"], path: "Tests/TestSupport"),
    .testTarget(name: "FenjieTextTests", dependencies: ["FenjieText"]),
    .testTarget(name: "GLPKTests", dependencies: ["GLPK", "LinearProgramming", "CGLPK", "FenjieText", "TestSupport"]),
    .testTarget(name: "FenjieCoreTests", dependencies: ["FenjieCore", "GLPK", "TestSupport"]),
    .testTarget(name: "FenjieSimulationTests", dependencies: ["FenjieSimulation"]),
    .testTarget(
      name: "FenjiePlanningTests",
      dependencies: ["FenjiePlanning", "FenjieCore", "FenjieSimulation", "FenjieReports", "GLPK", "TestSupport"]),
    .testTarget(
      name: "FenjieFilesTests",
      dependencies: [
        "FenjieFiles", "FenjiePlanning", "FenjieReports", "FenjieCore", "FenjieText", "GLPK", "TestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .testTarget(
      name: "FenjieReportsTests",
      dependencies: [
        "FenjieReports", "FenjieFiles", "FenjieText", "FenjiePlanning", "FenjieCore", "GLPK", "TestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "FenjieText"]),
  ],
  swiftLanguageModes: [.v6]
)

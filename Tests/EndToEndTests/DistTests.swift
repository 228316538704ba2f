import Foundation
import TestSupport
import XCTest

/// The release tarball `make dist` builds (scripts/dist.sh), met as a planner's office PC meets it:
/// unpacked into an empty folder, `env -i ./fenjie allocate` run from there prints the 分解表, and
/// `ldd` lists nothing outside the base C library.
///
/// Skipped unless dist/fenjie-VERSION-linux-ARCH.tar.gz exists (after `make dist`) or
/// FENJIE_DIST_TEST=1 asks for it (then the tarball is built first, by scripts/dist.sh: a full
/// static release build, minutes long, too slow for `make test` by default).
final class DistTests: XCTestCase {
  func testTarballRunsFromAnEmptyFolderWithOnlyTheBaseCLibrary() throws {
    let source = try String(contentsOf: packageRoot.appendingPathComponent("Sources/fenjie/Fenjie.swift"), encoding: .utf8)
    let version = try XCTUnwrap(source.firstMatch(of: #/static let version = "([^"]+)"/#)?.1, "no version in Fenjie.swift")
    let arch = try runTool("/usr/bin/uname", ["-m"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    let name = "fenjie-\(version)-linux-\(arch)"
    let tarball = packageRoot.appendingPathComponent("dist/\(name).tar.gz")
    let asked = ProcessInfo.processInfo.environment["FENJIE_DIST_TEST"] == "1"
    if !FileManager.default.fileExists(atPath: tarball.path) {
      guard asked else {
        throw XCTSkip(
          "dist/\(name).tar.gz not built: run `make dist` (a static release build, minutes long), or FENJIE_DIST_TEST=1 to build it here")
      }
      let built = try runTool("/bin/bash", [packageRoot.appendingPathComponent("scripts/dist.sh").path])
      XCTAssertEqual(built.status, 0, built.output)
    }

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-dist-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let unpacked = try runTool("/bin/tar", ["-C", folder.path, "-xzf", tarball.path])
    XCTAssertEqual(unpacked.status, 0, unpacked.output)
    let top = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    XCTAssertEqual(top, [name], "the tarball unpacks into one folder named as the tarball")
    let release = folder.appendingPathComponent(name)
    for shipped in ["fenjie", "Scenarios/liangxi-2025.toml", "Scenarios/liangxi/dataset.toml", "README.md", "docs"] {
      XCTAssertTrue(FileManager.default.fileExists(atPath: release.appendingPathComponent(shipped).path), "\(shipped) not shipped")
    }

    // An empty environment: no PATH, no LANG, nothing of /opt/swift.
    let allocate = try runProgram("/usr/bin/env", ["-i", "./fenjie", "allocate"], in: release)
    XCTAssertEqual(allocate.status, 0, allocate.stderr)
    XCTAssertTrue(allocate.stdout.contains("分解表"), allocate.stdout + allocate.stderr)
    XCTAssertTrue(allocate.stdout.contains("合计"), allocate.stdout)

    let ldd = try runProgram("/usr/bin/ldd", ["./fenjie"], in: release)
    XCTAssertEqual(ldd.status, 0, ldd.stdout + ldd.stderr)
    let libraries = ldd.stdout.split(separator: "\n").compactMap { $0.split(whereSeparator: \.isWhitespace).first.map(String.init) }
    XCTAssertFalse(libraries.isEmpty, ldd.stdout)
    // The libraries every Linux PC has: glibc's own.
    let baseCLibrary = #/(linux-vdso\.so\.1|linux-gate\.so\.1|(/\S*/)?ld-linux[-\w.]*\.so\.\d+|lib(c|m|dl|pthread|rt)\.so\.\d+)/#
    let outside = libraries.filter { $0.wholeMatch(of: baseCLibrary) == nil }
    XCTAssertEqual(outside, [String](), "ldd lists libraries outside the base C library:\n\(ldd.stdout)")
  }
}

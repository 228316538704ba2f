import Foundation
import Testing

/// No English sentence in the code outside the catalog: a string literal of the converted modules
/// that reads like an English sentence (three words or more) is text a user would read in English
/// whatever the language; it belongs in `Sources/FenjieText/Catalog` as a `Message`.
@Suite struct EnglishLiteralLintTests {
  /// The folders scanned: the modules converted to the catalog. Add a module here once its texts
  /// are in the catalog.
  static let scannedFolders = [
    "Sources/fenjie", "Sources/FenjieFiles", "Sources/LinearProgramming", "Sources/GLPK",
    "Sources/FenjieCore", "Sources/FenjiePlanning", "Sources/FenjieReports",
  ]

  /// Files not scanned yet, with the reason.
  static let skippedFiles: [String: String] = [:]

  /// Literals that look like English but are no sentence a user reads (a literal containing one
  /// of these texts), with the reason.
  static let allowed: [String: String] = [
    // Matches FenjieCore's English diagnostics about locks (Check.swift) until FenjieCore says which
    // diagnostics are about locks.
    "the lock on": "matches another module's text, not printed",
    // A comment in the CPLEX LP file written for glpsol (--write-lp): the model's own language.
    "The objective's constant term {} is not written": "a comment in an LP file",
    // The HTML report's style sheet (CSS, not text).
    ":root { --ink:": "CSS",
    // A precondition: a programming error, never shown to a planner.
    "combined models must share their sense": "precondition",
  ]

  @Test func noEnglishSentenceOutsideTheCatalog() throws {
    var scanned = 0
    for folder in Self.scannedFolders {
      for file in SwiftSource.files(in: folder) {
        let relative = String(file.path.dropFirst(SwiftSource.root.path.count + 1))
        guard Self.skippedFiles[relative] == nil else { continue }
        scanned += 1
        let text = try String(contentsOf: file, encoding: .utf8)
        for literal in SwiftSource.literals(text) where !Self.allowed.keys.contains(where: literal.text.contains) {
          #expect(!SwiftSource.hasEnglishSentence(literal.text), "\(relative):\(literal.line): English outside the catalog: \"\(literal.text)\"")
        }
      }
    }
    #expect(scanned >= 20, "the scan found the sources")
  }

  /// The lint finds what it is for: a sentence in a literal, even around an interpolation.
  @Test func theLintFindsASentence() {
    let source = #"throw InputError(file: name, "the file \(name) is empty")"#
    #expect(SwiftSource.literals(source).contains { SwiftSource.hasEnglishSentence($0.text) })
    #expect(!SwiftSource.literals(#"let key = "capacity.max_growth""#).contains { SwiftSource.hasEnglishSentence($0.text) })
  }
}

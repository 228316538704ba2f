import FenjieText
import Foundation

/// Where a command finds its default scenario when none is given: the shipped scenarios travel with
/// the program, so a planner can run `fenjie allocate` from any folder.
///
/// Looked for, in order: the working directory (`Scenarios/…` in the repository or the unpacked
/// release), beside the program (the release tarball: `fenjie` and `Scenarios/` side by side),
/// `PREFIX/share/fenjie` for a program installed in `PREFIX/bin`, and the folders above the program
/// (the repository, for `.build/<triple>/debug/fenjie`).
public enum DefaultScenario {
  /// Every place `relativePath` is looked for, in order, without repeats.
  public static func candidates(_ relativePath: String, executable: String?) -> [String] {
    var places = [relativePath]
    if let executable {
      var directory = (executable as NSString).deletingLastPathComponent
      places.append((directory as NSString).appendingPathComponent(relativePath))
      let prefix = (directory as NSString).deletingLastPathComponent
      places.append(((prefix as NSString).appendingPathComponent("share/fenjie") as NSString).appendingPathComponent(relativePath))
      for _ in 0..<4 {
        let parent = (directory as NSString).deletingLastPathComponent
        guard parent != directory, !parent.isEmpty else { break }
        directory = parent
        places.append((directory as NSString).appendingPathComponent(relativePath))
      }
    }
    var seen: Set<String> = []
    return places.filter { seen.insert(($0 as NSString).standardizingPath).inserted }
  }

  /// The first of `candidates` that is a file, or an error naming every place looked in.
  public static func locate(_ relativePath: String, executable: String? = runningExecutable()) throws(InputError) -> String {
    let places = candidates(relativePath, executable: executable)
    var isDirectory: ObjCBool = false
    for place in places where FileManager.default.fileExists(atPath: place, isDirectory: &isDirectory) && !isDirectory.boolValue {
      return place
    }
    let cwd = FileManager.default.currentDirectoryPath
    let absolute = places.map { ($0.hasPrefix("/") ? $0 : (cwd as NSString).appendingPathComponent($0)) as NSString }
    throw InputError(file: relativePath, Say.Input.defaultScenarioMissing(looked: absolute.map(\.standardizingPath)))
  }

  /// The running program's path with symbolic links resolved (`/proc/self/exe` on Linux), else the
  /// first argument made absolute.
  public static func runningExecutable() -> String? {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
    let absolute = first.hasPrefix("/") ? first : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(first)
    return (absolute as NSString).resolvingSymlinksInPath
  }
}

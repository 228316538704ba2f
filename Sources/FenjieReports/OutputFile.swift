import Foundation

/// An output that cannot be written. `refused`: the option names something fenjie will not write
/// (one of the run's inputs, a folder, a folder that does not exist), the user's to fix; else the write
/// itself failed.
public struct OutputError: Error, CustomStringConvertible, Sendable, Equatable {
  public var path: String
  public var message: String
  public var refused: Bool

  public init(path: String, _ message: String, refused: Bool) {
    self.path = path
    self.message = message
    self.refused = refused
  }

  public var description: String { "\(path): \(message)" }
}

/// Writes an output file so that nothing is lost: the text goes to a temporary file beside the
/// target, which is then renamed into place (an interrupted run never leaves half a table), and a
/// file that is one of the run's own inputs is never overwritten.
public enum OutputFile {
  public static func write(
    _ text: String, to path: String, protecting inputs: [String], option: String = "--output"
  ) throws(OutputError) {
    try write(Data(text.utf8), to: path, protecting: inputs, option: option)
  }

  public static func write(
    _ data: Data, to path: String, protecting inputs: [String], option: String = "--output"
  ) throws(OutputError) {
    let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    for input in inputs {
      let protected = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
      if protected == target {
        throw OutputError(path: path, "is one of this run's input files; fenjie will not write over it. Choose another \(option)", refused: true)
      }
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw OutputError(path: path, "is a folder; give a file name for \(option)", refused: true)
    }
    let directory = (target as NSString).deletingLastPathComponent
    let temporary = (directory as NSString).appendingPathComponent(
      ".\((target as NSString).lastPathComponent).fenjie-\(ProcessInfo.processInfo.processIdentifier).tmp")
    guard FileManager.default.createFile(atPath: temporary, contents: data) else {
      throw OutputError(path: path, "cannot be written (does the folder \(directory) exist, and may fenjie write there?)", refused: true)
    }
    if rename(temporary, target) != 0 {
      try? FileManager.default.removeItem(atPath: temporary)
      throw OutputError(path: path, "cannot be written: \(String(cString: strerror(errno)))", refused: false)
    }
  }
}

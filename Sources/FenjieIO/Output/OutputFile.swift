import Foundation

/// Writes an output file so that nothing is lost: the text goes to a temporary file beside the
/// target, which is then renamed into place (an interrupted run never leaves half a table), and a
/// file that is one of the run's own inputs is never overwritten.
public enum OutputFile {
  public static func write(_ text: String, to path: String, protecting inputs: [String]) throws(InputError) {
    try write(Data(text.utf8), to: path, protecting: inputs)
  }

  public static func write(_ data: Data, to path: String, protecting inputs: [String]) throws(InputError) {
    let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    for input in inputs {
      let protected = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
      if protected == target {
        throw InputError(file: path, "is one of this run's input files; fenjie will not write over it. Choose another --output")
      }
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw InputError(file: path, "is a folder; give a file name for --output")
    }
    let directory = (target as NSString).deletingLastPathComponent
    let temporary = (directory as NSString).appendingPathComponent(
      ".\((target as NSString).lastPathComponent).fenjie-\(ProcessInfo.processInfo.processIdentifier).tmp")
    guard FileManager.default.createFile(atPath: temporary, contents: data) else {
      throw InputError(file: path, "cannot be written (does the folder \(directory) exist, and may fenjie write there?)")
    }
    if rename(temporary, target) != 0 {
      try? FileManager.default.removeItem(atPath: temporary)
      throw InputError(file: path, "cannot be written: \(String(cString: strerror(errno)))")
    }
  }
}

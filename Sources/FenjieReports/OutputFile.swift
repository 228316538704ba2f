import FenjieText
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

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

/// The system's reason for a failed call (`errno`), in the current language: planners' words for
/// the usual ones, with the system's own words after them.
func systemReason(_ code: Int32) -> String {
  let names: [Int32: String] = [
    ENOSPC: "ENOSPC", EDQUOT: "EDQUOT", EACCES: "EACCES", EPERM: "EPERM", EROFS: "EROFS", ENOENT: "ENOENT",
    ENOTDIR: "ENOTDIR", EISDIR: "EISDIR", EPIPE: "EPIPE", EBADF: "EBADF", EIO: "EIO", EFBIG: "EFBIG",
  ]
  return Say.Report.systemReason(names[code] ?? "", String(cString: strerror(code))).text()
}

/// Writes an output file so that nothing is lost:
/// - one of the run's own inputs (by path or, through any link, by identity) is never written;
/// - a regular file is written to a temporary file beside it, which is then renamed into place (an
///   interrupted run never leaves half a table), keeping the mode of the file it replaces;
/// - a character device or a named pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written in place,
///   never replaced by a file; anything else that is not a regular file is refused;
/// - every failed write is an error naming the user's path, never the temporary file.
public enum OutputFile {
  public static func write(
    _ text: String, to path: String, protecting inputs: [String], option: String = "--output"
  ) throws(OutputError) {
    try write(Data(text.utf8), to: path, protecting: inputs, option: option)
  }

  public static func write(
    _ data: Data, to path: String, protecting inputs: [String], option: String = "--output"
  ) throws(OutputError) {
    guard !path.isEmpty else { throw OutputError(path: option, Say.Report.needsFileName.text(), refused: true) }
    let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    var existing = stat()
    let exists = stat(target, &existing) == 0
    try refuseInputs(path: path, target: target, existing: exists ? existing : nil, inputs: inputs, option: option)
    if exists {
      switch existing.st_mode & S_IFMT {
      case S_IFREG: break
      case S_IFDIR: throw OutputError(path: path, Say.Report.isFolder(option).text(), refused: true)
      case S_IFCHR, S_IFIFO: return try writeInPlace(data, to: target, shownAs: path)
      default:
        throw OutputError(path: path, Say.Report.notRegular(option).text(), refused: true)
      }
    }
    try replace(target, with: data, mode: exists ? existing.st_mode & 0o7777 : nil, owner: exists ? (existing.st_uid, existing.st_gid) : nil, shownAs: path, option: option)
  }

  /// Refuses a target that is one of the run's inputs: the same path, or the same file reached by
  /// another path (a hard link, a symbolic link, `./`).
  static func refuseInputs(path: String, target: String, existing: stat?, inputs: [String], option: String) throws(OutputError) {
    for input in inputs {
      let protected = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
      var info = stat()
      let sameFile = existing.map { e in stat(protected, &info) == 0 && info.st_dev == e.st_dev && info.st_ino == e.st_ino } ?? false
      if protected == target || sameFile {
        throw OutputError(path: path, Say.Report.isInput(option).text(), refused: true)
      }
    }
  }

  /// Writes a temporary file beside `target` and renames it into place.
  static func replace(_ target: String, with data: Data, mode: mode_t?, owner: (uid_t, gid_t)?, shownAs path: String, option: String) throws(OutputError) {
    let directory = (target as NSString).deletingLastPathComponent
    var folder = stat()
    guard stat(directory.isEmpty ? "." : directory, &folder) == 0, (folder.st_mode & S_IFMT) == S_IFDIR else {
      throw OutputError(path: path, Say.Report.noFolder(directory).text(), refused: true)
    }
    let temporary = (directory as NSString).appendingPathComponent(
      ".\((target as NSString).lastPathComponent).fenjie-\(getpid()).tmp")
    unlink(temporary)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o666)
    guard descriptor >= 0 else {
      let message = errno == EACCES ? Say.Report.permissionDenied(directory) : Say.Report.cannotWrite(systemReason(errno))
      throw OutputError(path: path, message.text(), refused: errno == EACCES || errno == EROFS)
    }
    var failure = writeAll(descriptor, data)
    if failure == nil, let mode {
      // The mode asked at creation is narrowed by the umask: give the replaced file's back exactly.
      if let (uid, gid) = owner, getuid() == 0 { _ = fchown(descriptor, uid, gid) }
      if fchmod(descriptor, mode) != 0 { failure = errno }
    }
    if close(descriptor) != 0 && failure == nil { failure = errno }
    if failure == nil && rename(temporary, target) != 0 { failure = errno }
    if let failure {
      unlink(temporary)
      throw OutputError(path: path, Say.Report.cannotWrite(systemReason(failure)).text(), refused: false)
    }
  }

  /// A device or a pipe: opened and written as it is.
  static func writeInPlace(_ data: Data, to target: String, shownAs path: String) throws(OutputError) {
    let descriptor = open(target, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw OutputError(path: path, Say.Report.cannotWrite(systemReason(errno)).text(), refused: errno == EACCES)
    }
    var failure = writeAll(descriptor, data)
    if close(descriptor) != 0 && failure == nil { failure = errno }
    if let failure {
      throw OutputError(path: path, Say.Report.cannotWrite(systemReason(failure)).text(), refused: false)
    }
  }

  /// Writes all of `data` to `descriptor`; the errno of a failure, or nil.
  static func writeAll(_ descriptor: Int32, _ data: Data) -> Int32? {
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int32? in
      guard var pointer = raw.baseAddress else { return nil }
      var left = raw.count
      while left > 0 {
        let written = Glibc.write(descriptor, pointer, left)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        if written == 0 { return EIO }
        pointer += written
        left -= written
      }
      return nil
    }
  }
}

/// Standard output and standard error, written so that a failure (`> /dev/full`, a closed stream, a
/// full disk) is an error with a message, never a trap.
public enum StandardStreams {
  /// Writes to standard output; throws when it cannot be written.
  public static func write(_ data: Data) throws(OutputError) {
    fflush(nil)  // what `print` buffered goes first
    if let failure = OutputFile.writeAll(STDOUT_FILENO, data) {
      throw OutputError(path: Say.Report.standardOutput.text(), Say.Report.cannotWrite(systemReason(failure)).text(), refused: false)
    }
  }

  public static func write(_ text: String) throws(OutputError) { try write(Data(text.utf8)) }

  /// Writes to standard error, ignoring a failure (there is nowhere left to report it).
  public static func writeError(_ text: String) {
    _ = OutputFile.writeAll(STDERR_FILENO, Data(text.utf8))
  }
}

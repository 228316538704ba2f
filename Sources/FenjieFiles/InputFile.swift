import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads an input file whole, saying precisely why it cannot be: missing, a folder, not permitted.
enum InputFile {
  /// The largest input read: a dataset's tables are kilobytes; anything near this is not one.
  static let maximumSize = 64 << 20

  static func contents(_ path: String, name: String) throws(InputError) -> Data {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let reason = errno == ENOENT ? "does not exist" : "cannot be read: \(String(cString: strerror(errno)))"
      throw InputError(file: name, "\(reason) (check the path; paths in a scenario or dataset are relative to the file that names them)")
    }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw InputError(file: name, "is a folder, not a file") }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw InputError(file: name, "is not a regular file (a device, a pipe or a socket)") }
    guard Int(info.st_size) <= maximumSize else {
      throw InputError(file: name, "is \(Int(info.st_size) >> 20) MB: far larger than any table or scenario; is it the right file?")
    }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      let reason = errno == EACCES ? "permission denied (fenjie may not read it; check its permissions, e.g. chmod u+r)" : String(cString: strerror(errno))
      throw InputError(file: name, "cannot be read: \(reason)")
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    do {
      return try handle.readToEnd() ?? Data()
    } catch {
      throw InputError(file: name, "cannot be read: \(error.localizedDescription)")
    }
  }
}

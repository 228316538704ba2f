import FenjieText
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
      let reason = errno == ENOENT ? Say.Input.doesNotExist : Say.Input.cannotBeRead(String(cString: strerror(errno)))
      throw InputError(file: name, Say.Input.checkThePath(reason))
    }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw InputError(file: name, Say.Input.isAFolder) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw InputError(file: name, Say.Input.notARegularFile) }
    guard Int(info.st_size) <= maximumSize else {
      throw InputError(file: name, Say.Input.tooLarge(megabytes: Int(info.st_size) >> 20))
    }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw InputError(file: name, errno == EACCES ? Say.Input.permissionDenied : Say.Input.cannotBeRead(String(cString: strerror(errno))))
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    do {
      return try handle.readToEnd() ?? Data()
    } catch {
      throw InputError(file: name, Say.Input.cannotBeRead(error.localizedDescription))
    }
  }
}

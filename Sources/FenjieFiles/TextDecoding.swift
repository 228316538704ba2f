import FenjieText
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Decodes the text files planners send: UTF-8 with or without a byte-order mark, UTF-16 with a
/// byte-order mark (Excel's "Unicode text"), and GB18030/GBK, what Excel and WPS on a Chinese Windows
/// machine write when they save CSV. GB18030 is decoded by the C library's iconv (glibc), the
/// well-kept converter on this platform; Foundation on Linux has no GB18030 decoder.
public enum TextDecoding {
  public enum Encoding: String, Sendable { case utf8 = "UTF-8", utf16 = "UTF-16", gb18030 = "GB18030" }

  /// The text and the encoding it was in, or nil when it is none of them (binary, or a mix).
  public static func decode(_ data: Data) -> (String, Encoding)? {
    if data.starts(with: [0xEF, 0xBB, 0xBF]) {
      return String(data: data.dropFirst(3), encoding: .utf8).map { ($0, .utf8) }
    }
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
      return String(data: data, encoding: .utf16).map { ($0, .utf16) }
    }
    if let text = String(data: data, encoding: .utf8) { return (text, .utf8) }
    if let text = gb18030(data) { return (text, .gb18030) }
    return nil
  }

  /// What a user should do when a file cannot be decoded.
  public static var resaveAdvice: Message { Say.Input.resaveAsUTF8 }

  /// Whether `data` is UTF-8 cut inside its last character: what a file cut short shows.
  public static func isCutUTF8(_ data: Data) -> Bool {
    guard let last = data.last, last >= 0x80 else { return false }
    for drop in 1...3 where data.count > drop {
      if String(data: data.dropLast(drop), encoding: .utf8) != nil { return true }
    }
    return false
  }

  public static var cutAdvice: Message { Say.Input.cutInsideACharacter }

  static func gb18030(_ data: Data) -> String? {
    guard !data.isEmpty else { return "" }
    let converter = iconv_open("UTF-8", "GB18030")
    guard converter != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(converter) }
    var input = [CChar](repeating: 0, count: data.count)
    data.withUnsafeBytes { raw in
      for (index, byte) in raw.enumerated() { input[index] = CChar(bitPattern: byte) }
    }
    var output = [CChar](repeating: 0, count: data.count * 4 + 16)
    var inputLeft = input.count
    var outputLeft = output.count
    let converted: Bool = input.withUnsafeMutableBufferPointer { inputBuffer in
      output.withUnsafeMutableBufferPointer { outputBuffer in
        var inputPointer: UnsafeMutablePointer<CChar>? = inputBuffer.baseAddress
        var outputPointer: UnsafeMutablePointer<CChar>? = outputBuffer.baseAddress
        return iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft) != -1
      }
    }
    guard converted, inputLeft == 0 else { return nil }
    let text = String(decoding: output.prefix(output.count - outputLeft).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    // Control characters other than line ends and tabs mean binary data, not a table.
    if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" }) { return nil }
    return text
  }
}

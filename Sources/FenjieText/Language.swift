/// The language of everything a user reads (界面语言): Chinese by default, English with `--lang en`
/// or an English locale (`LANG=en_US.UTF-8`).
public enum Language: String, Sendable, CaseIterable {
  case chinese = "zh"
  case english = "en"

  /// The language of this process's output. Set once by the command line before any work starts
  /// (parsing included), read everywhere after; the library's default is Chinese.
  nonisolated(unsafe) public static var current: Language = .chinese

  /// The language a locale asks for: English when `LC_ALL`, `LC_MESSAGES` or `LANG` (the first one
  /// set, as the C library reads them) names an English locale, Chinese otherwise.
  public static func of(environment: [String: String]) -> Language {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[key], !value.isEmpty else { continue }
      return value.lowercased().hasPrefix("en") ? .english : .chinese
    }
    return .chinese
  }

  /// `--lang zh|en` (also `--lang=en`, `zh_CN`, `en_US`) in the arguments, else the locale's language.
  /// Read before the arguments are parsed, so that the help and the parser's own messages are in it.
  public static func of(arguments: [String], environment: [String: String]) -> Language {
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let argument = arguments[index]
      if argument == "--" { break }
      var value: String? = nil
      if argument == "--lang", index + 1 < arguments.endIndex { value = arguments[index + 1] }
      if argument.hasPrefix("--lang=") { value = String(argument.dropFirst("--lang=".count)) }
      if let value, let language = Language(code: value) { return language }
      index += 1
    }
    return of(environment: environment)
  }

  /// `zh`, `zh_CN`, `zh-Hans`, `cn`, `中文` → Chinese; `en`, `en_US` , `English` → English.
  public init?(code: String) {
    let lower = code.lowercased()
    if lower.hasPrefix("zh") || lower == "cn" || code == "中文" { self = .chinese }
    else if lower.hasPrefix("en") || code == "英文" { self = .english }
    else { return nil }
  }
}

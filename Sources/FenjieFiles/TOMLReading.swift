/// Typed access to a TOML table with messages that name the file, the line and the key, and that
/// refuse unknown keys (a typo in a key name must not pass silently).
struct TOMLReader {
  let document: TOMLDocument
  let table: [String: TOMLNode]
  /// "capacity" for keys inside [capacity], for messages.
  let context: String

  init(_ document: TOMLDocument, _ table: [String: TOMLNode], context: String = "") {
    self.document = document
    self.table = table
    self.context = context
  }

  func name(_ key: String) -> String { context.isEmpty ? key : "\(context).\(key)" }

  /// An error about `key` of this table: at the option that set it, else at its line in the file.
  func error(_ key: String, _ message: String) -> InputError {
    if let option = document.option(setting: name(key)) { return InputError(file: option, message) }
    if let (array, index) = arrayElement, let row = document.line(of: key, inArrayTable: array, index: index) {
      return InputError(file: document.path, row: row, message)
    }
    return document.error(key, message)
  }

  /// ("lock", 2) for the second `[[lock]]`.
  var arrayElement: (String, Int)? {
    guard context.hasSuffix("]"), let open = context.lastIndex(of: "["),
      let index = Int(context[context.index(after: open)..<context.index(before: context.endIndex)])
    else { return nil }
    return (String(context[..<open]), index)
  }

  /// An error about this whole table (a `[[lock]]`, a `[[shock]]`): at the option that made it, else
  /// at `key`'s line.
  func tableError(_ key: String, _ message: String) -> InputError {
    if let option = document.option(setting: context) { return InputError(file: option, message) }
    return error(key, message)
  }

  func checkKeys(_ allowed: [String]) throws(InputError) {
    for key in table.keys.sorted() where !allowed.contains(key) {
      throw error(key, "unknown key \"\(name(key))\"\(suggestion(key, allowed))")
    }
  }

  func string(_ key: String) throws(InputError) -> String? {
    guard let node = table[key] else { return nil }
    guard case .string(let s) = node else {
      throw error(key, "\"\(name(key))\" should be text in quotes, found \(node.typeName)")
    }
    return s
  }

  func requiredString(_ key: String) throws(InputError) -> String {
    guard let s = try string(key) else {
      throw tableError(context, "\(context.isEmpty ? "" : "[\(context)] ")needs \"\(key)\"")
    }
    return s
  }

  func number(_ key: String, in range: ClosedRange<Double>? = nil) throws(InputError) -> Double? {
    guard let node = table[key] else { return nil }
    guard let value = node.number else {
      if case .string(let text) = node, text.hasSuffix("%"), let percent = Double(text.dropLast()) {
        throw error(key, "\"\(name(key))\" should be a number, found text: write \(percent / 100) for \(text)")
      }
      throw error(key, "\"\(name(key))\" should be a number, found \(node.typeName)")
    }
    guard value.isFinite else { throw error(key, "\"\(name(key))\" must be a finite number") }
    if let range, !range.contains(value) {
      throw error(key, "\"\(name(key))\" = \(value) is outside \(range.lowerBound)…\(range.upperBound)")
    }
    return value
  }

  func integer(_ key: String) throws(InputError) -> Int? {
    guard let node = table[key] else { return nil }
    guard case .integer(let value) = node else {
      throw error(key, "\"\(name(key))\" should be a whole number, found \(node.typeName)")
    }
    return value
  }

  func bool(_ key: String) throws(InputError) -> Bool? {
    guard let node = table[key] else { return nil }
    guard case .bool(let value) = node else {
      throw error(key, "\"\(name(key))\" should be true or false, found \(node.typeName)")
    }
    return value
  }

  func strings(_ key: String) throws(InputError) -> [String]? {
    guard let node = table[key] else { return nil }
    guard case .array(let items) = node else {
      throw error(key, "\"\(name(key))\" should be a list of texts, e.g. [\"a\", \"b\"]")
    }
    var result: [String] = []
    for item in items {
      guard case .string(let s) = item else {
        throw error(key, "\"\(name(key))\" should hold texts in quotes, found \(item.typeName)")
      }
      result.append(s)
    }
    return result
  }

  func subtable(_ key: String) throws(InputError) -> TOMLReader? {
    guard let node = table[key] else { return nil }
    guard case .table(let t) = node else {
      throw error(key, "\"\(name(key))\" should be a table ([\(name(key))])")
    }
    return TOMLReader(document, t, context: name(key))
  }

  func tables(_ key: String) throws(InputError) -> [TOMLReader] {
    guard let node = table[key] else { return [] }
    guard case .array(let items) = node else {
      throw error(key, "\"\(name(key))\" should be written as [[\(name(key))]] tables")
    }
    var result: [TOMLReader] = []
    for (index, item) in items.enumerated() {
      guard case .table(let t) = item else {
        throw error(key, "\"\(name(key))\" should be written as [[\(name(key))]] tables")
      }
      result.append(TOMLReader(document, t, context: "\(name(key))[\(index + 1)]"))
    }
    return result
  }
}

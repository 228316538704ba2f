import FenjieText

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
  func error(_ key: String, _ message: Message) -> InputError {
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
  func tableError(_ key: String, _ message: Message) -> InputError {
    if let option = document.option(setting: context) { return InputError(file: option, message) }
    return error(key, message)
  }

  func checkKeys(_ allowed: [String]) throws(InputError) {
    for key in table.keys.sorted() where !allowed.contains(key) {
      throw error(key, Say.Input.unknownKey(name(key), suggestion: suggestion(key, allowed)))
    }
  }

  func string(_ key: String) throws(InputError) -> String? {
    guard let node = table[key] else { return nil }
    guard case .string(let s) = node else {
      throw error(key, Say.Input.shouldBeText(name(key), found: node.typeName))
    }
    return s
  }

  func requiredString(_ key: String) throws(InputError) -> String {
    guard let s = try string(key) else {
      throw tableError(context, Say.Input.needsKey(key, in: context))
    }
    return s
  }

  func number(_ key: String, in range: ClosedRange<Double>? = nil) throws(InputError) -> Double? {
    guard let node = table[key] else { return nil }
    guard let value = node.number else {
      if case .string(let text) = node, text.hasSuffix("%"), let percent = Double(text.dropLast()) {
        throw error(key, Say.Input.percentAsText(name(key), value: "\(percent / 100)", percent: text))
      }
      throw error(key, Say.Input.shouldBeNumber(name(key), found: node.typeName))
    }
    guard value.isFinite else { throw error(key, Say.Input.mustBeFinite(name(key))) }
    if let range, !range.contains(value) {
      throw error(key, Say.Input.outsideRange(name(key), "\(value)", "\(range.lowerBound)", "\(range.upperBound)"))
    }
    return value
  }

  func integer(_ key: String) throws(InputError) -> Int? {
    guard let node = table[key] else { return nil }
    guard case .integer(let value) = node else {
      throw error(key, Say.Input.shouldBeWholeNumber(name(key), found: node.typeName))
    }
    return value
  }

  func bool(_ key: String) throws(InputError) -> Bool? {
    guard let node = table[key] else { return nil }
    guard case .bool(let value) = node else {
      throw error(key, Say.Input.shouldBeBool(name(key), found: node.typeName))
    }
    return value
  }

  func strings(_ key: String) throws(InputError) -> [String]? {
    guard let node = table[key] else { return nil }
    guard case .array(let items) = node else {
      throw error(key, Say.Input.shouldBeListOfTexts(name(key)))
    }
    var result: [String] = []
    for item in items {
      guard case .string(let s) = item else {
        throw error(key, Say.Input.shouldHoldTexts(name(key), found: item.typeName))
      }
      result.append(s)
    }
    return result
  }

  func subtable(_ key: String) throws(InputError) -> TOMLReader? {
    guard let node = table[key] else { return nil }
    guard case .table(let t) = node else {
      throw error(key, Say.Input.shouldBeTable(name(key)))
    }
    return TOMLReader(document, t, context: name(key))
  }

  func tables(_ key: String) throws(InputError) -> [TOMLReader] {
    guard let node = table[key] else { return [] }
    guard case .array(let items) = node else {
      throw error(key, Say.Input.shouldBeArrayOfTables(name(key)))
    }
    var result: [TOMLReader] = []
    for (index, item) in items.enumerated() {
      guard case .table(let t) = item else {
        throw error(key, Say.Input.shouldBeArrayOfTables(name(key)))
      }
      result.append(TOMLReader(document, t, context: "\(name(key))[\(index + 1)]"))
    }
    return result
  }
}

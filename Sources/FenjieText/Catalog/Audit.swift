/// The findings of `fenjie check` (数据检查): goals against the years, street tables against the
/// district targets, "其中" lines above their parent, columns that are not streets.
extension Say {
  public enum Audit {
    /// "错误"/"error", "警告"/"warning", "提示"/"note" before a finding.
    public static func severity(_ raw: String) -> Message {
      switch raw {
      case "error": return Message(zh: "错误", en: "error")
      case "warning": return Message(zh: "警告", en: "warning")
      default: return Message(zh: "提示", en: "note")
      }
    }

    /// "错误：文件，第3行：消息" / "error: file, row 3: message".
    public static func finding(_ severity: String, _ place: String, _ message: String) -> Message {
      let s = Audit.severity(severity)
      return Message(zh: "\(s.chinese)：\(place)：\(message)", en: "\(s.english): \(place): \(message)")
    }

    /// Where in a file: "targets.csv，第3行，E列（惠山街道）" / "targets.csv, row 3, column E (惠山街道)";
    /// a TOML file counts lines ("第4行" / "line 4"). `column` is the letter and its header, "E (惠山街道)".
    /// For `SourcePlace.description`, which input errors share: to be switched over together with the
    /// input errors' own messages (FenjieFiles), whose tests name places in English today.
    public static func place(file: String, row: Int?, toml: Bool, column: String?) -> Message {
      var zh = file
      var en = file
      if let row {
        zh += "，第\(row)行"
        en += toml ? ", line \(row)" : ", row \(row)"
      }
      if let column {
        en += ", column \(column)"
        if let space = column.firstIndex(of: " "), column.hasSuffix(")"), column[column.index(after: space)...].hasPrefix("(") {
          let letter = column[..<space]
          let header = column[column.index(space, offsetBy: 2)..<column.index(before: column.endIndex)]
          zh += "，\(letter)列（\(header)）"
        } else {
          zh += "，\(column)列"
        }
      }
      return Message(zh: zh, en: en)
    }

    public static func missingYears(_ name: String) -> Message {
      Message(zh: "\(name)：部分规划年份没有目标", en: "\(name): no target for some plan years")
    }

    public static func goalMismatch(_ name: String, _ goal: String, sum: Bool, _ expected: String) -> Message {
      Message(
        zh: "\(name)：三年目标 \(goal) 不等于\(sum ? "各年目标之和" : "最后一年的目标")（\(expected)）",
        en: "\(name): the three-year goal \(goal) is not \(sum ? "the sum of the years" : "the final year's value") (\(expected))")
    }

    public static func rateDiffers(_ name: String, _ value: String, _ district: String) -> Message {
      Message(zh: "\(name)：\(value) 与全区比率 \(district) 不同", en: "\(name): \(value) differs from the district rate \(district)")
    }

    public static func belowDistrict(_ name: String, _ sum: String, _ district: String, _ year: Int) -> Message {
      Message(
        zh: "\(name)：各街道合计 \(sum)，低于\(year)年区目标 \(district)",
        en: "\(name): the areas add up to \(sum), below the district target \(district) for \(year)")
    }

    public static func aboveParent(_ name: String, _ value: String, _ parent: String, _ parentValue: String) -> Message {
      Message(
        zh: "\(name)（\(value)）高于上级指标\(parent)（\(parentValue)）",
        en: "\(name) (\(value)) is above its parent line \(parent) (\(parentValue))")
    }

    public static func parentNotApplicable(_ name: String, _ value: String, _ parent: String) -> Message {
      Message(
        zh: "\(name)为 \(value)，而其上级指标\(parent)为\"/\"",
        en: "\(name) has \(value) where its parent line \(parent) has \"/\"")
    }

    public static func columnExceedsDistrict(_ count: Int, _ examples: [String], more: Bool) -> Message {
      let zhList = examples.joined(separator: "；") + (more ? " 等" : "")
      let enList = examples.joined(separator: "; ") + (more ? "; ..." : "")
      return Message(
        zh: "本列有 \(count) 个指标单独超过全区目标（\(zhList)）：这一列真是一个街道吗，还是扫描噪声？",
        en: "on \(count) line\(count > 1 ? "s" : "") this one area exceeds the whole district's target (\(enList)): is this column really an area's, or scanner noise?")
    }
  }
}

/// Reading back a 分解表 the planner edited (`allocate --from`, 读回修改后的分解表).
extension Say {
  public enum EditedTable {
    public static let cannotRead = Message(zh: "无法读取", en: "cannot be read")
    public static func noHeader(_ someAreas: String) -> Message {
      Message(
        zh: "找不到含“指标”和各区域名称（\(someAreas)…）的表头行；这是 fenjie 写出的分解表吗？",
        en: "has no header row with 指标 and the area names (\(someAreas)…); is this a 分解表 fenjie wrote?")
    }
    public static func areaTwice(_ area: String) -> Message {
      Message(zh: "\(area) 列出现了两次", en: "\(area) is a column twice")
    }
    public static func notALine(_ label: String) -> Message {
      Message(zh: "“\(label)”不是本数据集的指标", en: "\"\(label)\" is not a line of this dataset")
    }
    public static func lineTwice(_ line: String) -> Message {
      Message(zh: "\(line) 出现了两次", en: "\(line) appears twice")
    }
    public static let uncalculated = Message(
      zh: "公式没有保存的计算结果：请在 Excel 或 WPS 中打开并保存工作簿（使数值得到计算），或直接填入数字",
      en: "the formula has no saved value; open the workbook in Excel or WPS and save it (so the values are calculated), or type the number")
    public static func negative(_ text: String, area: String, line: String) -> Message {
      Message(zh: "\(area) 的 \(line) 为负数（\(text)）", en: "\(text) for \(area) on \(line) is negative")
    }
    public static func invalid(_ why: Message, area: String, line: String) -> Message {
      Message(zh: "\(why.chinese)（\(area)，\(line)）", en: "\(why.english) (\(area), \(line))")
    }
    public static let noLines = Message(
      zh: "有表头，但表头下没有本数据集的指标行", en: "has a header but no line of this dataset under it")
  }
}

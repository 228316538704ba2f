/// Words and phrases used across the interface (通用). The glossary (`docs/glossary.md`) gives the
/// Chinese term a planner uses for each technical one.
extension Say {
  public enum Common {
    /// "第 N 行" / "row N"
    public static func row(_ n: Int) -> Message { Message(zh: "第\(n)行", en: "row \(n)") }
    /// "；是不是 X？" / "; did you mean X?"
    public static func didYouMean(_ name: String) -> Message {
      Message(zh: "；是否指“\(name)”？", en: "; did you mean \(name)?")
    }
    /// 示例数据: the label of every illustrative figure.
    public static let illustrative = Message(zh: "示例数据", en: "示例数据 (illustrative data)")
  }
}

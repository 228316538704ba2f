/// The simulation module's sentences (模拟): why a simulation input or argument is refused.
/// Field names of the model file (target, known, remaining, mean_ratio, sigma, correlation, cells)
/// stay as they are written in the file, in both languages.
extension Say {
  public enum Simulation {
    // MARK: Errors

    /// The heading of the list of problems of an input.
    public static let invalidInput = Message(zh: "模拟输入有误：", en: "invalid simulation input:")
    /// An argument of the simulator out of range: "模拟参数有误：…" / "invalid simulation argument: …"
    public static func invalidArgument(_ problem: Message) -> Message {
      Message(
        zh: "模拟参数有误：" + problem.chinese, en: "invalid simulation argument: " + problem.english)
    }
    public static func runsAtLeastOne(_ runs: Int) -> Message {
      Message(zh: "模拟次数至少为 1，实为 \(runs)", en: "runs must be at least 1, got \(runs)")
    }
    public static func threadsAtLeastOne(_ threads: Int) -> Message {
      Message(zh: "线程数至少为 1，实为 \(threads)", en: "threads must be at least 1, got \(threads)")
    }
    public static func maxRunsAtLeastOne(_ runs: Int) -> Message {
      Message(zh: "模拟次数上限至少为 1，实为 \(runs)", en: "max runs must be at least 1, got \(runs)")
    }
    public static func precisionRange(_ precision: Double) -> Message {
      Message(
        zh: "精度须为 (0, 0.5] 之内的标准误，实为 \(precision)",
        en: "precision must be a standard error in (0, 0.5], got \(precision)")
    }

    // MARK: The input's shape

    public static let noAreas = Message(zh: "没有给出地区（街道）", en: "no areas (streets) given")
    public static let noYears = Message(zh: "没有给出模拟年份", en: "no simulated years given")
    public static func yearsNotAscending(_ first: Int, _ next: Int) -> Message {
      Message(
        zh: "年份须严格递增：\(first) 之后是 \(next)",
        en: "years must be strictly ascending: \(first) is followed by \(next)")
    }
    public static let groupFactorNeedsGroups = Message(
      zh: "因子 \"group\" 至少需要一个行动组", en: "factor \"group\" needs at least one action group")
    /// Where a problem is: "指标 a1（名称）" / "indicator a1 (name)".
    public static func indicator(_ id: String, _ name: String) -> Message {
      Message(zh: "指标 \(id)（\(name)）", en: "indicator \(id) (\(name))")
    }
    /// "<place>：<problem>" / "<place>: <problem>"
    public static func at(_ place: Message, _ problem: Message) -> Message {
      Message(zh: place.chinese + "：" + problem.chinese, en: place.english + ": " + problem.english)
    }
    /// "<place>，<more>" / "<place>, <more>": a place made more precise.
    public static func within(_ place: Message, _ more: Message) -> Message {
      Message(zh: place.chinese + "，" + more.chinese, en: place.english + ", " + more.english)
    }
    /// A place named the same in both languages (a street, a year).
    public static func name(_ text: String) -> Message { Message(zh: text, en: text) }
    public static func yearIndex(_ index: Int) -> Message {
      Message(zh: "年份序号 \(index)", en: "year index \(index)")
    }
    public static func streetIndex(_ index: Int) -> Message {
      Message(zh: "街道序号 \(index)", en: "street index \(index)")
    }
    /// "年度目标" / "annual goal"; the other goal by its key in the file.
    public static func goal(annual: Bool, key: String) -> Message {
      annual ? Message(zh: "年度目标", en: "annual goal") : Message(zh: "\(key) 目标", en: "\(key) goal")
    }
    public static func idUsedTwice(_ id: String) -> Message {
      Message(zh: "编号 \(id) 用了两次", en: "the id \(id) is used twice")
    }
    public static func groupOutOfRange(_ group: Int, groups: Int) -> Message {
      Message(
        zh: "组 \(group) 不是 \(groups) 个行动组中的序号",
        en: "group \(group) is not an index of the \(groups) action groups")
    }
    public static func yearCount(_ count: Int, expected: Int) -> Message {
      Message(
        zh: "cells 有 \(count) 年，应为 \(expected) 年（每个模拟年份一个）",
        en: "cells has \(count) years, expected \(expected) (one per simulated year)")
    }
    public static func streetCount(_ count: Int, expected: Int) -> Message {
      Message(
        zh: "\(count) 个街道，应为 \(expected) 个（每个地区一个）",
        en: "\(count) streets, expected \(expected) (one per area)")
    }

    // MARK: Numbers

    /// "<field> 须为<rule>，实为 <value>" / "<field> must be <rule>, got <value>"
    public static func field(_ name: String, mustBe rule: Message, got value: Double) -> Message {
      Message(
        zh: "\(name) 须为\(rule.chinese)，实为 \(value)",
        en: "\(name) must be \(rule.english), got \(value)")
    }
    public static let finiteNonNegative = Message(zh: "不小于 0 的有限数", en: "a finite number ≥ 0")
    public static func between(_ low: String, _ high: String) -> Message {
      Message(zh: "\(low) 到 \(high) 之间的数", en: "between \(low) and \(high)")
    }
  }
}

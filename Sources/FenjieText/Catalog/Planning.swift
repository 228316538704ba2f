/// The planning layer's sentences (规划流程): its errors (`PlanningError`), where the simulated
/// street targets and the achievement ratios (完成率) came from, the methods of the confidence
/// margins and the backtest, the kept edits of an edited 分解表.
extension Say {
  public enum Planning {
    // MARK: Errors

    public static let noPlanYears = Message(zh: "没有规划年份", en: "has no plan years")

    public static func goalYearKnown(_ year: Int) -> Message {
      Message(
        zh: "\(year)年的完成数已经知道：没有可模拟的内容",
        en: "the actuals of \(year) are already known: there is nothing left to simulate")
    }

    public static func cannotAllocateForSimulation(_ year: Int, _ reason: String) -> Message {
      Message(zh: "无法为模拟分解\(year)年：\(reason)", en: "cannot allocate \(year) for the simulation: \(reason)")
    }

    public static func shareNeedsOutput(_ name: String, _ year: Int) -> Message {
      Message(
        zh: "\(name)是占比指标：情景须给出 [industrial_output] \(year) = ...（规上工业总产值，亿元）才能模拟",
        en: "\(name) is a share: the scenario needs [industrial_output] \(year) = ... (规上工业总产值, 亿元) to simulate it")
    }

    public static func cannotSimulate(_ name: String, _ reason: String) -> Message {
      Message(zh: "无法模拟\(name)：\(reason)", en: "cannot simulate \(name): \(reason)")
    }

    public static func cannotSimulateHeldOut(_ year: Int, _ reason: String) -> Message {
      Message(zh: "无法模拟留出的\(year)年：\(reason)", en: "cannot simulate the held-out year \(year): \(reason)")
    }

    public static func invalidSimulationInput(_ reason: String) -> Message {
      Message(zh: "模拟的输入无效：\(reason)", en: "the simulation's input is not valid: \(reason)")
    }

    public static let nothingToBacktest = Message(
      zh: "没有既有完成数、又有街道目标表可对照的年份：无法回测（请添加 kind 为 \"actual\" 的 [[tables]]）",
      en: "has no year with actuals and a street table to hold them against: nothing to backtest (add [[tables]] of kind \"actual\")")

    // MARK: Edited 分解表

    public static func editWhereNotApplicable(_ place: String, _ value: String, _ area: String, _ line: String) -> Message {
      Message(
        zh: "\(place)：\(area)的\(line)填了 \(value)，而草稿中为\"/\"（该指标不适用于这个街道）；请在情景中开放（[open]），不要在表中填写",
        en: "\(place): \(value) for \(area) on \(line), where the draft has \"/\" (the line does not apply to this street); open it in the scenario ([open]) rather than in the table")
    }

    public static func editEmpty(_ place: String, _ area: String, _ line: String) -> Message {
      Message(
        zh: "\(place)：\(area)的\(line)为空或\"/\"，而草稿中有数字；如果该街道没有任务，请填 0",
        en: "\(place): \(area) on \(line) is empty or \"/\" where the draft has a number; type 0 if the street should have none")
    }

    public static func editNotWhole(_ place: String, _ line: String, _ unit: String, _ value: String) -> Message {
      Message(
        zh: "\(place)：\(line)以整数\(unit)计；\(value) 不是整数",
        en: "\(place): \(line) counts whole \(unit); \(value) is not a whole number")
    }

    /// "扬名街道 高新技术企业申报数 由 102 改为 90" / "… 102 -> 90" ("→" is ambiguous-width).
    public static func edit(_ area: String, _ name: String, _ draft: String, _ edited: String) -> Message {
      Message(zh: "\(area) \(name) 由 \(draft) 改为 \(edited)", en: "\(area) \(name) \(draft) -> \(edited)")
    }

    public static func editsKept(_ count: Int, _ file: String, _ listed: [String], more: Int) -> Message {
      Message(
        zh: "保留了 \(file) 中的 \(count) 处修改（已锁定；其余单元格重新分解）：\(listed.joined(separator: "；"))\(more > 0 ? "；另有 \(more) 处" : "")",
        en: "\(count) edit\(count == 1 ? "" : "s") kept from \(file) (locked; every other cell re-balanced): \(listed.joined(separator: "; "))\(more > 0 ? "; and \(more) more" : "")")
    }

    // MARK: Where the simulated targets and ratios come from

    public static func publishedTable(_ year: Int, _ label: String) -> Message {
      Message(zh: "\(year)年分解表（\(label)）", en: "\(year) 分解表 (\(label))")
    }

    public static func ownAllocation(_ year: Int, rule: String, feasible: Bool) -> Message {
      Message(
        zh: "fenjie 对\(year)年的分解，分解规则：\(Allocation.ruleShort(rule).chinese)\(feasible ? "" : "（部分指标按设定不可行：按修复建议调整后列出）")",
        en: "\(year) fenjie's own allocation, rule \(rule)\(feasible ? "" : " (some lines infeasible as set: shown with the suggested changes)")")
    }

    public static func fittedAgainstOwn(_ year: Int, rule: String) -> Message {
      Message(
        zh: "\(year)年完成数对照 fenjie 对\(year)年的分解拟合（分解规则：\(Allocation.ruleShort(rule).chinese)；\(year)年未印发分解表）",
        en: "\(year) actuals fitted against fenjie's own \(year) allocation (rule \(rule); no \(year) 分解表 is published)")
    }

    public static func scenarioDefaults(mean: String, sigma: String) -> Message {
      Message(
        zh: "情景默认值（期望完成率 \(mean)，对数标准差 sigma \(sigma)）",
        en: "scenario defaults (mean ratio \(mean), sigma \(sigma))")
    }

    public static func pooledPrior(_ sigma: String, df: Int) -> Message {
      Message(zh: "各指标合并估计的 \(sigma)（自由度 \(df)）", en: "pooled across lines \(sigma) on \(df) df")
    }

    public static func scenarioSigma(_ sigma: String) -> Message {
      Message(zh: "情景给出的 sigma \(sigma)", en: "scenario sigma \(sigma)")
    }

    public static func fitted(
      pairs: Int, ownSigma: String, df: Int, priorDF: String, prior: Message, floor: String, sigma: String, shrink: Message
    ) -> Message {
      Message(
        zh: "按 \(pairs) 个街道年份的完成数 / 目标拟合（本指标自身 sigma \(ownSigma)，自由度 \(df)；以 \(priorDF) 个自由度向\(prior.chinese)收缩，下限 \(floor)：sigma \(sigma)；各街道均值按 \(shrink.chinese) 个虚拟观测收缩）",
        en: "fitted from \(pairs) street-years of actual / target (own sigma \(ownSigma) on \(df) df, shrunk with \(priorDF) df toward \(prior.english), floor \(floor): sigma \(sigma); street means shrunk by \(shrink.english) pseudo-observations)")
    }

    public static let fullPooling = Message(
      zh: "无穷多（街道之间没有超出随机波动的差异）", en: "infinitely many (no spread between streets beyond chance)")

    // MARK: Methods

    public static let confidenceMethod = Message(
      zh: "样本均值近似（sample average approximation）：对每个指标，在 0 至 +300% 之间二分查找（精确到 0.1 个百分点，且不低于区目标）最小的余量，使固定抽样下全区合计达到目标的模拟概率不低于所求置信度；再用另一个随机种子独立模拟核验",
      en: "sample average approximation: for each line, the smallest margin (bisection over 0 to +300%, to 0.1 pt; never below the district target) whose simulated odds of the district total reaching the target, with fixed draws, are at least the level; checked by an independent simulation with another seed")

    public static let backtestMethod = Message(
      zh: "依次留出每个有完成数的年份：用其余年份按 fenjie simulate 的方法拟合完成率，再按该年的街道目标模拟该年（有年内进度的，按前几个月的进度模拟剩余部分）；朴素模型：每个街道重复其最近另一年的完成数 / 目标（达到目标则 P = 1，否则为 0）",
      en: "each year with actuals held out in turn: ratios fitted from the other years as fenjie simulate fits them, the year simulated with its street targets (and, where it has progress to date, its rest simulated from its first months); naive model: each street repeats its actual / target of the latest other year (P = 1 if that reaches its target, else 0)")
  }
}

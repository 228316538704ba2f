/// The reports' sentences (报告): the odds of hitting the goals (`simulate`), the comparison of
/// scenarios (`compare`) and the backtest (`backtest`), as the terminal, markdown, CSV, JSON and the
/// workbooks show them. Terminal text uses no East Asian Ambiguous character (σ ρ κ · – — ± × ÷ →
/// ≥ “ ” ✗ ∞ ²): CJK terminals draw them two columns wide and the tables lose their alignment.
extension Say {
  public enum Report {
    // MARK: Shared forms

    /// A range of two figures: "47.3%～60.1%" / "47.3%-60.1%" (no "–", which is ambiguous-width).
    public static func range(_ lower: String, _ upper: String) -> Message {
      Message(zh: "\(lower)～\(upper)", en: "\(lower)-\(upper)")
    }

    /// A goal as a table names it: "2026年" / "2026" for the annual goal, "三年 2024-2026" /
    /// "2024-2026 plan" for the plan's (short: the goal table's first panel fits 120 columns).
    public static func goal(annual: Bool, first: Int, last: Int, length: Int) -> Message {
      if annual { return Message(zh: "\(last)年", en: "\(last)") }
      return Message(zh: "\(chineseYears(length)) \(first)-\(last)", en: "\(first)-\(last) plan")
    }

    /// "三年" for 3: the plan's length as planners say it.
    public static func chineseYears(_ length: Int) -> String {
      let digits = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
      return (1...10).contains(length) ? digits[length - 1] + "年" : "\(length)年"
    }

    public static func sources(_ list: [String]) -> Message { Allocation.sources(list) }

    /// "N runs, seed S, generator G, fenjie V".
    public static func runLine(runs: Int, seed: String, generator: String, version: String) -> Message {
      Message(
        zh: "模拟 \(runs) 次，随机种子 \(seed)，随机数生成器 \(generator)，fenjie \(version)",
        en: "\(runs) runs, seed \(seed), generator \(generator), fenjie \(version)")
    }

    public static func precision(_ target: String, _ achieved: String, runs: Int) -> Message {
      Message(
        zh: "；--precision \(target)：模拟 \(runs) 次后最大标准误为 \(achieved)",
        en: "; --precision \(target): largest standard error \(achieved) after \(runs) runs")
    }

    public static func precisionCap(_ maxRuns: Int) -> Message {
      Message(zh: "（已达模拟次数上限 \(maxRuns)，未达到要求的精度）", en: " (stopped at the cap of \(maxRuns) runs)")
    }

    public static let notForXLSX = Message(
      zh: "--format xlsx 是二进制工作簿：请使用 workbook()\n", en: "--format xlsx is a binary workbook: use workbook()\n")

    // MARK: Simulation (达成概率)

    public static func simulationTitle(_ region: String, _ year: Int) -> Message {
      Message(zh: "\(region) \(year)年目标达成概率", en: "\(region) odds of hitting the \(year) goals")
    }

    public static let unitHeader = "单位"
    public static let exactHeader = Message(zh: "P(达成) 精确值", en: "P(达成) exact")

    public static func allGoals(_ goals: Int, _ p: String, _ range: Message) -> Message {
      Message(
        zh: "全部 \(goals) 项目标同时达成：\(p)（95% 置信区间 \(range.chinese)）",
        en: "All \(goals) goals at once: \(p) (95% \(range.english))")
    }

    public static func groupGoals(_ group: String, _ goals: Int, _ p: String, _ range: Message) -> Message {
      Message(
        zh: "  \(group)（\(goals) 项目标）同时达成：\(p)（95% 置信区间 \(range.chinese)）",
        en: "  \(group), its \(goals) goals at once: \(p) (95% \(range.english))")
    }

    public static let simulationIllustrative = Message(
      zh: "示例数据：这些概率使用了没有任何文件印发的示例数字，不得作为正式数据印发。",
      en: "示例数据: these odds use illustrative figures that no document publishes; do not circulate them as official.")

    public static func restOfYear(_ year: Int, _ elapsed: String) -> Message {
      Message(zh: "\(year)年（已过 \(elapsed) 之后的剩余部分）", en: "\(year) (the rest of the year after \(elapsed) of it)")
    }

    public static func year(_ year: Int) -> Message { Message(zh: "\(year)年", en: "\(year)") }

    public static func simulatedYears(_ years: [Message], known: [Int]) -> Message {
      Message(
        zh: "模拟年份：" + years.map(\.chinese).joined(separator: "、")
          + (known.isEmpty ? "" : "；已知完成数：" + known.map { "\($0)年" }.joined(separator: "、")),
        en: "Simulated: " + years.map(\.english).joined(separator: ", ")
          + (known.isEmpty ? "" : "; known actuals: " + known.map(String.init).joined(separator: ", ")))
    }

    public static func streetTargets(_ source: String) -> Message {
      Message(zh: "街道目标：\(source)", en: "Street targets: \(source)")
    }

    public static func defaultRatios(_ sources: [String]) -> Message {
      Message(
        zh: "完成率：数据中没有完成数的指标按\(sources.joined(separator: "；"))",
        en: "Achievement ratios: \(sources.joined(separator: "; ")) where the dataset has no actuals")
    }

    public static func fittedRatios(every: Bool, _ count: Int) -> Message {
      Message(
        zh: "完成率：\(every ? "全部指标" : "其中 \(count) 个指标")按数据中的历年完成数拟合（各街道的参数见 --format json）",
        en: "Achievement ratios \(every ? "of every line" : "of \(count) lines") fitted from the dataset's actuals (see --format json for each street's)")
    }

    public static func model(correlation: String, districtFactor: Bool) -> Message {
      Message(
        zh: "模型：街道完成数 = 目标 x 完成率 R，R 服从对数正态分布（均值为期望完成率，对数标准差 sigma），街道之间的相关系数为 \(correlation)，来自\(districtFactor ? "每年一个全区共同因子" : "每年每个行动组一个共同因子")；计数指标再按泊松分布（Poisson）抽取",
        en: "Model: street result = target x R, R lognormal (log R ~ N(ln E[R] - sigma^2/2, sigma^2)) with correlation rho = \(correlation) through one \(districtFactor ? "district-wide" : "per-action-group") factor per year; counts are Poisson(target x R)")
    }

    public static func pace(scenarioProfile: Bool, kappa: String) -> Message {
      Message(
        zh: "年内剩余部分：每个街道的完成率按其至今的进度更新，权重 w = e/(e + k(1 - e))，e 为按\(scenarioProfile ? "情景给出的月度进度" : "均匀的月度进度")至今应完成的比例，k = \(kappa)（计数指标还考虑泊松噪声）；进度落后的街道不假定会追上（见 --format json 的 areas/years/pace）",
        en: "Rest of the year: each street's ratio updated by its pace so far, weight w = e/(e + kappa(1 - e)) for the share e of the year due (\(scenarioProfile ? "the scenario's monthly profile" : "an even monthly profile"), kappa = \(kappa); counts also weigh their Poisson noise); a street behind its pace is not assumed to catch up (see --format json, areas/years/pace)")
    }

    public static func shock(_ change: String, every: Bool, indicators: [String], areas: [String], years: [Int]) -> Message {
      Message(
        zh: "冲击：期望完成率 \(change)，作用于\(every ? "全部指标" : indicators.joined(separator: "、"))"
          + (areas.isEmpty ? "" : "，街道：\(areas.joined(separator: "、"))")
          + (years.isEmpty ? "" : "，年份：\(years.map { "\($0)年" }.joined(separator: "、"))"),
        en: "Shock: E[R] \(change) on \(every ? "every line" : indicators.joined(separator: ", "))"
          + (areas.isEmpty ? "" : " in \(areas.joined(separator: ", "))")
          + (years.isEmpty ? "" : " in \(years.map(String.init).joined(separator: ", "))"))
    }

    public static func streetOddsTitle(_ year: Int) -> Message {
      Message(zh: "各街道完成本街道\(year)年目标的概率", en: "Each street's odds of meeting its own \(year) target")
    }

    public static func streetOddsSheetTitle(_ region: String, _ year: Int, illustrative: Bool) -> Message {
      let label = illustrative ? "（含示例数据）" : ""
      return Message(
        zh: "\(region) 各街道完成\(year)年本街道目标的概率\(label)",
        en: "\(region) each street's odds of meeting its own \(year) target\(label)")
    }

    public static let sheetIllustrative = Message(
      zh: "示例数据：本表所用数字含示例数据，不得作为正式数据印发。",
      en: "示例数据: this sheet uses illustrative figures; do not circulate it as official.")

    public static let allGoalsRow = Message(zh: "全部目标", en: "all goals")

    // MARK: Comparison (情景比较)

    public static func comparing(_ scenarios: [String]) -> Message {
      Message(zh: "情景比较：" + scenarios.joined(separator: " 与 "), en: "Comparing " + scenarios.joined(separator: " with "))
    }

    public static func scenarioYear(_ name: String, _ year: Int) -> Message {
      Message(zh: "\(name)（\(year)年）", en: "\(name) (\(year))")
    }

    public static func comparisonOdds(_ year: Int, runs: Int, seed: String, generator: String) -> Message {
      Message(
        zh: "\(year)年目标达成概率：每个情景模拟 \(runs) 次，随机种子 \(seed)，\(generator)；* 表示变化超过其模拟误差（蒙特卡洛标准误）的两倍",
        en: "Odds of the \(year) goals: \(runs) runs each, seed \(seed), \(generator); * marks a change larger than twice its Monte Carlo standard error")
    }

    public static let comparisonIllustrative = Message(
      zh: "示例数据：部分结果使用了没有任何文件印发的示例数字。",
      en: "示例数据: some of these results use illustrative figures that no document publishes.")

    public static let noChangeAtAll = Message(
      zh: "没有变化：各情景的分解表和达成概率相同。", en: "No change: the scenarios give the same table and the same odds.")
    public static let targetsNoChange = Message(zh: "目标：没有变化。", en: "Targets: no change.")
    public static let oddsNoChange = Message(zh: "达成概率：没有变化。", en: "Odds: no change.")
    public static let targetsThatChange = Message(zh: "有变化的目标（变化最大的在前）：", en: "Targets that change (largest change first):")
    public static let oddsThatChange = Message(zh: "有变化的达成概率（变化最大的在前）：", en: "Odds that change (largest change first):")
    public static let targetsHeading = Message(zh: "有变化的目标", en: "Targets that change")
    public static let oddsHeading = Message(zh: "有变化的达成概率", en: "Odds that change")
    public static let noChange = Message(zh: "没有变化。", en: "No change.")
    public static let deltaHeader = Message(zh: "变化", en: "change")
    public static let deltaPercentHeader = Message(zh: "变化%", en: "change %")
    /// After a change of odds: "+3.2百分点" / "+3.2 pt".
    public static let points = Message(zh: "百分点", en: " pt")

    public static func allAtOnce(_ parts: [String]) -> Message {
      Message(zh: "全部目标同时达成：" + parts.joined(separator: "；"), en: "All goals at once: " + parts.joined(separator: "; "))
    }

    public static let compareNoXLSX = Message(
      zh: "compare 不能输出 --format xlsx\n", en: "--format xlsx is not available for compare\n")

    // MARK: Backtest (回测)

    public static func backtestTitle(_ region: String) -> Message {
      Message(zh: "\(region) 回测：达成概率的校准程度", en: "\(region) backtest: how well calibrated the odds were")
    }

    public static func backtestRunLine(runs: Int, seed: String, generator: String, version: String) -> Message {
      Message(
        zh: "每个留出年份的预测模拟 \(runs) 次，随机种子 \(seed)，随机数生成器 \(generator)，fenjie \(version)",
        en: "\(runs) runs per held-out forecast, seed \(seed), generator \(generator), fenjie \(version)")
    }

    public static func forecastRest(_ year: Int, _ elapsed: String) -> Message {
      Message(zh: "\(year)年（已过 \(elapsed) 后的剩余部分）", en: "\(year), rest of year after \(elapsed)")
    }

    public static func forecastWhole(_ year: Int) -> Message { Message(zh: "\(year)年全年", en: "\(year), whole year") }

    public static var summaryHeader: [Message] {
      [
        Message(zh: "预测", en: "预测"), Message(zh: "拟合年份", en: "拟合年份"), Message(zh: "事件数", en: "事件"),
        Message(zh: "Brier 分数", en: "Brier"), Message(zh: "朴素模型 Brier", en: "naive Brier"),
        Message(zh: "命中/期望", en: "命中/期望"), Message(zh: "z", en: "z"),
        Message(zh: "落在 P10-P90 内", en: "P10-P90 内"),
      ]
    }

    public static let allEvents = Message(zh: "全部（全区与街道）", en: "all (districts + streets)")
    public static let allDistricts = Message(zh: "全部（仅全区合计）", en: "all, district totals only")

    public static func coverage(_ share: String, of bands: Int) -> Message {
      Message(zh: "\(bands) 个中 \(share)", en: "\(share) of \(bands)")
    }

    public static let naiveHeader = Message(zh: "朴素预测", en: "naive")
    public static let reliabilityTitle = Message(
      zh: "按十分位分组的可靠性（模型，全区与街道）：", en: "Reliability by decile (model, districts and streets):")
    public static let reliabilityHeading = Message(zh: "按十分位分组的可靠性", en: "Reliability by decile")
    public static let districtTotalsTitle = Message(zh: "全区合计：", en: "District totals:")
    public static let districtTotalsHeading = Message(zh: "全区合计", en: "District totals")

    public static let backtestIllustrative = Message(
      zh: "示例数据：本回测使用了没有任何文件印发的示例数字，只演示方法，不能说明真实数据上的效果。",
      en: "示例数据: this backtest uses illustrative figures that no document publishes; it shows the method, not how well the odds do on real data.")

    public static func method(_ method: String) -> Message { Message(zh: "方法：\(method)", en: "Method: \(method)") }

    public static func brier(_ error: String, band: String) -> Message {
      Message(
        zh: "Brier 分数：预测概率与是否达成（0 或 1）之差的平方的平均值，0 为最好（模型的标准误 \(error)）；z = (命中数 - 预测概率之和) / 各事件 p(1 - p) 之和的平方根，|z| > 3 说明概率有偏（z < 0：过于乐观）；P10-P90 区间应覆盖约 80% 的全区合计（标准误 \(band)）。同一年的事件共用该年的全区共同因子，年份少时 z 的波动大于标准正态分布。",
        en: "Brier: mean (p - hit)^2, 0 best (model +/- \(error)); z = (hits - sum of p)/sqrt(sum of p(1-p)), |z| > 3 says the odds are biased (z < 0: too hopeful); the P10-P90 band should hold about 80% of the district totals (+/- \(band)). Events of one year share its district factor, so few years make z noisier than N(0, 1).")
    }

    public static func forecastTargets(_ forecast: Message, _ source: String) -> Message {
      Message(zh: "\(forecast.chinese)的街道目标：\(source)", en: "Street targets of \(forecast.english): \(source)")
    }

    public static let notAvailable = Message(zh: "无", en: "n/a")
    public static let plusInfinity = Message(zh: "正无穷", en: "+inf")
    public static let minusInfinity = Message(zh: "负无穷", en: "-inf")

    // MARK: Output files (输出文件)

    public static let needsFileName = Message(zh: "需要文件名", en: "needs a file name")

    public static func isFolder(_ option: String) -> Message {
      Message(zh: "是文件夹；请为 \(option) 给出文件名", en: "is a folder; give a file name for \(option)")
    }

    public static func notRegular(_ option: String) -> Message {
      Message(
        zh: "不是普通文件（是块设备或套接字）：fenjie 只写普通文件、字符设备和管道；请另选 \(option)",
        en: "is not a regular file (a block device or a socket): fenjie writes files, character devices and pipes only; choose another \(option)")
    }

    public static func isInput(_ option: String) -> Message {
      Message(
        zh: "是本次运行的输入文件之一，fenjie 不会覆盖它。请另选 \(option)",
        en: "is one of this run's input files; fenjie will not write over it. Choose another \(option)")
    }

    public static func noFolder(_ directory: String) -> Message {
      Message(zh: "无法写入：文件夹 \(directory) 不存在", en: "cannot be written: the folder \(directory) does not exist")
    }

    public static func permissionDenied(_ directory: String) -> Message {
      Message(zh: "无法写入：没有文件夹 \(directory) 的写入权限", en: "cannot be written: permission denied in the folder \(directory)")
    }

    public static func cannotWrite(_ reason: String) -> Message {
      Message(zh: "无法写入：\(reason)", en: "cannot be written: \(reason)")
    }

    public static let standardOutput = Message(zh: "标准输出", en: "standard output")

    /// Why the system refused a write, by its C name (`ENOSPC`, …), with the system's own English
    /// words (strerror) for the English side and for the codes not listed.
    public static func systemReason(_ name: String, _ system: String) -> Message {
      let chinese: [String: String] = [
        "ENOSPC": "磁盘空间不足", "EDQUOT": "超出磁盘配额", "EACCES": "没有权限", "EPERM": "不允许的操作",
        "EROFS": "只读文件系统", "ENOENT": "文件或文件夹不存在", "ENOTDIR": "路径中有一部分不是文件夹", "EISDIR": "是文件夹",
        "EPIPE": "管道的另一端已关闭", "EBADF": "输出已关闭", "EIO": "输入输出错误", "EFBIG": "文件过大",
      ]
      return Message(zh: chinese[name].map { "\($0)（\(system)）" } ?? system, en: system)
    }

    // MARK: Workbooks (工作簿)

    public static let workbookNeedsSheet = Message(zh: "工作簿至少需要一个工作表", en: "a workbook needs at least one sheet")
    public static let archiveHasNoData = Message(zh: "内存中的压缩包没有数据", en: "the in-memory archive has no data")

    public static func cannotBuildArchive(_ reason: String) -> Message {
      Message(zh: "无法生成 .xlsx 压缩包：\(reason)", en: "cannot build the .xlsx archive: \(reason)")
    }
  }
}

/// The HTML report's sentences (报告页面): headings, lead sentences, cards, chart labels and
/// legends. The page is in one language; HTML may keep "·", "–" and "✗" (a browser sizes them).
extension Say {
  public enum HTML {
    /// The page's `lang` attribute.
    public static var lang: String { Language.current == .chinese ? "zh-CN" : "en" }

    public static func title(_ region: String, _ year: Int, _ goalYear: Int) -> Message {
      Message(
        zh: "\(region) \(year)年度目标任务分解表与\(goalYear)年目标达成概率",
        en: "\(region): the \(year) target decomposition table and the odds of hitting the \(goalYear) goals")
    }

    public static let kicker = Message(zh: "目标任务分解与达成概率", en: "Target decomposition and odds")
    public static let footer = Message(zh: "fenjie 报告", en: "fenjie report")
    public static let scenario = Message(zh: "情景", en: "Scenario")
    public static let rule = Message(zh: "分解规则", en: "Rule")
    public static let simulation = Message(zh: "模拟参数", en: "Simulation")
    public static let whatIf = Message(zh: "假设变化", en: "What-if")
    public static let summary = Message(zh: "要点", en: "Summary")

    public static let illustrativeNotice = Message(
      zh: "本报告含示例数据：这些数字没有任何文件印发，不得作为正式数据引用。",
      en: "This report uses illustrative figures that no document publishes; do not circulate it as official.")

    public static func infeasibleHeading(_ count: Int) -> Message {
      Message(
        zh: "✗ \(count) 个指标无法按设定分解",
        en: "✗ \(count == 1 ? "1 line cannot" : "\(count) lines cannot") be allocated as set")
    }

    public static func infeasibleLead(_ count: Int) -> Message {
      Message(
        zh: "（<code>fenjie allocate</code> 的退出状态为 1）。表中列出的是代入使其可行的最小调整后的结果。",
        en: "(<code>fenjie allocate</code> exits with status 1). The table shows \(count == 1 ? "it" : "them") with the smallest change that makes \(count == 1 ? "it" : "each") feasible applied.")
    }

    public static let infeasibleAsSet = Message(zh: "按现有设定不可行", en: "infeasible as set")

    // MARK: Cards

    public static func tableCard(_ year: Int) -> Message { Message(zh: "\(year)年分解表", en: "The \(year) 分解表") }

    public static func lines(_ n: Int) -> Message { Message(zh: "\(n) 个指标", en: "\(n) line\(n == 1 ? "" : "s")") }

    public static func allFeasible(_ n: Int) -> Message {
      Message(zh: "全部 \(n) 个分解指标可行，合计均不低于区目标", en: "all \(n) split lines feasible, totals ≥ 区目标")
    }

    public static func someInfeasible(_ n: Int) -> Message {
      Message(zh: "共 \(n) 个分解指标，✗ 为其中按设定无法分解的个数", en: "of \(n) split lines cannot be allocated as set")
    }

    public static func allGoalsCard(_ goals: Int) -> Message {
      Message(zh: "全部 \(goals) 项目标同时达成", en: "All \(goals) goals at once")
    }

    public static func interval(_ lower: String, _ upper: String) -> Message {
      Message(zh: "95% 置信区间 \(lower)–\(upper)", en: "95% \(lower)–\(upper)")
    }

    public static func groupCard(_ group: String, _ goals: Int) -> Message {
      Message(zh: "\(group)（\(goals) 项同时达成）", en: "\(group) (\(goals) goals at once)")
    }

    public static let riskiest = Message(zh: "风险最高的目标", en: "Riskiest goal")

    public static func annualGoal(_ year: Int) -> Message { Message(zh: "\(year)年", en: "\(year)") }

    public static func planGoal(_ length: String, _ years: String, count: Int) -> Message {
      Message(zh: "\(length)目标（\(years)）", en: "\(count)-year goal (\(years))")
    }
    /// The plan goal's column header in the odds chart, where the years would not fit.
    public static func planGoalShort(_ length: String, count: Int) -> Message {
      Message(zh: "\(length)目标", en: "\(count)-year goal")
    }

    // MARK: Sections

    public static func tableSection(_ year: Int) -> Message {
      Message(zh: "\(year)年度目标任务分解表", en: "The \(year) target decomposition table")
    }

    public static func tableLead(_ rule: String) -> Message {
      Message(
        zh: "分解规则：\(rule)。合计为各街道承担数之和，区目标为全区目标。✗ 表示按设定无法完成的指标，~ 表示未证明最优；/ 表示该指标不适用于该街道。",
        en: "Rule: \(rule). 合计 is what the streets carry; 区目标 the district target. ✗ marks a line that cannot be met as set, ~ one not proven optimal; / means the line does not apply to the street.")
    }

    public static let goalTableSection = Message(zh: "各目标达成概率明细", en: "Odds of every goal, riskiest first")

    public static let goalTableLead = Message(
      zh: "分位数 P10/P50/P90：模拟结果中分别有 10%、50%、90% 低于该值的全区结果。期望缺口：缺口的期望值 E[max(0, 目标值 − 结果)]。缺口主要来自：未达成时承担缺口最多的街道。",
      en: "P10/P50/P90: the district outcome that 10%, 50% and 90% of runs stay below. 期望缺口: the expected shortfall E[max(0, 目标值 − outcome)]. 缺口主要来自: the streets that carry most of a miss.")

    public static let notesSection = Message(zh: "说明", en: "Model notes and sources")


    public static func quantiles(_ definition: String) -> Message {
      Message(zh: "分位数 P10/P50/P90：\(definition)。", en: "P10/P50/P90: \(definition).")
    }

    public static let wilson = Message(
      zh: "概率的 95% 置信区间：按模拟次数计算的 Wilson 区间。", en: "95% intervals of probabilities: Wilson score intervals over the runs.")

    public static let sources = Message(zh: "资料来源", en: "Sources")

    // MARK: Charts

    public static func oddsSection(_ goals: Int) -> Message {
      Message(zh: "各目标达成概率", en: "Odds of each of the \(goals) goals with its 95% interval, riskiest first")
    }

    public static func annualLegend(_ year: Int) -> Message { Message(zh: "\(year)年度目标", en: "\(year) goal") }

    public static func planLegend(_ length: String, _ years: String) -> Message {
      Message(zh: "\(length)目标 \(years)", en: "plan goal \(years)")
    }

    public static let below50 = Message(zh: "低于 50%", en: "below 50%")
    public static let above80 = Message(zh: "80% 以上", en: "80% or more")
    public static let whiskers = Message(
      zh: "横线：95% 置信区间（模拟次数多时很窄）", en: "whiskers: 95% intervals (narrow when there are many runs)")
    public static let oddsAxis = Message(zh: "P(达成)：达成目标的概率", en: "P(达成) · odds of hitting the goal")
    public static let intervalColumn = Message(zh: "95% 区间", en: "95% interval")
    public static let oddsChartTitle = Message(zh: "各目标的达成概率及其 95% 置信区间", en: "P(达成) of each goal with its 95% interval")

    public static func distributionSection(_ n: Int) -> Message {
      Message(zh: "风险最高目标的区级结果分布", en: "Where the district outcome lands against the target, the \(n) riskiest goals")
    }

    public static let distributionLead = Message(
      zh: "条形为中间 80% 的模拟结果（P10–P90），以占目标的比例表示：红线左侧即未达成。",
      en: "Each bar spans the middle 80% of simulated outcomes (P10–P90), as a share of the goal: left of the red line is a miss.")

    public static let median = Message(zh: "P50 中位数", en: "P50 median")
    public static let mean = Message(zh: "均值", en: "mean")
    public static let target = Message(zh: "目标", en: "target")
    public static let outcomeAxis = Message(zh: "结果 ÷ 目标", en: "outcome as % of the goal")
    public static let distributionChartTitle = Message(
      zh: "各目标的区级结果与目标对比：P10–P90、P50 与均值", en: "District outcome against the target: P10–P90, P50 and mean per goal")

    public static func shortfallSection(_ n: Int, _ year: Int) -> Message {
      Message(
        zh: "未达成时缺口来自哪些街道",
        en: "Each street's share of the shortfall when the district misses, \(n) riskiest \(year) goals")
    }

    public static let shortfallLead = Message(
      zh: "在全区未达成目标的模拟中，各街道缺口（低于目标时的 目标 − 结果）占街道缺口总和的比例。",
      en: "In the runs where the district misses the goal, the part of the total street shortfall (target − outcome, where below target) that each street accounts for.")

    public static let missColumn = Message(zh: "P(未达成)", en: "P(miss)")
    public static let shortfallChartTitle = Message(
      zh: "全区未达成时各街道所占缺口比例", en: "Each street's share of the shortfall when the district misses")

    public static func keyLinesSection(_ year: Int, _ n: Int) -> Message {
      Message(
        zh: "重点指标：各街道目标、基数与上限",
        en: "Each street's \(year) target against its baseline and cap, for the \(n) lines behind the riskiest goals")
    }

    public static let baseline = Message(zh: "基数", en: "baseline")
    public static func yearTarget(_ year: Int) -> Message { Message(zh: "\(year)年目标", en: "\(year) target") }
    public static let atCap = Message(zh: "目标在上限", en: "target at its cap")
    public static let cap = Message(zh: "上限", en: "cap")
    public static let floor = Message(zh: "下限", en: "floor")
    public static let allowedRange = Message(zh: "下限–上限", en: "allowed range")
    public static let locked = Message(zh: "锁定", en: "locked")
    public static let lockedShort = Message(zh: "锁", en: "lock")
    public static let notApplicable = Message(zh: "/ 不适用", en: "/ not applicable")
    public static let versusBaseline = Message(zh: "较基数", en: "vs baseline")
    public static let total = Message(zh: "合计", en: "total")
    public static let district = Message(zh: "区目标", en: "district")

    public static func baselineCaption(_ source: String) -> Message {
      Message(zh: "基数来源：\(source)", en: "baseline: \(source)")
    }

    public static func keyLineChartTitle(_ name: String) -> Message {
      Message(zh: "\(name)：各街道目标、基数与上限", en: "\(name): each street's target, baseline and cap")
    }
  }
}

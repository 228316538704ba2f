/// Regions in levels (市 → 区 → 街道): the tree dataset, its allocation and its outputs (层级分解).
extension Say {
  public enum Tree {
    static func number(_ value: Double, whole: Bool) -> String {
      if whole || value == value.rounded() { return String(Int(value.rounded())) }
      let hundredths = Int((value * 100).rounded())
      let fraction = abs(hundredths) % 100
      return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public static func namedTwice(_ region: String) -> Message {
      Message(zh: "地区“\(region)”在层级中出现了两次", en: "the region \(region) is named twice in the tree")
    }

    public static func areasAreChildren(_ region: String, _ areas: [String], _ children: [String]) -> Message {
      Message(
        zh: "\(region)的下级地区应为 \(children.joined(separator: "、"))，但其 areas 为 \(areas.joined(separator: "、"))",
        en: "\(region)'s areas must be its child regions \(children.joined(separator: ", ")), not \(areas.joined(separator: ", "))")
    }

    public static func shareAcrossRegions(_ region: String, _ line: String) -> Message {
      Message(
        zh: "\(region)的“\(line)”是占比指标：占比不能跨地区分解（请在各区数据中分别设定）",
        en: "\(region)'s line \(line) is a share: a share is not split across regions (set it in each district's own data)")
    }

    public static func lineMissingInChild(parent: String, child: String, line: String) -> Message {
      Message(
        zh: "\(parent)的指标“\(line)”在下级\(child)的数据中没有：上级分解的每一项指标下级都须具备",
        en: "\(parent)'s line \(line) is missing from its child \(child): every line a parent splits must be in each child's data")
    }

    public static func kindDiffers(child: String, line: String, _ own: String, _ parent: String) -> Message {
      Message(
        zh: "\(child)的指标“\(line)”类型为 \(own)，上级为 \(parent)",
        en: "\(child)'s line \(line) is of kind \(own), its parent's is \(parent)")
    }

    public static func unitDiffers(child: String, line: String, _ own: String, _ parent: String) -> Message {
      Message(
        zh: "\(child)的指标“\(line)”单位为“\(own)”，上级为“\(parent)”：上下级单位必须一致",
        en: "\(child)'s line \(line) is in \(own), its parent's in \(parent): the unit must be the same at every level")
    }

    public static func parentLineDiffers(child: String, line: String) -> Message {
      Message(
        zh: "\(child)的“其中”指标“\(line)”所属的上级指标与上级地区不同",
        en: "\(child)'s line \(line) is part of another line than at its parent region")
    }

    public static func yearOutside(_ region: String, _ year: Int, _ years: [Int]) -> Message {
      let list = years.map(String.init).joined(separator: ", ")
      return Message(
        zh: "\(year)年不在\(region)的规划年份（\(list)）之内",
        en: "\(year) is outside \(region)'s plan years (\(list))")
    }

    public static func targetFromParent(_ parent: String, value: Double, own: Double) -> Message {
      Message(
        zh: "本年目标为\(parent)分解下达的 \(number(value, whole: false))（本区自有数据为 \(number(own, whole: false))）",
        en: "this year's target is the \(number(value, whole: false)) \(parent) gives (the district's own data says \(number(own, whole: false)))")
    }

    public static func childCapped(
      _ child: String, cap: Double, unit: String, whole: Bool, capped: [(String, Double)], locked: [String]
    ) -> Message {
      let zhParts = capped.map { "\($0.0) \(number($0.1, whole: whole))" }.joined(separator: "、")
      let enParts = capped.map { "\($0.0) \(number($0.1, whole: whole))" }.joined(separator: ", ")
      let zhLocked = locked.isEmpty ? "" : (capped.isEmpty ? "" : "；") + "锁定：\(locked.joined(separator: "、"))"
      let enLocked = locked.isEmpty ? "" : (capped.isEmpty ? "" : "; ") + "locked: \(locked.joined(separator: ", "))"
      return Message(
        zh: "\(child)最多只能承担 \(number(cap, whole: whole))\(unit)：受其下级各单位上限之和所限（\(zhParts)\(zhLocked)）",
        en: "\(child) can carry at most \(number(cap, whole: whole))\(unit): its areas are capped (\(enParts)\(enLocked))")
    }

    // MARK: Reading the tree file

    public static func namedTwice(_ region: String, at previous: String) -> Message {
      Message(zh: "地区“\(region)”在层级中出现了两次（另见 \(previous)）", en: "the region \(region) is named twice in the tree (also in \(previous))")
    }

    public static let areasInTreeFile = Message(
      zh: "层级数据的下级地区由 [[children]] 给出：请删去 areas",
      en: "a tree file's areas are its [[children]]: remove \"areas\"")

    public static let industrialOutputYears = Message(
      zh: "industrial_output 的键应为年份，如 2025 = 420",
      en: "industrial_output keys are years, e.g. 2025 = 420")

    public static let scenarioTablesWithTree = Message(
      zh: "情景中的 [[tables]] 只属于一个区：使用层级数据时，请写在该区的 dataset.toml 中",
      en: "[[tables]] in a scenario add one district's tables: with a tree dataset, name them in that district's dataset.toml")

    public static let childrenNeeded = Message(
      zh: "层级数据需要 [[children]]：每个下级地区一项（dataset = \"下级数据文件\"）",
      en: "a tree dataset needs [[children]]: one per child region (dataset = \"path/to/its/dataset.toml\")")

    public static func cycle(_ path: String, through chain: [String]) -> Message {
      Message(
        zh: "层级数据形成循环：\(path) 经由 \(chain.joined(separator: " → ")) 又引用了自身",
        en: "the tree names itself: \(path) again through \(chain.joined(separator: " → "))")
    }

    public static func childDatasetNeeded(_ index: Int) -> Message {
      Message(
        zh: "第\(index)个 [[children]] 需要 dataset = \"下级数据文件\"",
        en: "[[children]] number \(index) needs dataset = \"path/to/its/dataset.toml\"")
    }

    // MARK: Outputs

    public static func cityTitle(_ region: String, _ year: Int) -> Message {
      Message(zh: "\(region) \(year)年度目标任务分解表（各下级地区）", en: "\(region) \(year) targets by region")
    }

    public static func parentLabel(_ parent: String) -> Message {
      Message(zh: "上级：\(parent)", en: "parent: \(parent)")
    }

    public static func consistencyNote(_ parent: String) -> Message {
      Message(
        zh: "各指标的区目标即\(parent)分解下达本区的数值（上下级合计一致）",
        en: "each line's district target is what \(parent) gives this region (the levels add up)")
    }

    public static func unknownRegion(_ name: String, _ regions: [String]) -> Message {
      Message(
        zh: "--region \(name)：层级中没有这个地区（有：\(regions.joined(separator: "、"))）",
        en: "--region \(name): no such region in the tree (there are: \(regions.joined(separator: ", ")))")
    }

    public static let regionWithoutTree = Message(
      zh: "--region 只用于层级数据（市 → 区 → 街道）",
      en: "--region works only with a tree dataset (city → district → street)")

    public static let treeNotSupported = Message(
      zh: "此命令暂不支持层级数据：请用 fenjie allocate，或对单个区的数据运行",
      en: "this command does not take a tree dataset yet: use fenjie allocate, or run it on one district's dataset")

    public static func oddsTitle(_ region: String, _ year: Int) -> Message {
      Message(zh: "\(region) \(year)年目标达成概率", en: "\(region): the odds of the \(year) targets")
    }

    public static func oddsRunLine(_ runs: Int, _ seed: UInt64, _ generator: String, _ version: String) -> Message {
      Message(
        zh: "模拟 \(runs) 次，种子 \(seed)，随机数生成器 \(generator)，fenjie \(version)",
        en: "\(runs) runs, seed \(seed), generator \(generator), fenjie \(version)")
    }

    public static func oddsAll(_ p: String) -> Message {
      Message(zh: "全部指标同时达成的概率：\(p)", en: "odds of every line at once: \(p)")
    }

    public static let oddsModel = Message(
      zh: "模型：各街道完成数 = 目标 × R，log R 含每个上级地区一个年度共同因子（相关系数 ρ 在各层平分）和街道自身波动；计数指标取泊松分布。各地区的目标为上级下达数（顶层为本级目标）。",
      en: "Model: each street's result = target × R; log R has one shared factor per region above the street (ρ split equally between the levels) plus the street's own noise; counts are Poisson. Each region's target is what its parent gave it (the top's own goal).")

    public static let regionHelp = Message(
      zh: "层级数据（市 → 区 → 街道）时只显示该地区的分解表。",
      en: "With a tree dataset (city → district → street): show this region's table only.")

    public static let simulateRegionHelp = Message(
      zh: "层级数据（市 → 区 → 街道）时只显示该地区的达成概率。",
      en: "With a tree dataset (city → district → street): show this region's odds only.")

    public static let allocateOptionsWithTree = Message(
      zh: "--from、--confidence 和 --write-lp 只用于单个区的情景，不用于层级数据",
      en: "--from, --confidence and --write-lp take one district's scenario, not a tree")

    public static let simulateOptionsWithTree = Message(
      zh: "--precision 和 --write-model 只用于单个区的情景，不用于层级数据",
      en: "--precision and --write-model take one district's scenario, not a tree")

    public static func wroteTree(_ output: String, _ region: String, _ year: Int, tables: Int) -> Message {
      Message(
        zh: "已写入 \(output)：\(region) \(year)年，共 \(tables) 张分解表",
        en: "wrote \(output): \(region) \(year), \(tables) tables")
    }

    public static func checkInfeasible(_ path: String, _ region: String, _ year: Int, _ line: String) -> Message {
      Message(
        zh: "\(path)：\(region) \(year)年：“\(line)”按现有设定无法分解（fenjie allocate --region \(region) 说明原因）",
        en: "\(path): \(region) \(year): \(line) cannot be allocated as set (fenjie allocate --region \(region) says why)")
    }

    public static func checkTreePassed(_ path: String, regions: Int, lines: Int) -> Message {
      Message(
        zh: "\(path)：\(regions) 个地区，顶层 \(lines) 项指标；未发现问题",
        en: "\(path): \(regions) regions, \(lines) lines at the top; no problems found")
    }

    public static let workbookCitySheet = Message(zh: "各地区", en: "regions")
    public static let htmlIllustrative = Message(
      zh: "本页含有未经任何文件公布的示例数据，不得作为正式数据印发。",
      en: "this page uses illustrative figures that no document publishes; do not circulate it as official.")

    public static let htmlRegions = Message(zh: "下级地区", en: "Regions")
  }
}

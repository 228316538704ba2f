/// The command line's help (帮助): each command's abstract and discussion, each argument's and
/// option's help. Planners' words first; the technical term in parentheses where a reviewer needs it
/// (docs/glossary.md).
extension Say {
  public enum Help {
    // MARK: fenjie

    public static let fenjieAbstract = Message(
      zh: "分解：把全区年度目标分解到各街道（用 GLPK 求解），并估计完成目标的达成概率。",
      en: "分解: split a district's yearly targets across its areas (GLPK) and estimate the odds of hitting them.")
    public static let fenjieDiscussion = Message(
      zh: """
        退出状态：0 成功；1 有指标无法按设定分解（不可行）、运行失败或输出无法写入；2 输入有误（文件、情景或选项），\
        提示会写明文件、行和列或选项及其值，或 fenjie 拒绝写入某个输出。
        界面语言：默认中文；--lang en 或英文区域设置（LANG=en_US.UTF-8）显示英文。
        """,
      en: """
        Exit status: 0 success; 1 a line could not be allocated as set (infeasible), a run failed, or an
        output could not be written; 2 bad input (a file, a scenario or an option), with a message naming
        the file, row and column or the option and its value, or an output fenjie refuses to write.
        Language: Chinese by default; --lang zh for Chinese, --lang en or an English locale for English.
        """)

    // MARK: allocate

    public static let allocateAbstract = Message(
      zh: "起草某一年的分解表：用 GLPK 把每项区目标分解到各街道。",
      en: "Draft a year's 分解表: split each district target across the areas with GLPK.")
    public static let allocateDiscussion = Message(
      zh: """
        有指标无法按设定分解时退出状态为 1：分解表照常输出，该行标 ✗，备注给出缺口，以及能让它可行的最小改动（修复建议）。
        """,
      en: """
        Exit status 1 when a line cannot be allocated as set: the table is still printed, the line
        is marked ✗, and the notes give the shortfall and the smallest changes that would fix it.
        """)
    public static let explain = Message(
      zh: "逐街道加列：基数、下限、上限、增长、已用余量的比例、起约束作用的限制；逐指标加上全区合计的边际代价（对偶值）。",
      en: "Add per area: baseline, floor, cap, growth, share of headroom used, the binding constraint; per line the dual value of the district total.")
    public static let writeLP = Message(
      zh: "另外把最终模型写成 CPLEX LP 格式，可用 glpsol --lp 文件 复算。",
      en: "Also write the final model in CPLEX LP format, for glpsol --lp FILE.")
    public static let confidence = Message(
      zh: "为每项指标选定上浮幅度（在区目标之上多分解的比例），使全区合计在情景的模拟模型下至少以这个概率完成目标（如 0.9）。",
      en: "Choose each line's margin so that the district total reaches its target with at least this probability under the scenario's simulation model (e.g. 0.9).")
    public static let from = Message(
      zh: "你修改过的分解表（fenjie 写出的 .xlsx，或其“分解表”工作表另存的 CSV）：改过的每个单元格都作为锁定保留，其余重新均衡。",
      en: "A 分解表 you edited (the .xlsx fenjie wrote, or its 分解表 sheet saved as CSV): every cell you changed is kept as a lock and the rest re-balanced.")
    public static let confidenceRuns = Message(
      zh: "上浮幅度搜索每一步的模拟年数（复核用 2.5 倍，另换种子；默认 20000）。只与 --confidence 一起用。",
      en: "Simulated years per step of the margin search (the check uses 2.5× as many, with another seed; default 20000). Only with --confidence.")

    // MARK: simulate

    public static let simulateAbstract = Message(
      zh: "蒙特卡洛模拟：逐项目标、逐街道估计规划末年目标和规划期合计目标的达成概率。",
      en: "Monte Carlo odds of hitting the plan's final-year and plan-total goals, per goal and per street.")
    public static let simulateDiscussion = Message(
      zh: """
        街道目标取数据集中已发布的分解表，没有的用 fenjie 自己的分解。
        同一个种子给出逐字节相同的结果，与线程数无关。
        """,
      en: """
        Street targets come from the dataset's 分解表 where published, else from fenjie's own allocation.
        The same seed gives the same numbers, byte for byte, whatever the number of threads.
        """)
    public static let precision = Message(
      zh: "不断增加模拟次数，直到每个达成概率的标准误不超过这个值（如 0.005）。",
      en: "Keep adding runs until every P(hit)'s standard error is at most this (e.g. 0.005).")
    public static let maxRuns = Message(
      zh: "使用 --precision 时模拟次数的上限（默认 10000000）。", en: "Cap on runs with --precision (default 10000000).")
    public static let writeModel = Message(
      zh: "另外把模拟的输入（每个街道的目标和参数）写成 JSON，例如供 benchmarks/simulate_numpy.py 使用。",
      en: "Also write the simulation's input (every street's target and parameters) as JSON, e.g. for benchmarks/simulate_numpy.py.")

    // MARK: compare

    public static let compareAbstract = Message(
      zh: "并排比较几个情景：各街道的目标和各项目标的达成概率怎样变化，变化最大的排在前面。",
      en: "Scenarios side by side: how each street's targets and each goal's odds change, largest changes first.")
    public static let compareScenarios = Message(
      zh: "基准情景，然后是一个或多个备选情景。", en: "The base scenario, then one or more alternatives.")
    public static let noOdds = Message(zh: "只比较分解表，不做模拟。", en: "Compare the tables only, without simulating.")

    // MARK: backtest

    public static let backtestAbstract = Message(
      zh: "检验达成概率准不准：用其他年份预测每个有完成数的年份（Brier 分数、可靠性、P10–P90 覆盖率，并与沿用上年比例对照）。",
      en: "How well calibrated the odds are: each year with actuals forecast from the others (Brier, reliability, P10–P90 coverage, against last year's ratio).")
    public static let backtestDiscussion = Message(
      zh: """
        需要带完成数的数据集（kind 为 "actual" 的 [[tables]]）。有进度数的年份还会用前几个月的进度来预测。
        同一个种子给出相同的数字，与线程数无关。
        """,
      en: """
        Needs a dataset with actuals ([[tables]] of kind "actual"). A year with progress to date is also
        forecast from its first months. The same seed gives the same numbers whatever the threads.
        """)

    // MARK: check

    public static let checkAbstract = Message(
      zh: "在使用之前检查情景及其数据集。", en: "Validate a scenario and its dataset before anyone relies on it.")
    public static let checkDiscussion = Message(
      zh: "有错误时退出状态为 2；只有警告或没有问题时为 0。", en: "Exit status 2 when there is an error, 0 when there are only warnings or nothing.")

    // MARK: report

    public static let reportAbstract = Message(
      zh: "生成一个独立的 HTML 页面：当年的分解表、各项目标的达成概率和图表。",
      en: "One self-contained HTML page: the year's 分解表, the odds of the goals, and charts.")
    public static let reportDiscussion = Message(
      zh: """
        按情景的年份分解（同 allocate），并模拟规划目标（同 simulate），然后写出一个不需联网即可查看的 HTML 文件：\
        内嵌 SVG 图表，没有脚本，不下载字体或图片；可用 A4 横向打印。有指标无法按设定分解时退出状态为 1：\
        报告照常写出，并在开头说明。
        """,
      en: """
        Allocates the scenario's year (as allocate does) and simulates the plan's goals (as simulate \
        does), then writes one HTML file that needs no network to view: inline SVG charts, no scripts, \
        no fonts or images fetched; it prints on A4 landscape. Exit status 1 when a line cannot be \
        allocated as set: the report is still written and says so at the top.
        """)
    public static let reportOutput = Message(zh: "要写出的 HTML 文件（安全替换）。", en: "The HTML file to write (replaced safely).")

    // MARK: Shared arguments and options

    /// The scenario argument; the default is named once (the parser adds no default of its own).
    public static func scenario(default path: String) -> Message {
      Message(
        zh: "情景文件（TOML）。默认：\(path)（随 fenjie 附带的示例情景，在程序旁或仓库中查找）。",
        en: "Scenario file (TOML). Default: \(path) (the shipped example, looked for beside the program or in the repository).")
    }
    public static let year = Message(zh: "要分解的规划年份（覆盖情景中的 year）。", en: "Plan year to allocate (overrides the scenario's year).")
    public static let set = Message(
      zh: "修改情景中的一个值，例如 --set capacity.max_growth=0.3（可重复）。",
      en: "Change a scenario value, e.g. --set capacity.max_growth=0.3 (repeatable).")
    public static let lock = Message(
      zh: "锁定某街道的数值，例如 --lock 扬名街道:高新技术企业申报数=90（可重复）。",
      en: "Fix an area's value, e.g. --lock 扬名街道:高新技术企业申报数=90 (repeatable).")
    public static let shock = Message(
      zh: "改变平均完成程度，例如 --shock 外国高端人才来华工作数=-15%（街道:指标=… 只对一个街道，…@2026 只对一年；可重复）。",
      en: "Shift the mean achievement, e.g. --shock 外国高端人才来华工作数=-15% (AREA:INDICATOR=… for one area, …@2026 for one year; repeatable).")
    public static let format = Message(
      zh: "table（终端表格）、csv（可用 Excel/WPS 打开）、markdown、json 或 xlsx（Excel 工作簿）。默认：按 --output 的扩展名，否则为 table。",
      en: "table (terminal), csv (opens in Excel/WPS), markdown, json or xlsx (an Excel workbook). Default: from --output's extension, else table.")
    public static let textFormat = Message(
      zh: "table（终端表格）、csv（可用 Excel/WPS 打开）、markdown 或 json。默认：按 --output 的扩展名，否则为 table。",
      en: "table (terminal), csv (opens in Excel/WPS), markdown or json. Default: from --output's extension, else table.")
    public static let output = Message(
      zh: "写入这个文件而不是标准输出（安全替换；绝不会是本次运行的输入文件）。",
      en: "Write to this file (replaced safely; never one of the run's inputs) instead of standard output.")
    public static let runs = Message(
      zh: "模拟次数（默认：情景 [simulation] 中的 runs，否则 100000）。",
      en: "Number of runs (default: the scenario's [simulation] runs, else 100000).")
    public static let seed = Message(
      zh: "随机数种子（默认：情景中的，否则 2026）。", en: "Seed of the random generator (default: the scenario's, else 2026).")
    public static let threads = Message(
      zh: "工作线程数（默认：全部核心）。不会改变结果。", en: "Worker threads (default: every core). Never changes the numbers.")
    public static let allocateThreads = Message(
      zh: "求解用的工作线程数（默认：全部核心）。不会改变分解表。",
      en: "Worker threads for solving (default: every core). Never changes the table.")
    public static let wide = Message(
      zh: "每张表整块输出，不论多宽（默认：街道分成几栏，以适合宽度）。",
      en: "Print each table in one block, however wide (default: areas split into panels that fit the width).")
    public static func width(_ standard: Int) -> Message {
      Message(
        zh: "终端表格可占的显示列数；一个汉字算两列（默认：输出到终端时为 $COLUMNS，否则 \(standard)）。",
        en: "Display columns the terminal table may take; a Chinese character counts two (default: $COLUMNS when writing to a terminal, else \(standard)).")
    }
    public static let lang = Message(
      zh: "界面语言：zh（中文，默认）或 en（英文）；不指定时按区域设置（LANG）。",
      en: "Language of the output: zh (Chinese, the default) or en (English); without it, the locale (LANG) decides.")
  }
}

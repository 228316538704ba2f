/// What the command line prints (命令行): notes, warnings, refused option combinations, and the
/// words of swift-argument-parser (its headings and error sentences), translated from its English
/// output by `parserText`.
extension Say {
  public enum CommandLine {
    // MARK: Leads

    public static let warning = Message(zh: "警告：", en: "warning: ")
    public static let error = Message(zh: "错误：", en: "error: ")

    // MARK: --lang

    public static func badLanguage(_ value: String) -> Message {
      Message(zh: "--lang \(value)：请选择 zh（中文）或 en（英文）", en: "--lang \(value): choose zh (Chinese) or en (English)")
    }

    // MARK: allocate

    public static let confidenceRange = Message(
      zh: "--confidence 必须是 0 到 1 之间的概率，例如 0.9", en: "--confidence must be a probability between 0 and 1, e.g. 0.9")
    public static let fromWithConfidence = Message(
      zh: "--from 和 --confidence 暂时不能一起用：先把修改过的表重新均衡，再选上浮幅度",
      en: "--from and --confidence cannot be combined yet: re-balance the edited table first, then choose margins")
    public static let confidenceRunsRange = Message(
      zh: "--confidence-runs 必须在 100 到 10000000 之间", en: "--confidence-runs must be between 100 and 10000000")
    public static func confidenceRunsAlone(_ runs: Int) -> Message {
      Message(
        zh: "--confidence-runs \(runs) 不配合 --confidence 就不起作用（它设定上浮幅度搜索的模拟年数）",
        en: "--confidence-runs \(runs) does nothing without --confidence (it sets the simulated years of the margin search)")
    }
    public static func shockOnAllocate(_ shock: String) -> Message {
      Message(
        zh: "--shock \(shock) 在 allocate 中不配合 --confidence 就不起作用：冲击改变的是模拟的达成概率，而 allocate 只在 --confidence 选上浮幅度时才模拟。请用于 simulate、compare 或 report，或加上 --confidence 0.9",
        en: "--shock \(shock) does nothing on allocate without --confidence: a shock moves the simulated odds, and allocate simulates only to choose margins for --confidence. Use it with simulate, compare or report, or add --confidence 0.9")
    }

    // MARK: simulate, backtest, compare, report

    public static let precisionRange = Message(
      zh: "--precision 必须是 (0, 0.5] 之间的标准误，例如 0.005", en: "--precision must be a standard error in (0, 0.5], e.g. 0.005")
    public static let maxRunsRange = Message(zh: "--max-runs 至少为 1", en: "--max-runs must be at least 1")
    public static func maxRunsAlone(_ runs: Int) -> Message {
      Message(
        zh: "--max-runs \(runs) 不配合 --precision 就不起作用（它限制 --precision 增加的模拟次数）；要设定模拟次数，请用 --runs",
        en: "--max-runs \(runs) does nothing without --precision (it caps the runs --precision adds); to set the runs, use --runs")
    }
    public static let backtestFormats = Message(
      zh: "backtest 只写 table、csv、markdown 或 json", en: "backtest writes table, csv, markdown or json")
    public static let compareNeedsTwo = Message(
      zh: "请给出一个基准情景和至少一个备选情景", en: "give a base scenario and at least one alternative")
    public static func idleWithNoOdds(_ option: String) -> Message {
      Message(
        zh: "\(option) 与 --no-odds 一起用不起作用（它只改变模拟的达成概率，而 --no-odds 不做模拟）",
        en: "\(option) does nothing with --no-odds (it changes only the simulated odds, which --no-odds leaves out)")
    }
    public static let reportNeedsFile = Message(
      zh: "--output 需要一个文件名，例如 --output report.html", en: "--output needs a file name, e.g. --output report.html")
    public static func reportWritesHTML(_ output: String) -> Message {
      Message(
        zh: "--output \(output)：report 写出一个 HTML 页面；文件名请以 .html 结尾（例如 --output report.html）",
        en: "--output \(output): report writes one HTML page; name the file .html (e.g. --output report.html)")
    }
    public static func wroteReport(_ output: String, region: String, year: Int, goalYear: Int, runs: Int, seed: UInt64) -> Message {
      Message(
        zh: "已写出 \(output)：\(region) \(year) 年分解表及 \(goalYear) 年目标的达成概率（模拟 \(runs) 次，种子 \(seed)）",
        en: "wrote \(output): \(region) \(year) 分解表 and the odds of the \(goalYear) goals (\(runs) runs, seed \(seed))")
    }
    public static func reportInfeasible(_ count: Int, lines: String) -> Message {
      Message(
        zh: "有 \(count) 项指标无法按设定分解（\(lines)）；报告写明了差多少、怎样修复",
        en: "\(count) line(s) cannot be allocated as set (\(lines)); the report says by how much and what would fix it")
    }
    public static let simulating = Message(zh: "模拟中", en: "simulating")

    // MARK: Shared options

    public static let runsRange = Message(zh: "--runs 必须在 1 到 100000000 之间", en: "--runs must be between 1 and 100000000")
    public static let threadsRange = Message(zh: "--threads 必须在 1 到 1024 之间", en: "--threads must be between 1 and 1024")
    public static func formatChoice(_ format: String, choices: String) -> Message {
      Message(zh: "--format \(format)：请从 \(choices) 中选一个", en: "--format \(format): choose one of \(choices)")
    }
    public static let outputNeedsName = Message(zh: "--output 需要一个文件名", en: "--output needs a file name")
    public static func outputExtension(_ output: String, ext: String, formats: String, extensions: String) -> Message {
      Message(
        zh: "--output \(output)：fenjie 不写 .\(ext) 文件；它写 \(formats)（\(extensions)）。请用其中一个扩展名命名文件，或用 --format 选择",
        en: "--output \(output): fenjie does not write .\(ext) files; it writes \(formats) (\(extensions)). Name the file with one of these extensions, or choose with --format")
    }
    public static let xlsxToTerminal = Message(
      zh: "--format xlsx 写出的是 Excel 工作簿：请给出 --output 文件.xlsx（或把标准输出重定向到文件）",
      en: "--format xlsx writes an Excel workbook: give --output FILE.xlsx (or redirect standard output to a file)")
    public static func workbookNotWritten(_ reason: String) -> Message {
      Message(zh: "无法写成工作簿：\(reason)", en: "cannot be written as a workbook: \(reason)")
    }
    public static func cannotBeWritten(_ reason: String) -> Message {
      Message(zh: "无法写入：\(reason)", en: "cannot be written: \(reason)")
    }
    public static let standardOutput = Message(zh: "标准输出", en: "standard output")
    public static func wideWithWidth(_ width: Int) -> Message {
      Message(
        zh: "--wide 和 --width \(width) 不能一起用：--wide 整块输出不论多宽，--width 把表分成适合宽度的几栏",
        en: "--wide and --width \(width) cannot be combined: --wide prints one block however wide, --width splits the table into panels that fit")
    }
    public static let widthRange = Message(zh: "--width 必须在 40 到 10000 个显示列之间", en: "--width must be between 40 and 10000 display columns")
    public static func wideIdle(_ format: String) -> Message {
      Message(
        zh: "--wide 与 --format \(format) 一起用不起作用：只有终端表格（--format table）才分栏",
        en: "--wide does nothing with --format \(format): only the terminal table (--format table) is split into panels")
    }
    public static func widthIdle(_ width: Int, format: String) -> Message {
      Message(
        zh: "--width \(width) 与 --format \(format) 一起用不起作用：只有终端表格（--format table）才分栏",
        en: "--width \(width) does nothing with --format \(format): only the terminal table (--format table) is split into panels")
    }

    // MARK: check

    public static func errorCount(_ n: Int) -> Message {
      Message(zh: "\(n) 个错误", en: "\(n) error\(n == 1 ? "" : "s")")
    }
    public static func errorsAndWarnings(_ errors: Int, _ warnings: Int) -> Message {
      Message(zh: "\(errors) 个错误，\(warnings) 个警告", en: "\(errors) error(s), \(warnings) warning(s)")
    }
    public static func checkPassed(_ path: String, indicators: Int, areas: Int, tables: Int) -> Message {
      Message(
        zh: "\(path)：\(indicators) 项指标，\(areas) 个街道，\(tables) 张街道表；没有发现问题",
        en: "\(path): \(indicators) indicators, \(areas) areas, \(tables) area table(s); no problems found")
    }
  }
}

// MARK: swift-argument-parser's own words

extension Say.CommandLine {
  /// A line of the parser's output, matched from its start (a regular expression), and its Chinese
  /// rendering (`$1`, `$2` are the matched groups).
  public struct ParserPattern: Sendable {
    public let english: String
    public let chinese: String
  }

  /// Headings and fixed phrases of the help, replaced wherever they occur in a line.
  public static let parserPhrases: [(english: String, chinese: String)] = [
    ("OVERVIEW: ", "概述："),
    ("USAGE: ", "用法："),
    ("Usage: ", "用法："),
    ("ARGUMENTS:", "参数："),
    ("OPTIONS:", "选项："),
    ("SUBCOMMANDS:", "子命令："),
    ("Show help information.", "显示帮助信息。"),
    ("Show the version.", "显示版本号。"),
    ("Help:  ", "说明："),
  ]

  /// Phrases of the help matched as regular expressions.
  public static let parserHelpPatterns: [ParserPattern] = [
    ParserPattern(english: #" ?\(default: (.*)\)"#, chinese: "（默认：$1）"),
    // " (default)" is 10 columns, "（默认）" 8: two spaces keep the descriptions' column.
    ParserPattern(english: #"^(\s+\S+) \(default\)"#, chinese: "$1（默认）  "),
    ParserPattern(english: #"See '(.*) <subcommand>' for detailed help\."#, chinese: "各子命令的详细帮助：$1 <子命令>"),
    ParserPattern(english: #"See '(.*)' for more information\."#, chinese: "详见 $1"),
  ]

  /// The parser's error sentences (after "Error: "), whole.
  public static let parserErrorPatterns: [ParserPattern] = [
    ParserPattern(english: #"^Missing expected argument '(.*)'$"#, chinese: "缺少参数 $1"),
    ParserPattern(english: #"^Missing one of: '(.*)'$"#, chinese: "缺少以下之一：$1"),
    ParserPattern(english: #"^Unknown option '(.*)'\. Did you mean '(.*)'\?$"#, chinese: "没有选项 $1；是否指 $2？"),
    ParserPattern(english: #"^Unknown option '(.*)'$"#, chinese: "没有选项 $1"),
    ParserPattern(english: #"^Missing value for '(.*)'$"#, chinese: "$1 缺少值"),
    ParserPattern(english: #"^Unexpected argument '(.*)'$"#, chinese: "多余的参数 $1"),
    ParserPattern(english: #"^(\d+) unexpected arguments: (.*)$"#, chinese: "多余的 $1 个参数：$2"),
    ParserPattern(english: #"^The value '(.*)' is invalid for '(.*)'$"#, chinese: "$2 的值 $1 无效"),
    ParserPattern(english: #"^The value '(.*)' is invalid for '(.*)': (.*)$"#, chinese: "$2 的值 $1 无效：$3"),
    ParserPattern(english: #"^The value '(.*)' is invalid\.(.*)$"#, chinese: "值 $1 无效$2"),
    ParserPattern(english: #"^The option '(.*)' does not take any value, but '(.*)' was specified\.$"#, chinese: "选项 $1 不带值，却给了 $2"),
    ParserPattern(english: #"^Value to be set with (.*) had already been set with (.*)$"#, chinese: "$1 要设的值已经由 $2 设过了"),
    ParserPattern(english: #"^Invalid option: (.*)$"#, chinese: "无效的选项：$1"),
    ParserPattern(english: #"^Missing required subcommand\.$"#, chinese: "缺少子命令"),
  ]

  /// The lead of an error line; and of a parser sentence not in `parserErrorPatterns`, shown as is.
  public static let parserErrorLead = "Error: "
  /// Chinese only: in English the parser's sentence is shown as it is.
  public static let unknownParserError = Message(zh: "参数有误：", en: "bad arguments: ")
}

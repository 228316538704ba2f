/// Input errors and reading warnings (输入错误): files, CSV and .xlsx tables, TOML, the dataset and
/// scenario loaders, and the command line's `--set`, `--lock`, `--shock`. Places (`附件2!C5`,
/// `file, row 3, column E`) are added by the code; these are the sentences after them.
///
/// A function's `Message` arguments are pieces already in both languages (a quoted cell, a
/// suggestion); `String` arguments are names, numbers and places, the same in both.
extension Say {
  public enum Input {
    // MARK: Pieces

    /// Nothing, in both languages (an absent hint or suggestion).
    public static let nothing = Message(zh: "", en: "")
    /// "（共 N 个字符）": the length of a cell cut short in a message.
    public static func characterCount(_ n: Int) -> Message { Message(zh: "（共\(n)个字符）", en: " (\(n) characters)") }
    /// A name quoted in a message.
    public static func quoted(_ text: String) -> Message { Message(zh: "“\(text)”", en: "\"\(text)\"") }

    // MARK: Files

    public static let doesNotExist = Message(zh: "不存在", en: "does not exist")
    public static func cannotBeRead(_ reason: String) -> Message { Message(zh: "无法读取：\(reason)", en: "cannot be read: \(reason)") }
    /// Appended to "does not exist" and "cannot be read".
    public static func checkThePath(_ reason: Message) -> Message {
      Message(
        zh: "\(reason.chinese)（请检查路径；情景或数据集文件里写的路径，以写它的那个文件所在的文件夹为起点）",
        en: "\(reason.english) (check the path; paths in a scenario or dataset are relative to the file that names them)")
    }
    public static let isAFolder = Message(zh: "是文件夹，不是文件", en: "is a folder, not a file")
    public static let notARegularFile = Message(zh: "不是普通文件（而是设备、管道或套接字）", en: "is not a regular file (a device, a pipe or a socket)")
    public static func tooLarge(megabytes: Int) -> Message {
      Message(zh: "有\(megabytes) MB，远大于任何表格或情景文件：文件选对了吗？", en: "is \(megabytes) MB: far larger than any table or scenario; is it the right file?")
    }
    public static let permissionDenied = Message(
      zh: "无法读取：没有读取权限（请检查文件权限，例如 chmod u+r）",
      en: "cannot be read: permission denied (fenjie may not read it; check its permissions, e.g. chmod u+r)")

    // MARK: Text encodings

    public static let resaveAsUTF8 = Message(
      zh: "既不是 UTF-8 也不是 GB18030/GBK 文本（是不是 .xlsx 或其他二进制文件？）；在 Excel 或 WPS 中用 另存为 → “CSV UTF-8 (逗号分隔)(*.csv)”",
      en: "is neither UTF-8 nor GB18030/GBK text (is it an .xlsx or another binary file?); in Excel or WPS use 另存为 → \"CSV UTF-8 (逗号分隔)(*.csv)\"")
    public static let cutInsideACharacter = Message(
      zh: "在一个字符的中间结束（最后几个字节是一个 UTF-8 字符的开头）：文件被截断了；请重新复制或导出",
      en: "ends inside a character (its last bytes are the start of a UTF-8 character): the file was cut short; copy or export it again")
    public static let scenarioNotText = Message(
      zh: "不是 UTF-8（或 GB18030）文本；请另存为 UTF-8", en: "is not UTF-8 (or GB18030) text; save it again as UTF-8")

    // MARK: CSV tables

    public static let isEmpty = Message(zh: "是空文件", en: "is empty")
    public static func stoppedAfter(_ errors: Int) -> Message {
      Message(zh: "已发现\(errors)处错误，读到这里停止：文件选对了吗？", en: "stopped reading here after \(errors) errors: is this the right file?")
    }
    public static func extraCells(_ cells: Int, headerRow: Int, width: Int, hint: Message) -> Message {
      Message(
        zh: "这一行有\(cells)个单元格，而表头（第\(headerRow)行）只有\(width)个：多出的那一格之后的单元格都错了位\(hint.chinese)。含逗号的单元格请加引号（\"1,200\"），或删去多余的单元格",
        en: "this row has \(cells) cells where the header (row \(headerRow)) has \(width): every cell after the extra one is shifted\(hint.english). Quote a cell that holds a comma (\"1,200\"), or delete the stray cell")
    }
    public static func fewerCells(_ cells: Int, headerRow: Int, width: Int, fileEndsHere: Bool) -> Message {
      fileEndsHere
        ? Message(
          zh: "这一行有\(cells)个单元格，而表头（第\(headerRow)行）有\(width)个：文件在这一行中途结束，是不是被截断了？",
          en: "this row has \(cells) cells where the header (row \(headerRow)) has \(width): the file ends inside this row; was it cut short?")
        : Message(
          zh: "这一行有\(cells)个单元格，而表头（第\(headerRow)行）有\(width)个：少了一个逗号，或这一行被截断了",
          en: "this row has \(cells) cells where the header (row \(headerRow)) has \(width): a comma is missing, or the row was cut short")
    }
    public static func splitNumber(_ first: String, _ second: String, _ a: String, _ b: String) -> Message {
      Message(
        zh: "；\(first)列和\(second)列看来是一个数（\(a),\(b)）被没加引号的逗号拆开了",
        en: "; columns \(first) and \(second) look like one number (\(a),\(b)) split by an unquoted comma")
    }
    public static func controlCharacter(_ name: String, after: Message) -> Message {
      Message(
        zh: "含有控制字符 \(name)（在\(after.chinese)之后）：文件已损坏或不是表格；请删去该字符，或重新导出工作表",
        en: "contains the control character \(name) (after \(after.english)): the file is damaged or not a table; remove the character, or export the sheet again")
    }
    public static let quoteNeverClosed = Message(
      zh: "这个单元格里的引号（\"）一直没有闭合：文件余下的部分都被读成了一个单元格；请补上或删去这个引号",
      en: "a quote (\") opened in this cell is never closed: the rest of the file was read as one cell; close the quote, or remove it")
    public static func quoteClosesLater(_ lines: Int) -> Message {
      Message(
        zh: "这个单元格里的引号（\"）直到\(lines)行之后才在别的文字中闭合：少了或多了一个引号；其后的行无法读取",
        en: "a quote (\") opened in this cell closes only \(lines) line(s) further down, inside other text: a quote is missing or stray; the rows after it cannot be read")
    }
    public static func textAfterClosingQuote(_ cell: Message) -> Message {
      Message(
        zh: "单元格在闭合引号之后还有内容（\(cell.chinese)\"…）：少了或多了一个引号；加引号的单元格里的引号要写成两个（\"\"）",
        en: "the cell goes on after its closing quote (\(cell.english)\"…): a quote is missing or stray; write a quote inside a quoted cell as two (\"\")")
    }
    public static func cellTooLong(_ limit: Int, beginning: Message) -> Message {
      Message(
        zh: "单元格超过\(limit)个字符（开头是\(beginning.chinese)），不是表格单元格：是不是有引号没闭合，或把大段文字粘进了一格？",
        en: "a cell of more than \(limit) characters (beginning \(beginning.english)) is not a table cell: is a quote left open, or was text pasted into one cell?")
    }
    public static let endsWithoutLineEnd = Message(
      zh: "文件在最后一行中途结束，没有换行符（Excel 和 WPS 总会写一个）：如果文件被截断，最后一个单元格可能不完整；请检查这一行，或重新导出工作表",
      en: "the file ends inside its last row, without a line end (Excel and WPS always write one): if it was cut short, the last cell may be incomplete; check the row, or export the sheet again")
    public static func notesSwallowRow(_ name: Message) -> Message {
      Message(
        zh: "空行之后的这一行只有一个名称（\(name.chinese)），没有数字：如果它是一行指标，请填上各街道的数（不适用写“/”）；如果是表下的备注，请把它写在备注列或删掉",
        en: "this row after a blank row has only a name (\(name.english)) and no figures: if it is an indicator's line, fill in the areas' figures (\"/\" where none applies); if it is a note under the table, move it to a note column or delete it")
    }

    // MARK: Workbooks (.xlsx)

    public static func sheetHasNoHeader(_ sheet: String) -> Message {
      Message(zh: "工作表“\(sheet)”没有表头行（写明各列名称的一行）", en: "the sheet \(sheet) has no header row (a row naming its columns)")
    }
    public static func valueRightOfTable(_ value: Message) -> Message {
      Message(
        zh: "表格最后一列的右边还有值（\(value.chinese)）：请给这一列加上表头，或删去这个单元格",
        en: "a value right of the table's last column (\(value.english)): give the column a header, or delete the cell")
    }
    public static func mergedAcross(_ first: String, _ last: String) -> Message {
      Message(
        zh: "这一行的\(first)–\(last)列单元格合并成了一格：请取消合并，每列填各自的值",
        en: "cells \(first)–\(last) of this row are merged into one: unmerge them and give each column its own value")
    }
    public static let workbookCannotBeRead = Message(zh: "无法读取（不存在，或不是文件）", en: "cannot be read (missing, or not a file)")
    public static let notAZipWorkbook = Message(
      zh: "不是 .xlsx 工作簿（不是 zip 包）；请在 Excel 或 WPS 中另存为 .xlsx",
      en: "is not an .xlsx workbook (not a zip package); save it again from Excel or WPS as .xlsx")
    public static func partTooLarge(_ part: String, megabytes: Int) -> Message {
      Message(zh: "工作簿部件 \(part) 超过 \(megabytes) MB", en: "the workbook part \(part) is larger than \(megabytes) MB")
    }
    public static func partDamaged(_ part: String, _ reason: String) -> Message {
      Message(zh: "工作簿部件 \(part) 已损坏（\(reason)）；请重新保存工作簿", en: "the workbook part \(part) is damaged (\(reason)); save the workbook again")
    }
    public static let noWorkbookPart = Message(
      zh: "不是 .xlsx 工作簿（没有 xl/workbook.xml）；请在 Excel 或 WPS 中另存为 .xlsx",
      en: "is not an .xlsx workbook (no xl/workbook.xml); save it again from Excel or WPS as .xlsx")
    public static let noWorksheet = Message(zh: "没有工作表", en: "has no worksheet")
    public static func noSheetNamed(_ sheet: String, sheets: [String]) -> Message {
      Message(
        zh: "没有名为“\(sheet)”的工作表（现有：\(sheets.joined(separator: "、"))）",
        en: "has no sheet named \(sheet) (sheets: \(sheets.joined(separator: "、")))")
    }
    public static func sheetPartMissing(_ sheet: String, part: String) -> Message {
      Message(zh: "工作表“\(sheet)”缺少部件 \(part)；请重新保存工作簿", en: "the sheet \(sheet) has no part \(part); save the workbook again")
    }
    public static func partNotXML(_ part: Message, line: Int) -> Message {
      Message(
        zh: "工作簿部件 \(part.chinese) 不是格式正确的 XML（第\(line)行）；请重新保存工作簿",
        en: "the workbook part \(part.english) is not well-formed XML (line \(line)); save the workbook again")
    }
    public static func theSheet(_ sheet: String) -> Message { Message(zh: "工作表“\(sheet)”", en: "the sheet \(sheet)") }
    public static func missingSharedString(_ index: String) -> Message {
      Message(
        zh: "该单元格引用了第 \(index) 个共享字符串，而工作簿里没有；请重新保存工作簿",
        en: "the cell refers to shared string \(index), which the workbook does not have; save it again")
    }
    public static func cellShowsError(_ value: String) -> Message {
      Message(zh: "该单元格显示错误 \(value)；请修正公式或直接填数", en: "the cell shows the error \(value); fix the formula or type the number")
    }
    public static func cellNotANumber(_ value: String) -> Message {
      Message(zh: "“\(value)”不是数字", en: "\"\(value)\" is not a number")
    }
    /// Written in place of a date-formatted cell's value, so that reading it fails at its cell.
    public static func dateCell(_ value: String) -> Message {
      Message(zh: "\(value)（工作簿中是日期格式：请把单元格格式设为数值）", en: "\(value) (a date in the workbook: format the cell as a number)")
    }

    // MARK: Cells

    public static func notANumber(_ cell: Message) -> Message {
      Message(zh: "\(cell.chinese)不是数字", en: "\(cell.english) is not a number")
    }
    public static func notAFiniteNumber(_ cell: Message) -> Message {
      Message(zh: "\(cell.chinese)不是有限的数", en: "\(cell.english) is not a finite number")
    }
  }
}

extension Message {
  /// This message, then `other`, with nothing between them in either language (a suffix such as
  /// "; did you mean X?").
  public func followed(by other: Message) -> Message {
    Message(zh: chinese + other.chinese, en: english + other.english)
  }
}

// MARK: TOML (scenarios and dataset.toml)

extension Say.Input {
  public static func notValidTOML(line: Int, column: Int, _ parser: Message, hint: Message) -> Message {
    Message(
      zh: "第\(line)行第\(column)列不符合 TOML 格式：\(parser.chinese)\(hint.chinese)",
      en: "is not valid TOML at line \(line), column \(column): \(parser.english)\(hint.english)")
  }
  public static func notValidTOML(_ parser: String) -> Message {
    Message(zh: "不符合 TOML 格式：\(parser)", en: "is not valid TOML: \(parser)")
  }
  public static func controlCharacterInScenario(_ name: String, column: Int) -> Message {
    Message(
      zh: "第\(column)列的控制字符 \(name) 不该出现在情景文件里：文件已损坏，或不是用文本编辑器保存的。请删去它",
      en: "the control character \(name) at column \(column) has no place in a scenario; the file is damaged, or was saved by a program that is not a text editor. Remove it")
  }
  public static let fullWidthDigits = Message(
    zh: "（这一行有全角数字或符号，如 １ 或 －：数字请用半角，例如 max_growth = 1）",
    en: " (the line has full-width digits or signs such as １ or －: write numbers with ASCII digits, e.g. max_growth = 1)")
  public static let chinesePunctuation = Message(
    zh: "（这一行有中文标点，如 ＝ “ ” ［ ］ 或 ，：TOML 要用半角的 = \" [ ] ,）",
    en: " (the line has Chinese punctuation such as ＝ “ ” ［ ］ or ，: TOML needs the ASCII forms = \" [ ] ,)")
  public static func tableHeaderWithoutName(line: Int) -> Message {
    Message(
      zh: "第\(line)行不符合 TOML 格式：表头要有名称，例如 [capacity] 或 [[lock]]",
      en: "is not valid TOML at line \(line): a table header needs a name, e.g. [capacity] or [[lock]]")
  }

  // Kinds of TOML values, as "found …" says them.
  public static let typeText = Message(zh: "文字", en: "text")
  public static let typeInteger = Message(zh: "整数", en: "an integer")
  public static let typeNumber = Message(zh: "数值", en: "a number")
  public static let typeBool = Message(zh: "布尔值（true/false）", en: "true/false")
  public static let typeList = Message(zh: "列表", en: "a list")
  public static let typeTable = Message(zh: "表", en: "a table")
  public static let typeDate = Message(zh: "日期或时间", en: "a date or time")

  public static func unknownKey(_ key: String, suggestion: Message) -> Message {
    Message(zh: "未知的键“\(key)”\(suggestion.chinese)", en: "unknown key \"\(key)\"\(suggestion.english)")
  }
  public static func shouldBeText(_ key: String, found: Message) -> Message {
    Message(zh: "“\(key)”应是加引号的文字，这里是\(found.chinese)", en: "\"\(key)\" should be text in quotes, found \(found.english)")
  }
  public static func needsKey(_ key: String, in table: String) -> Message {
    Message(
      zh: "\(table.isEmpty ? "" : "[\(table)] ")缺少“\(key)”",
      en: "\(table.isEmpty ? "" : "[\(table)] ")needs \"\(key)\"")
  }
  public static func percentAsText(_ key: String, value: String, percent: String) -> Message {
    Message(
      zh: "“\(key)”应是数值，这里是文字：\(percent) 请写成 \(value)",
      en: "\"\(key)\" should be a number, found text: write \(value) for \(percent)")
  }
  public static func shouldBeNumber(_ key: String, found: Message) -> Message {
    Message(zh: "“\(key)”应是数值，这里是\(found.chinese)", en: "\"\(key)\" should be a number, found \(found.english)")
  }
  public static func mustBeFinite(_ key: String) -> Message {
    Message(zh: "“\(key)”必须是有限的数", en: "\"\(key)\" must be a finite number")
  }
  public static func outsideRange(_ key: String, _ value: String, _ low: String, _ high: String) -> Message {
    Message(zh: "“\(key)” = \(value) 超出了 \(low)…\(high) 的范围", en: "\"\(key)\" = \(value) is outside \(low)…\(high)")
  }
  public static func shouldBeWholeNumber(_ key: String, found: Message) -> Message {
    Message(zh: "“\(key)”应是整数，这里是\(found.chinese)", en: "\"\(key)\" should be a whole number, found \(found.english)")
  }
  public static func shouldBeBool(_ key: String, found: Message) -> Message {
    Message(zh: "“\(key)”应是 true 或 false，这里是\(found.chinese)", en: "\"\(key)\" should be true or false, found \(found.english)")
  }
  public static func shouldBeListOfTexts(_ key: String) -> Message {
    Message(zh: "“\(key)”应是文字的列表，例如 [\"a\", \"b\"]", en: "\"\(key)\" should be a list of texts, e.g. [\"a\", \"b\"]")
  }
  public static func shouldHoldTexts(_ key: String, found: Message) -> Message {
    Message(zh: "“\(key)”里应是加引号的文字，这里是\(found.chinese)", en: "\"\(key)\" should hold texts in quotes, found \(found.english)")
  }
  public static func shouldBeTable(_ key: String) -> Message {
    Message(zh: "“\(key)”应是一个表（[\(key)]）", en: "\"\(key)\" should be a table ([\(key)])")
  }
  public static func shouldBeArrayOfTables(_ key: String) -> Message {
    Message(zh: "“\(key)”应写成 [[\(key)]] 表", en: "\"\(key)\" should be written as [[\(key)]] tables")
  }
}

// MARK: The dataset (dataset.toml, 附件1 targets, 附件2 area tables)

extension Say.Input {
  public static let needsAreas = Message(
    zh: "缺少“areas”：按表中顺序列出各街道（片区）", en: "needs \"areas\": the list of areas (streets) in table order")
  public static func listedTwice(_ area: String) -> Message {
    Message(zh: "“\(area)”在 areas 中列了两次", en: "\"\(area)\" is listed twice in areas")
  }
  public static func differOnlyInWidth(_ a: String, _ b: String) -> Message {
    Message(
      zh: "areas 中的“\(a)”和“\(b)”只差在全角半角：表格无法区分它们",
      en: "\"\(a)\" and \"\(b)\" in areas differ only in full-width forms: tables could not tell them apart")
  }
  public static func inAreas(_ problem: Message) -> Message {
    Message(zh: "areas 中的\(problem.chinese)", en: "areas: \(problem.english)")
  }

  // What a name is, in name problems.
  public static let anAreaName = Message(zh: "街道名称", en: "an area name")
  public static let aColumnHeader = Message(zh: "列标题", en: "a column header")
  public static let anIndicator = Message(zh: "指标", en: "an indicator")
  public static let anIndicatorID = Message(zh: "指标编号", en: "an indicator id")
  public static let anIndicatorName = Message(zh: "指标名称", en: "an indicator name")
  public static let aUnit = Message(zh: "单位", en: "a unit")
  public static let anActionName = Message(zh: "行动名称", en: "an action name")
  public static let anAlias = Message(zh: "别名", en: "an alias")

  public static func nameHasControlCharacter(_ what: Message, _ name: Message) -> Message {
    Message(zh: "\(what.chinese)\(name.chinese)含有控制字符；请删去", en: "\(what.english) \(name.english) contains a control character; remove it")
  }
  public static func nameTooLong(_ what: Message, length: Int, _ name: Message, limit: Int) -> Message {
    Message(
      zh: "\(what.chinese)长达\(length)个字符（\(name.chinese)），超过了允许的\(limit)个：是不是单元格或引号放错了？",
      en: "\(what.english) of \(length) characters (\(name.english)) is longer than the \(limit) allowed: is a cell or a quote misplaced?")
  }
  public static func nameEmpty(_ what: Message) -> Message {
    Message(zh: "\(what.chinese)是空的；每一个都要有名称", en: "\(what.english) is empty; give every one a name")
  }
  /// A name with a space: the loaders let a space pass in indicator names (`isSpaceProblem`).
  public static func nameHasSpace(_ what: Message, _ name: Message) -> Message {
    Message(
      zh: "\(what.chinese)\(name.chinese)含有空格（表头中的空格会被忽略，它就永远对不上）；请删去空格",
      en: "\(what.english) \(name.english) contains a space (spaces are ignored in tables' headers, so it could never match one); remove it")
  }
  public static let needsPlanYears = Message(
    zh: "缺少“plan_years”，例如 plan_years = [2024, 2025, 2026]", en: "needs \"plan_years\", e.g. plan_years = [2024, 2025, 2026]")
  public static let planYearsShouldBeYears = Message(
    zh: "“plan_years”应列出年份，例如 2024、2025、2026", en: "\"plan_years\" should list years such as 2024, 2025, 2026")
  public static let planYearsTwice = Message(zh: "“plan_years”把一个年份列了两次", en: "\"plan_years\" lists a year twice")
  public static let industrialOutputKeys = Message(
    zh: "[industrial_output] 的键是年份，例如 2025 = 420", en: "[industrial_output] keys are years, e.g. 2025 = 420")
  public static let industrialOutputKeysWithUnit = Message(
    zh: "[industrial_output] 的键是年份，例如 2025 = 420（亿元）", en: "[industrial_output] keys are years, e.g. 2025 = 420 (亿元)")
  public static let needsTargets = Message(
    zh: "缺少 [targets] 表（写明区目标文件）", en: "needs a [targets] table naming the district targets file")
  public static let tableNeedsYear = Message(zh: "每个 [[tables]] 都要有 year", en: "each [[tables]] needs a year")
  public static func unknownTableKind(_ kind: String) -> Message {
    Message(
      zh: "kind = \"\(kind)\" 应为 \"target\"（分解表）、\"actual\"（完成数）或 \"progress\"（进度）",
      en: "kind = \"\(kind)\" should be \"target\" (分解表), \"actual\" (完成数) or \"progress\" (progress to date)")
  }
  public static func tableNeedsSource(_ file: String) -> Message {
    Message(
      zh: "表 \(file) 要写 \"source\"（文号，或数据从何而来）", en: "the table \(file) needs a \"source\" (a document number, or what made it)")
  }
  public static func tableNeedsIllustrative(_ file: String) -> Message {
    Message(
      zh: "表 \(file) 要写 illustrative = true（示例数据）或 false（公开发布的数据）",
      en: "the table \(file) needs illustrative = true (示例数据) or false (published figures)")
  }
  public static let progressNeedsFraction = Message(
    zh: "进度表要写 fraction_of_year（1–10月为 10/12 ≈ 0.8333）",
    en: "a progress table needs fraction_of_year (10/12 ≈ 0.8333 for January–October)")
  public static func sheetOnlyForXLSX(_ file: String) -> Message {
    Message(
      zh: "sheet = … 指的是 .xlsx 工作簿中的工作表；\(file) 不是工作簿", en: "sheet = … names a sheet of an .xlsx workbook; \(file) is not one")
  }
  public static func secondTable(_ kind: String, year: Int) -> Message {
    let names = ["target": "分解表", "actual": "完成数表", "progress": "进度表"]
    return Message(
      zh: "是\(year)年的第二张\(names[kind] ?? kind)（\(kind)）；每年每种表只能有一张",
      en: "is a second \(kind) table for \(year); give each year one table of each kind")
  }
  public static let needsNameColumn = Message(
    zh: "缺少“name”（或“指标”）列或“id”列来写明各指标", en: "needs a column \"name\" (or 指标) or \"id\" naming each indicator")
  public static let needsKindColumn = Message(
    zh: "缺少“kind”（类型）列（count、amount、level、stock、rate 或 share）",
    en: "needs a column \"kind\" (count, amount, level, stock, rate or share)")
  public static let needsYearColumns = Message(
    zh: "每年要有一列，以年份为列标题（2024、2025、…）", en: "needs one column per year headed by the year (2024, 2025, …)")
  public static func yearTwice(_ year: Int, also column: String) -> Message {
    Message(
      zh: "\(year) 是两列的标题（另一列是 \(column) 列）：哪一列是\(year)年的目标？请删去或改名另一列",
      en: "\(year) heads two columns (also \(column)): which one holds the \(year) targets? Delete or rename the other")
  }
  public static let columnWithoutHeader = Message(
    zh: "没有列标题：请写上这一列对应的街道名称", en: "has no header: name the area (street) this column is for")
  public static func notAnArea(_ name: Message, suggestion: Message, areas: [String]) -> Message {
    Message(
      zh: "\(name.chinese)不是本数据集的街道\(suggestion.chinese)（街道：\(areas.joined(separator: "、"))）",
      en: "\(name.english) is not an area of this dataset\(suggestion.english) (areas: \(areas.joined(separator: "、")))")
  }
  public static func notAnArea(_ name: Message, suggestion: Message) -> Message {
    Message(zh: "\(name.chinese)不是本数据集的街道\(suggestion.chinese)", en: "\(name.english) is not an area of this dataset\(suggestion.english)")
  }
  public static func areaTwice(_ area: String, alsoColumn column: String) -> Message {
    Message(zh: "\(area)出现了两次（另一次在 \(column) 列）", en: "\(area) appears twice (also column \(column))")
  }
  public static func unitDiffers(_ name: String, unit: String, rowUnit: String) -> Message {
    Message(
      zh: "本数据集中\(name)的单位是\(unit)，这一行写的是（\(rowUnit)）：请换算这一行，或核对是否是这一行",
      en: "\(name) is in \(unit) in this dataset, but this row says (\(rowUnit)): convert the row, or check that it is the right line")
  }
  public static func notAnIndicator(_ name: Message, suggestion: Message) -> Message {
    Message(zh: "\(name.chinese)不是本数据集的指标\(suggestion.chinese)", en: "\(name.english) is not an indicator of this dataset\(suggestion.english)")
  }
  public static func lineTwice(_ name: String, alsoRow row: Int) -> Message {
    Message(zh: "\(name)出现了两次（另一次在第\(row)行）", en: "\(name) appears twice (also row \(row))")
  }
  public static func indicatorTwice(_ id: String, alsoRow row: Int) -> Message {
    Message(zh: "指标“\(id)”出现了两次（另一次在第\(row)行）", en: "indicator \"\(id)\" appears twice (also row \(row))")
  }
  public static func cannotBeNegative(_ name: String, _ text: String) -> Message {
    Message(zh: "\(name)不能为负（\(text)）", en: "\(name) cannot be negative (\(text))")
  }
  public static func implausiblyLarge(_ text: String) -> Message {
    Message(zh: "\(text) 大得不合常理", en: "\(text) is implausibly large")
  }
  /// An indicator's kind as the planner says it, the code's word in parentheses:
  /// "计数类（count）" / "count".
  public static func kind(_ raw: String) -> Message {
    let names = ["count": "计数", "amount": "金额", "level": "水平", "stock": "存量", "rate": "比率", "share": "占比"]
    return Message(zh: "\(names[raw] ?? raw)类（\(raw)）", en: raw)
  }
  public static func notWhole(_ name: String, kind: String, _ text: String) -> Message {
    Message(zh: "\(name)是\(Self.kind(kind).chinese)指标：\(text) 不是整数", en: "\(name) is a \(kind): \(text) is not a whole number")
  }
  public static func missingRows(_ missing: Int, of total: Int, names: String, afterRow row: Int) -> Message {
    Message(
      zh: "\(total)个指标中有\(missing)个没有对应的行（\(names)），表格止于第\(row)行：文件是不是被截断了？请把每一行都补上，没有数的街道写“/”，不知道的留空",
      en: "has no row for \(missing) of the \(total) indicators (\(names)), after row \(row): was the file cut short? Add each line, with \"/\" where an area has no figure and empty cells where it is not known")
  }
  public static func missingColumns(_ areas: [String]) -> Message {
    let names = areas.joined(separator: "、")
    return Message(
      zh: "缺少\(names)的列：请补上，没有数的写“/”，不知道的留空",
      en: "has no column for \(names): add it, with \"/\" where the area has no figure and empty cells where it is not known")
  }
  public static let rowWithoutName = Message(zh: "没有指标名称或编号", en: "has no indicator name or id")
  public static func unknownKind(_ kind: Message, suggestion: Message) -> Message {
    Message(
      zh: "类型\(kind.chinese)应为 count、amount、level、stock、rate、share 之一\(suggestion.chinese)",
      en: "kind \(kind.english) should be one of count, amount, level, stock, rate, share\(suggestion.english)")
  }
  public static func shareNeedsTable(_ id: String) -> Message {
    Message(
      zh: "\(id) 是占比（share）类指标：dataset.toml 要有 [shares.\(id)]，写明 area_name 和 area_unit（分给各街道的量）",
      en: "\(id) is a share: dataset.toml needs [shares.\(id)] with area_name and area_unit (the amount areas are given)")
  }
  public static func nameAlreadyUsed(_ name: Message, by id: String, row: Int) -> Message {
    Message(
      zh: "\(name.chinese)已是指标 \(id)（第\(row)行）的名称：两个指标同名，在街道表里无法区分；请给每一行各取一个名称",
      en: "\(name.english) already names indicator \(id) (row \(row)): one name under two indicators cannot be told apart in the area tables; give each line its own name")
  }
  public static func targetNegative(_ text: String) -> Message {
    Message(zh: "目标不能为负（\(text)）", en: "a target cannot be negative (\(text))")
  }
  public static func targetImplausible(_ text: String) -> Message {
    Message(zh: "\(text) 作为区目标大得不合常理", en: "\(text) is implausibly large for a district target")
  }
  public static func targetNotWhole(_ name: String, kind: String, _ text: String) -> Message {
    Message(zh: "\(name)是\(Self.kind(kind).chinese)指标：目标 \(text) 不是整数", en: "\(name) is a \(kind): its target \(text) is not a whole number")
  }
  public static func ownParent(_ name: String) -> Message {
    Message(zh: "\(name)不能是自己的上级", en: "\(name) cannot be its own parent")
  }
  public static func parentNotIndicator(_ parent: Message, of id: String, suggestion: Message) -> Message {
    Message(
      zh: "\(id)的上级\(parent.chinese)不是指标\(suggestion.chinese)", en: "parent \(parent.english) of \(id) is not an indicator\(suggestion.english)")
  }
}

// MARK: Scenarios and the command line's changes

extension Say.Input {
  public static let needsDataset = Message(
    zh: "缺少 dataset = \"path/to/dataset.toml\"（相对于情景文件）", en: "needs dataset = \"path/to/dataset.toml\" (relative to the scenario file)")
  public static func baseLoop(_ chain: String) -> Message {
    Message(zh: "经由 \(chain) 把自己当作了基础情景（base）", en: "names itself as a base, through \(chain)")
  }
  public static let needsYear = Message(zh: "缺少 year = …（规划中的某一年）", en: "needs year = … (a plan year)")
  public static func yearOutsidePlan(_ year: Int, plan: String) -> Message {
    Message(zh: "\(year)年不在规划期内（\(plan)）", en: "year \(year) is outside the plan (\(plan))")
  }
  public static func unknownRule(_ rule: String, choices: String, suggestion: Message) -> Message {
    Message(
      zh: "rule = \"\(rule)\" 应为 \(choices) 之一\(suggestion.chinese)", en: "rule = \"\(rule)\" should be one of \(choices)\(suggestion.english)")
  }
  public static func unknownBaseline(_ baseline: String) -> Message {
    Message(
      zh: "baseline = \"\(baseline)\" 应为 \"latest\"（最近完成数）或 \"allocated\"（上年分解数）",
      en: "baseline = \"\(baseline)\" should be \"latest\" or \"allocated\"")
  }
  public static func unknownCapacityRule(_ rule: String, choices: String, suggestion: Message) -> Message {
    Message(
      zh: "上限规则 \"\(rule)\" 应为 \(choices) 之一\(suggestion.chinese)",
      en: "capacity rule \"\(rule)\" should be one of \(choices)\(suggestion.english)")
  }
  public static let lockNeedsValue = Message(zh: "每个 [[lock]] 都要有 value（0 或更大）", en: "each [[lock]] needs a value (0 or more)")
  public static func rateCannotBeLocked(_ name: String) -> Message {
    Message(
      zh: "\(name)是比率（rate）类指标：各街道都沿用全区的比率，所以不能锁定",
      en: "\(name) is a rate: every area carries the district rate, so it cannot be locked")
  }
  public static func lockNotWhole(_ name: String, kind: String, value: String, down: String, up: String) -> Message {
    Message(
      zh: "\(name)是\(Self.kind(kind).chinese)指标：锁定值 \(value) 不是整数；请锁定为 \(down) 或 \(up)",
      en: "\(name) is a \(kind): a lock of \(value) is not a whole number; lock \(down) or \(up)")
  }
  public static let theScenarioFile = Message(zh: "情景文件中的那个", en: "the scenario file")
  public static func secondLock(area: String, line: String, first: Message, value: String) -> Message {
    Message(
      zh: "\(area) / \(line) 上的第二个锁定（第一个是\(first.chinese)，值为 \(value)）：每个单元格只锁定一次",
      en: "a second lock on \(area) / \(line) (the first is \(first.english), value \(value)): lock each cell once")
  }
  public static let equalNeedsTwoAreas = Message(
    zh: "每个 [[equal]] 组至少要有两个街道", en: "each [[equal]] group needs at least two areas")
  public static func runsOutOfRange(_ runs: Int) -> Message {
    Message(zh: "runs = \(runs) 应在 1 到 100000000 之间", en: "runs = \(runs) should be between 1 and 100000000")
  }
  public static let seedNotNegative = Message(zh: "seed 应为 0 或更大", en: "seed should be 0 or more")
  public static let monthlyProfile = Message(
    zh: "monthly_profile 应列出十二个非负数（从一月起），且不能全为 0",
    en: "monthly_profile should list twelve non-negative numbers (January first), not all 0")
  public static func unknownFactor(_ factor: String) -> Message {
    Message(
      zh: "factor = \"\(factor)\" 应为 \"district\"（全区）或 \"group\"（按组）", en: "factor = \"\(factor)\" should be \"district\" or \"group\"")
  }
  public static func shockOnRate(_ name: String) -> Message {
    Message(
      zh: "\(name)是比率（rate）类指标：它不参与模拟（各街道沿用全区比率），冲击它不会改变任何结果",
      en: "\(name) is a rate: it is not simulated (every area carries the district rate), so a shock on it would change nothing")
  }
  public static let yearsShouldListYears = Message(zh: "years 应列出年份，例如 [2026]", en: "years should list years, e.g. [2026]")
  public static func shockYearOutsidePlan(_ year: Int, plan: String) -> Message {
    Message(
      zh: "\(year)年不在规划期内（\(plan)）：在那一年的冲击不会改变任何结果",
      en: "the year \(year) is outside the plan (\(plan)): a shock there would change nothing")
  }
  /// No scenario given, and the shipped default found nowhere (`DefaultScenario`).
  public static func defaultScenarioMissing(looked places: [String]) -> Message {
    let list = places.map { "\n  " + $0 }.joined()
    return Message(
      zh: "没有给出情景文件，也找不到这个默认情景。查找过：\(list)\n请给出情景文件的路径，例如 fenjie allocate 我的情景.toml",
      en: "no scenario was given and this default scenario was not found. Looked in:\(list)\nGive the scenario's path, e.g. fenjie allocate my-scenario.toml")
  }
  public static let shockNeedsChange = Message(
    zh: "每个 [[shock]] 都要有 change = −0.15（表示 −15%）", en: "each [[shock]] needs change = −0.15 (for −15%)")

  // --set, --lock, --shock
  public static let setKeyValue = Message(
    zh: "请写成 键=值，例如 --set capacity.max_growth=0.3", en: "write it as key=value, e.g. --set capacity.max_growth=0.3")
  public static let setEmptyKey = Message(
    zh: "= 前面的键是空的（或两个点之间有空的部分）", en: "the key before = is empty (or has an empty part between dots)")
  public static let lockForm = Message(
    zh: "请写成 街道:指标=值，例如 --lock 扬名街道:高新技术企业申报数=90",
    en: "write it as AREA:INDICATOR=VALUE, e.g. --lock 扬名街道:高新技术企业申报数=90")
  public static func lockValueNotNumber(_ text: String) -> Message {
    Message(zh: "\(text) 不是数字；请写上要锁定的值，例如 =90", en: "\(text) is not a number; write the value to lock, e.g. =90")
  }
  public static let shockForm = Message(
    zh: "请写成 指标=-15%（或 街道:指标=-15%、…=-15%@2026）", en: "write it as INDICATOR=-15% (or AREA:INDICATOR=-15%, …=-15%@2026)")
  public static let shockYearNotYear = Message(zh: "@ 后面不是年份", en: "the year after @ is not a year")
  public static func shockNotChange(_ text: String) -> Message {
    Message(zh: "\(text) 不是 -15% 或 -0.15 这样的变化幅度", en: "\(text) is not a change such as -15% or -0.15")
  }
}

// MARK: The TOML parser's (toml++) own words

extension Say.Input {
  /// How toml++ starts a reason: "Error while parsing table header: …".
  public static let tomlParserLead = "Error while parsing "
  /// What the parser was reading ("Error while parsing table header: …"), in Chinese.
  public static let tomlScopes: [String: String] = [
    "string": "字符串", "literal string": "字面字符串", "key-value pair": "键值对", "key": "键", "value": "值",
    "table header": "表头", "root table": "表", "inline table": "内联表", "array": "数组", "boolean": "布尔值",
    "floating-point": "小数", "hexadecimal floating-point": "十六进制小数", "integer": "整数", "date": "日期", "time": "时间",
    "date-time": "日期时间", "date-time offset": "日期时间时区", "comment": "注释", "unicode scalar sequence": "Unicode 转义",
  ]
  /// The parser's reasons (regular expressions over its English) and their Chinese (`$1` … the
  /// matched groups). A reason not listed is shown in the parser's English, after "解析器原文：".
  public static let tomlReasons: [(english: String, chinese: String)] = [
    (#"^expected value, saw '\\n'$"#, "等号后面缺少值"),
    (#"^expected '=', saw (.*)$"#, "键后面应是 =，这里是 $1"),
    (#"^expected (.*), saw '\\n'$"#, "这一行少了 $1"),
    (#"^expected (.*), saw (.*)$"#, "应是 $1，这里是 $2"),
    (#"^cannot redefine existing (.*) '(.*)'$"#, "“$2”已经定义过，不能再定义一次"),
    (#"^could not determine value type$"#, "无法确定值的类型（文字要加引号，数字用半角）"),
    (#"^encountered end-of-file$"#, "文件意外结束"),
    (#"^unescaped control characters other than TAB \(U\+0009\) are explicitly prohibited$"#, "含有控制字符（是不是少了结尾的引号？）"),
    (#"^leading zeroes are prohibited$"#, "数字不能以 0 开头"),
    (#"^underscores (must be followed by|may only follow) digits$"#, "下划线只能写在数字之间"),
  ]
  public static func tomlParserRaw(_ english: String) -> Message {
    Message(zh: "（解析器原文：\(english)）", en: english)
  }
  /// Chinese only: in English the parser's own sentence is shown.
  public static func tomlWhileParsing(_ scope: String, _ reason: String) -> Message {
    Message(zh: "读\(scope)时出错：\(reason)", en: "error while parsing \(scope): \(reason)")
  }
}

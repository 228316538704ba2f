import Foundation
import Testing

@testable import FenjieText

/// The catalogs of the reports, the allocation, the audit and the planning layer
/// (`Say.Allocation`, `Say.Audit`, `Say.Planning`, `Say.Report`, `Say.HTML`): every message has both
/// languages, the Chinese side holds no English sentence, the English side no Chinese one besides
/// the labels that stay Chinese (分解表, 示例数据, 规上工业总产值 …), and the terminal's messages
/// use no ambiguous-width character.
@Suite struct ReportCatalogTests {
  /// Every message, with placeholder arguments (names as the data would give them).
  static var messages: [Message] { terminalMessages + htmlMessages }

  /// The messages a terminal may show.
  static var terminalMessages: [Message] {
    let a = Say.Allocation.self, r = Say.Report.self, p = Say.Planning.self, u = Say.Audit.self
    return [
      a.yearOutsidePlan(2030, [2024, 2025, 2026]), a.noPublishedTable(2025), a.noDistrictTarget(2025),
      a.shareNeedsOutput("高新技术产业产值占比", 2025, "26.5"), a.parentNotApplicable(["甲街道"]), a.solverStopped("time_limit"),
      a.lockIgnored("甲街道"), a.lockRounded("甲街道", "90.5", "90"), a.lockAboveCap("甲街道", "300", "127"),
      a.lockBelowFloor("甲街道", "1", "3"), a.aboveTarget("9家", "6家", a.reasonFloors("9家")), a.reasonMargin("5.00", "105家"),
      a.reasonChildren, a.reasonWholeUnits, a.raiseCap("甲街道", "16", "25", "+9"), a.lowerFloor("甲街道", "5", "3", "-2"),
      a.changeLock("甲街道", "300", "127", "-173"), a.exceedParent("甲街道", "2"), a.breakEqualGroup("老城区"),
      a.openArea("甲街道", "4"), a.andMore(3), a.couldNotAllocate("原因"), a.contradictory, a.shortBy("450家", "366家", "84家"),
      a.childrenNoRoom(plural: true), a.parentTooTight, a.contradict, a.parentRepairMakesRoom,
      a.moreGrowth("core_ip_firms", "0.47", "0.15"), a.alternative("甲街道"), a.smallestChanges(2, "甲"), a.spreadRepair("150.00", "甲"),
      a.ownAllocation(2025), a.explicitBaselines(["甲街道"]), a.scaledToHistory, a.splittingTarget, a.noAreaHistory,
      a.noHistory(["新区"]), a.assumedBaselines(a.noAreaHistory, a.weightsBasis, a.splittingTarget, "sme"), a.meanShareBasis,
      a.equalShareBasis, a.noHistoryAtAll, a.historyTable(2024, actual: true, "附件2"), a.ruleLine("balanced"),
      a.marginsFor("90%"), a.required("1200"), a.requiredWithMargin("1260", "1200", "5.0%"), a.commonShare("40.0%"),
      a.commonMultiple("1.2"), a.commonValue("3"), a.balancedCost(whole: true, "0.495"), a.marginalCost(whole: false, "0.01"),
      a.baselines("2024年分解表"), a.illustrativeNote, a.infeasibleNote("雏鹰企业"), a.notOptimalNote("雏鹰企业"),
      a.diagnostic("warning", "雏鹰企业", "消息"), a.shareNote("高新技术产业产值占比", "26.5", "高新技术产业产值", "亿元", "111.30"),
      a.sources(["附件1"]), a.marginHeader, a.notReached, a.alreadySafe, a.notReachedRemark, a.alreadySafeRemark,
      a.confidenceNote("90%", "方法", runs: 100, seed: "1", checkRuns: 250, checkSeed: "2"),
      a.lockedCellsNote, a.illustrativeSubtitle,
      u.finding("error", "targets.csv，第3行", "消息"), u.place(file: "s.csv", row: 3, toml: false, column: "E (惠山街道)"), u.missingYears("雏鹰企业"), u.goalMismatch("雏鹰企业", "220", sum: true, "210"),
      u.rateDiffers("研发人员增速", "20", "25"), u.belowDistrict("雏鹰企业", "60", "70", 2025),
      u.aboveParent("其中:甲", "5", "甲", "4"), u.parentNotApplicable("其中:甲", "5", "甲"),
      u.columnExceedsDistrict(18, ["甲 5 > 4"], more: true),
      p.noPlanYears, p.goalYearKnown(2026), p.cannotAllocateForSimulation(2026, "原因"), p.shareNeedsOutput("占比", 2026),
      p.cannotSimulate("雏鹰企业", "原因"), p.cannotSimulateHeldOut(2025, "原因"), p.invalidSimulationInput("原因"),
      p.nothingToBacktest, p.editWhereNotApplicable("分解表!F12", "3", "甲街道", "雏鹰企业"), p.editEmpty("分解表!F12", "甲街道", "雏鹰企业"),
      p.editNotWhole("分解表!F12", "雏鹰企业", "家", "2.5"), p.edit("甲街道", "雏鹰企业", "102", "90"),
      p.editsKept(3, "edited.xlsx", ["甲"], more: 1), p.publishedTable(2024, "附件2"),
      p.ownAllocation(2026, rule: "balanced", feasible: false), p.fittedAgainstOwn(2025, rule: "balanced"),
      p.scenarioDefaults(mean: "1.0", sigma: "0.2"),
      p.fitted(pairs: 9, ownSigma: "0.1", df: 8, priorDF: "4", prior: p.scenarioSigma("0.2"), floor: "0.05", sigma: "0.12", shrink: p.fullPooling),
      p.pooledPrior("0.1", df: 40), p.confidenceMethod, p.backtestMethod,
      r.range("1.0%", "2.0%"), r.goal(annual: false, first: 2024, last: 2026, length: 3), r.runLine(runs: 1, seed: "1", generator: "g", version: "v"),
      r.precision("0.01", "0.009", runs: 1000), r.precisionCap(1000), r.simulationTitle("梁溪区", 2026),
      r.allGoals(48, "1.0%", r.range("1%", "2%")), r.groupGoals("科技人才导入行动计划", 14, "5.0%", r.range("1%", "2%")),
      r.simulationIllustrative, r.restOfYear(2026, "83.3%"), r.simulatedYears([r.year(2026)], known: [2024]), r.streetTargets("来源"),
      r.defaultRatios(["情景默认值"]), r.fittedRatios(every: false, 3), r.model(correlation: "0.3", districtFactor: false),
      r.pace(scenarioProfile: true, kappa: "1"), r.shock("-15%", every: false, indicators: ["a"], areas: ["甲街道"], years: [2026]),
      r.streetOddsTitle(2026), r.streetOddsSheetTitle("梁溪区", 2026, illustrative: true), r.sheetIllustrative, r.allGoalsRow,
      r.comparing(["a（2026年）", "b（2026年）"]), r.scenarioYear("a", 2026), r.comparisonOdds(2026, runs: 1, seed: "1", generator: "g"),
      r.comparisonIllustrative, r.noChangeAtAll, r.targetsNoChange, r.oddsNoChange, r.targetsThatChange, r.oddsThatChange,
      r.targetsHeading, r.oddsHeading, r.noChange, r.deltaHeader, r.deltaPercentHeader, r.allAtOnce(["a 1%"]),
      r.backtestTitle("梁溪区"), r.backtestRunLine(runs: 1, seed: "1", generator: "g", version: "v"), r.forecastRest(2026, "83.3%"),
      r.forecastWhole(2025), r.allEvents, r.allDistricts, r.coverage("80.0%", of: 24), r.naiveHeader, r.reliabilityTitle,
      r.reliabilityHeading, r.districtTotalsTitle, r.districtTotalsHeading, r.backtestIllustrative, r.method("方法"),
      r.brier("0.01", band: "5.0%"), r.forecastTargets(r.forecastWhole(2025), "来源"), r.notAvailable,
      r.needsFileName, r.isFolder("--output"), r.notRegular("--output"), r.isInput("--output"), r.noFolder("d"),
      r.permissionDenied("d"), r.cannotWrite("原因"), r.standardOutput,
    ]
  }

  /// The HTML report's messages.
  static var htmlMessages: [Message] {
    let h = Say.HTML.self
    return [
      h.title("梁溪区", 2025, 2026), h.kicker, h.footer, h.scenario, h.rule, h.simulation, h.whatIf, h.summary, h.illustrativeNotice,
      h.infeasibleHeading(2), h.infeasibleAsSet, h.tableCard(2025), h.lines(3), h.allFeasible(20), h.someInfeasible(20),
      h.allGoalsCard(48), h.quantileRule("rule"), h.interval("1%", "2%"), h.groupCard("科技人才导入行动计划", 14), h.riskiest, h.tableSection(2025),
      h.tableLead("均衡分解"), h.goalTableSection, h.goalTableLead, h.notesSection, h.wilson, h.sources, h.oddsSection(48),
      h.below50, h.above80, h.whiskers, h.oddsAxis, h.intervalColumn, h.oddsChartTitle, h.distributionSection(8),
      h.distributionLead, h.median, h.mean, h.target, h.outcomeAxis, h.distributionChartTitle, h.shortfallSection(8, 2026),
      h.shortfallLead, h.missColumn, h.shortfallChartTitle, h.keyLinesSection(2025, 4), h.baseline, h.atCap, h.cap, h.floor,
      h.allowedRange, h.locked, h.notApplicable, h.versusBaseline, h.baselineCaption("2024年分解表"), h.keyLineChartTitle("雏鹰企业"),
    ]
  }

  /// Three or more ASCII words in a row: an English sentence.
  static func englishRuns(_ text: String) -> [String] {
    let regex = try! NSRegularExpression(pattern: #"(?<![\w.\[\-_/])[A-Za-z]{2,}(?:[ ,;]+[A-Za-z]{2,}){2,}(?![\w\]_])"#)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
      Range($0.range, in: text).map { String(text[$0]) }
    }
  }

  /// English technical names kept in the Chinese text, in parentheses for a reviewer.
  static let technicalNames = ["sample average approximation"]

  /// Chinese words that stay in the English text: the document's names and the data labels.
  static let chineseLabels = ["（含示例数据）", "分解表", "分解说明", "示例数据", "规上工业总产值", "其中", "完成数", "合计", "区目标", "目标值", "期望缺口", "缺口主要来自", "达成"]

  @Test func everyMessageHasBothLanguages() {
    for message in Self.messages {
      #expect(!message.chinese.isEmpty && !message.english.isEmpty, "\(message.english)")
      #expect(message.text(.chinese) == message.chinese && message.text(.english) == message.english)
    }
  }

  @Test func chineseHasNoEnglishSentence() {
    for message in Self.messages {
      var text = message.chinese
      for name in Self.technicalNames { text = text.replacingOccurrences(of: name, with: " ") }
      #expect(Self.englishRuns(text).isEmpty, "\(message.chinese)")
      // Something in it is Chinese (not the English copied over), unless it is a code or a number.
      if message.english.contains(" ") && message.english != message.chinese {
        #expect(message.chinese != message.english, "\(message.english)")
      }
    }
  }

  @Test func englishHasNoChineseSentence() {
    let data = ["梁溪区", "惠山街道", "甲街道", "新区", "老城区", "雏鹰企业", "高新技术产业产值占比", "高新技术产业产值", "亿元", "科技人才导入行动计划",
      "研发人员增速", "占比", "附件1", "附件2", "其中:甲", "甲", "乙", "家", "原因", "消息", "来源", "方法", "情景默认值", "均衡分解", "2024年分解表",
      "a（2026年）", "b（2026年）", "targets.csv，第3行", "分解表!F12", "年度目标任务分解表"]
    for message in Self.messages {
      var text = message.english
      for name in (data + Self.chineseLabels).sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: name, with: " ") }
      let han = text.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) || "，。；：、".unicodeScalars.contains($0) }
      #expect(han.isEmpty, "\(message.english)")
    }
  }

  /// Messages a terminal shows (all but the HTML's, which a browser sizes): no σ ρ κ · – — ± × ÷ → ≥ ≤
  /// “ ” ✗ ∞ ² …, which CJK terminals draw two columns wide.
  @Test func terminalMessagesHaveNoAmbiguousWidthCharacter() {
    let ambiguous = Set("σρκ·–—±×÷→≥≤“”‘’✗✓∞²…Δ√Σ−─")
    for message in Self.terminalMessages {
      #expect(!message.chinese.contains(where: ambiguous.contains), "\(message.chinese)")
      #expect(!message.english.contains(where: ambiguous.contains), "\(message.english)")
    }
  }
}

@Suite struct PlaceTests {
  @Test func placesReadInEachLanguage() {
    let place = Say.Audit.place(file: "streets.csv", row: 3, toml: false, column: "E (惠山街道)")
    #expect(place.chinese == "streets.csv，第3行，E列（惠山街道）")
    #expect(place.english == "streets.csv, row 3, column E (惠山街道)")
    let line = Say.Audit.place(file: "scenario.toml", row: 4, toml: true, column: nil)
    #expect(line.chinese == "scenario.toml，第4行" && line.english == "scenario.toml, line 4")
    #expect(Say.Audit.place(file: "t.csv", row: nil, toml: false, column: "M").chinese == "t.csv，M列")
  }
}

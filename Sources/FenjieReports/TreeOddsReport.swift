import FenjieCore
import FenjiePlanning
import FenjieText
import Foundation

/// The odds over a tree (`TreeOdds`): a table per region (its lines' targets, expected totals,
/// P(达成) with its 95% interval, expected shortfall) and the odds of every line at once; the model,
/// runs, seed and generator said once. JSON: `{"year", "runs", "seed", "generator", "model",
/// "regions": [{"region", "parent", "levels", "illustrative", "p_all", "lines": [ … ]}]}`, each line
/// with its parameters, so that the figures can be recomputed with the allocation's JSON.
public struct TreeOddsReport: Sendable, TextReport {
  public var odds: TreeOdds
  public var version: String
  public var region: String?
  public var width: Int? = standardTerminalWidth

  public init(_ odds: TreeOdds, version: String, region: String? = nil) {
    self.odds = odds
    self.version = version
    self.region = region
  }

  var shown: [TreeOdds.RegionOdds] { region.map { r in odds.regions.filter { $0.region == r } } ?? odds.regions }

  var runLine: String { Say.Tree.oddsRunLine(odds.runs, odds.seed, TreeOdds.generator, version).description }

  func value(_ indicator: Indicator, _ v: Double) -> String {
    indicator.kind.isWhole ? String(Int(v.rounded())) : format2(v)
  }

  func table(_ region: TreeOdds.RegionOdds) -> TextTable {
    var table = TextTable(
      header: ["指标", "单位", "目标", "期望", "P(达成)", "95%区间", "期望缺口", "街道数"],
      alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
    for line in region.lines {
      table.add([
        line.indicator.areaName, line.indicator.areaUnit, value(line.indicator, line.target), value(line.indicator, line.mean),
        percentText(line.pHit), "\(percentText(line.interval.lower))–\(percentText(line.interval.upper))",
        format2(line.expectedShortfall), String(line.streets),
      ])
    }
    return table
  }

  func heading(_ region: TreeOdds.RegionOdds) -> String {
    var text = Say.Tree.oddsTitle(region.region, odds.year).description
    if region.illustrative { text += "（含示例数据）" }
    if let parent = region.parent { text += " · " + Say.Tree.parentLabel(parent).description }
    return text
  }

  public func terminal() -> String {
    var out = wrappingLines(Say.Tree.oddsModel.description + "\n" + runLine + "\n", width: width)
    for region in shown {
      out += "\n" + heading(region) + "\n\n" + table(region).terminal(width: width)
      out += "  " + Say.Tree.oddsAll(percentText(region.pAll)).description + "\n"
    }
    return out
  }

  public func markdown() -> String {
    var out = Say.Tree.oddsModel.description + "\n\n" + runLine + "\n"
    for region in shown {
      out += "\n## " + heading(region) + "\n\n" + table(region).markdown()
      out += "\n" + Say.Tree.oddsAll(percentText(region.pAll)).description + "\n"
    }
    return out
  }

  public func csv() -> String {
    var flat = TextTable(
      header: ["地区", "上级"] + table(odds.regions[0]).header, alignments: Array(repeating: .left, count: 10))
    for region in shown {
      for row in table(region).rows { flat.add([region.region, region.parent ?? ""] + row) }
    }
    return flat.csv()
  }

  public func json() -> JSONValue {
    .object([
      ("year", .integer(odds.year)),
      ("runs", .integer(odds.runs)),
      ("seed", .integer(Int(truncatingIfNeeded: odds.seed))),
      ("generator", .string(TreeOdds.generator)),
      ("version", .string(version)),
      ("model", .string(Say.Tree.oddsModel.text(.english))),
      ("regions", .array(shown.map { region in
        .object([
          ("region", .string(region.region)),
          ("parent", .str(region.parent)),
          ("levels", .integer(region.levels)),
          ("illustrative", .bool(region.illustrative)),
          ("p_all", .number(region.pAll)),
          ("lines", .array(region.lines.map { line in
            .object([
              ("id", .string(line.indicator.id)), ("name", .string(line.indicator.areaName)),
              ("unit", .string(line.indicator.areaUnit)), ("kind", .string(line.indicator.kind.rawValue)),
              ("target", .number(line.target)), ("mean", .number((line.mean * 1e6).rounded() / 1e6)),
              ("p_hit", .number(line.pHit)), ("ci95", .array([.number(line.interval.lower), .number(line.interval.upper)])),
              ("expected_shortfall", .number((line.expectedShortfall * 1e6).rounded() / 1e6)),
              ("mean_ratio", .number(line.meanRatio)), ("sigma", .number(line.sigma)),
              ("correlation", .number(line.correlation)), ("streets", .integer(line.streets)),
            ])
          })),
        ])
      })),
    ])
  }

  /// One sheet: every region's lines.
  public func workbook() throws(XLSXError) -> Data {
    var sheet = XLSXSheet(name: "达成概率")
    sheet.rows.append([.text(runLine, .note)])
    sheet.rows.append(["地区", "上级", "指标", "单位", "目标", "期望", "P(达成)", "期望缺口"].map { .text($0, .header) })
    for region in shown {
      for line in region.lines {
        sheet.rows.append([
          .text(region.region), .text(region.parent ?? ""), .text(line.indicator.areaName), .text(line.indicator.areaUnit),
          .number(line.target), .number((line.mean * 100).rounded() / 100), .number(line.pHit, .percent1),
          .number((line.expectedShortfall * 100).rounded() / 100, .decimal2),
        ])
      }
    }
    return try XLSXWorkbook(title: runLine, sheets: [sheet]).data()
  }
}

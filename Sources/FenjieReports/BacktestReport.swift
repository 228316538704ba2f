import FenjieText
import FenjieCore
import FenjiePlanning
import FenjieSimulation
import Foundation

/// `fenjie backtest`: how well calibrated the odds were on the years whose outcome is known, against
/// the naive model (last year's ratio).
public struct BacktestReport: Sendable, TextReport {
  public var backtest: Backtest
  public var version: String
  /// Display columns of the terminal output: wider tables in panels, longer prose wrapped; `nil`
  /// (`--wide`) as wide as it is.
  public var width: Int? = standardTerminalWidth

  public init(_ backtest: Backtest, version: String) {
    self.backtest = backtest
    self.version = version
  }

  func percent(_ p: Double) -> String { percentText(p) }

  func number(_ x: Double, digits: Int = 3) -> String {
    guard x.isFinite else { return x > 0 ? Say.Report.plusInfinity.text() : x < 0 ? Say.Report.minusInfinity.text() : "" }
    let scale = pow(10.0, Double(digits))
    return JSONValue.format((x * scale).rounded() / scale)
  }

  var title: String {
    Say.Report.backtestTitle(backtest.region).text() + (backtest.usesIllustrativeData ? "（含示例数据）" : "")
  }

  var runLine: String {
    Say.Report.backtestRunLine(runs: backtest.runs, seed: "\(backtest.seed)", generator: backtest.generator, version: version).text()
  }

  func forecastName(_ f: Backtest.Forecast) -> String { forecastMessage(f).text() }

  func forecastMessage(_ f: Backtest.Forecast) -> Message {
    f.fractionKnown.map { Say.Report.forecastRest(f.year, percent($0)) } ?? Say.Report.forecastWhole(f.year)
  }

  /// One row per held-out forecast, then the model and the naive model over everything.
  public func summaryTable() -> TextTable {
    var table = TextTable(
      header: Say.Report.summaryHeader.map { $0.text() },
      alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
    for f in backtest.forecasts {
      var events: [Calibration.Event] = [], naive: [Calibration.Event] = [], bands: [Calibration.Band] = []
      for line in f.lines {
        if let t = line.districtTarget, let p = line.probability {
          let hit = line.districtActual >= t - 1e-9
          events.append(.init(probability: p, hit: hit))
          naive.append(.init(probability: line.naiveForecast >= t - 1e-9 ? 1 : 0, hit: hit))
          if let p10 = line.p10, let p90 = line.p90 { bands.append(.init(p10: p10, p90: p90, outcome: line.districtActual)) }
        }
        for s in line.streets {
          let hit = s.actual >= s.target - 1e-9
          events.append(.init(probability: s.probability, hit: hit))
          naive.append(.init(probability: s.naiveProbability, hit: hit))
        }
      }
      let m = Calibration(events: events, bands: bands), n = Calibration(events: naive)
      table.add(row(forecastName(f), f.fittedFrom.map(String.init).joined(separator: Language.current == .chinese ? "、" : ", "), m, naive: n))
    }
    table.add(row(Say.Report.allEvents.text(), "", backtest.model, naive: backtest.naive))
    table.add(row(Say.Report.allDistricts.text(), "", backtest.districtModel, naive: backtest.districtNaive))
    return table
  }

  func row(_ name: String, _ fitted: String, _ m: Calibration, naive: Calibration) -> [String] {
    [
      name, fitted, String(m.events), number(m.brier), number(naive.brier),
      "\(m.hits)/\(number(m.expectedHits, digits: 1))", number(m.z, digits: 2),
      m.bandCoverage.map { Say.Report.coverage(percent($0), of: m.bands).text() } ?? "",
    ]
  }

  public func reliabilityTable() -> TextTable {
    var table = TextTable(
      header: ["P(达成) 区间", "事件", "平均预测", "实际频率", "z"], alignments: [.left, .right, .right, .right, .right])
    for d in backtest.model.deciles {
      table.add([
        Say.Report.range(percent(d.lower), percent(d.upper)).text(), String(d.count), percent(d.meanForecast), percent(d.observed),
        number(d.z, digits: 2),
      ])
    }
    return table
  }

  public func lineTable() -> TextTable {
    var table = TextTable(
      header: ["预测", "指标", "区目标", "实际", "P(达成)", "P10", "P90", Say.Report.naiveHeader.text()],
      alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
    for f in backtest.forecasts {
      for line in f.lines {
        guard let t = line.districtTarget else { continue }
        table.add([
          forecastName(f), line.name, number(t, digits: 2), number(line.districtActual, digits: 2),
          line.probability.map(percent) ?? "", line.p10.map { number($0, digits: 2) } ?? "",
          line.p90.map { number($0, digits: 2) } ?? "", number(line.naiveForecast, digits: 2),
        ])
      }
    }
    return table
  }

  var notes: [String] {
    var notes: [String] = []
    if backtest.usesIllustrativeData {
      notes.append(Say.Report.backtestIllustrative.text())
    }
    notes.append(Say.Report.method(Backtest.method).text())
    notes.append(
      Say.Report.brier(
        number(backtest.model.brierStandardError),
        band: backtest.model.bandStandardError.map { percent($0) } ?? Say.Report.notAvailable.text()
      ).text())
    for f in backtest.forecasts { notes.append(Say.Report.forecastTargets(forecastMessage(f), f.targetSource).text()) }
    notes.append(Say.Report.sources(backtest.sources).text())
    return notes
  }

  public func terminal() -> String {
    let wrap = { (text: String) in wrappingLines(text, width: width) }
    var out = wrap("\(title)\n\(runLine)\n\n") + summaryTable().terminal(width: width) + "\n"
    out += "\(Say.Report.reliabilityTitle)\n" + reliabilityTable().terminal(width: width) + "\n"
    out += "\(Say.Report.districtTotalsTitle)\n" + lineTable().terminal(width: width)
    out += wrap("\n" + notes.map { "  " + $0 }.joined(separator: "\n") + "\n")
    return out
  }

  public func markdown() -> String {
    var out = "## \(title)\n\n\(runLine)\n\n" + summaryTable().markdown() + "\n"
    out += "### \(Say.Report.reliabilityHeading)\n\n" + reliabilityTable().markdown() + "\n"
    out += "### \(Say.Report.districtTotalsHeading)\n\n" + lineTable().markdown()
    out += "\n" + notes.map { "- " + $0 }.joined(separator: "\n") + "\n"
    return out
  }

  public func csv() -> String {
    summaryTable().csv() + "\r\n" + reliabilityTable().csv() + "\r\n" + lineTable().csv()
  }

  func calibrationJSON(_ c: Calibration) -> JSONValue {
    .object([
      ("events", .integer(c.events)), ("brier", .number(c.brier)), ("brier_standard_error", .number(c.brierStandardError)),
      ("hits", .integer(c.hits)), ("expected_hits", .number(c.expectedHits)), ("z", .num(c.z.isFinite ? c.z : nil)),
      ("band_coverage", .num(c.bandCoverage)), ("bands", .integer(c.bands)),
      ("deciles", .array(c.deciles.map { d in
        .object([
          ("lower", .number(d.lower)), ("upper", .number(d.upper)), ("count", .integer(d.count)),
          ("mean_forecast", .number(d.meanForecast)), ("observed", .number(d.observed)), ("z", .num(d.z.isFinite ? d.z : nil)),
        ])
      })),
    ])
  }

  public func json() -> JSONValue {
    .object([
      ("runs", .integer(backtest.runs)),
      ("seed", backtest.seed <= UInt64(Int.max) ? .integer(Int(backtest.seed)) : .string(String(backtest.seed))),
      ("generator", .string(backtest.generator)), ("version", .string(version)),
      ("illustrative", .bool(backtest.usesIllustrativeData)), ("method", .string(Backtest.method)),
      ("sources", .array(backtest.sources.map { .string($0) })),
      ("model", calibrationJSON(backtest.model)), ("naive", calibrationJSON(backtest.naive)),
      ("district_model", calibrationJSON(backtest.districtModel)), ("district_naive", calibrationJSON(backtest.districtNaive)),
      ("forecasts", .array(backtest.forecasts.map { f in
        .object([
          ("year", .integer(f.year)), ("fraction_known", .num(f.fractionKnown)), ("target_source", .string(f.targetSource)),
          ("fitted_from", .array(f.fittedFrom.map { .integer($0) })),
          ("lines", .array(f.lines.map { line in
            .object([
              ("id", .string(line.indicator)), ("name", .string(line.name)), ("district_target", .num(line.districtTarget)),
              ("district_actual", .number(line.districtActual)), ("p_hit", .num(line.probability)),
              ("p10", .num(line.p10)), ("p50", .num(line.p50)), ("p90", .num(line.p90)),
              ("naive_forecast", .number(line.naiveForecast)),
              ("streets", .array(line.streets.map { s in
                .object([
                  ("area", .string(s.area)), ("target", .number(s.target)), ("actual", .number(s.actual)),
                  ("p_hit", .number(s.probability)), ("naive_p_hit", .number(s.naiveProbability)),
                ])
              })),
            ])
          })),
        ])
      })),
    ])
  }
}

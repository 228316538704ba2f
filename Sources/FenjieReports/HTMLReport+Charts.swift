import FenjieCore
import FenjieText
import FenjieSimulation
import Foundation

/// The report's four charts, as inline SVG.
extension HTMLReport {
  /// Street colours (Tableau 10, without the grey): distinct in colour and in lightness.
  static let streetColors = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
  ]

  // MARK: 1. The odds of each goal

  /// One row per indicator with goals: its annual and its three-year goal, riskiest first (by the
  /// lower of the two).
  var oddsRows: [(indicator: Int, annual: GoalOdds?, planTotal: GoalOdds?)] {
    var rows: [(indicator: Int, annual: GoalOdds?, planTotal: GoalOdds?)] = []
    for goal in simulationReport.goalsByRisk {
      var index = rows.firstIndex { $0.indicator == goal.indicatorIndex }
      if index == nil {
        rows.append((goal.indicatorIndex, nil, nil))
        index = rows.count - 1
      }
      if goal.type == .annual { rows[index!].annual = goal } else { rows[index!].planTotal = goal }
    }
    return rows
  }

  func oddsSection() -> String {
    let rows = oddsRows
    guard !rows.isEmpty else { return "" }
    let goals = rows.reduce(0) { $0 + ($1.annual == nil ? 0 : 1) + ($1.planTotal == nil ? 0 : 1) }
    var out = section(
      number: "二", title: Say.HTML.oddsSection(goals), className: "chart-section break-before")
    out += """
      <div class="legend"><span><i class="swatch" style="background:#52606d;border-radius:50%"></i>\(Say.HTML.annualLegend(simulation.goalYear))\
      </span><span><i class="swatch diamond" style="background:#52606d"></i>\(Say.HTML.planLegend(simulation.plan.chineseLength, simulation.plan.years))</span>\
      <span><i class="swatch" style="background:\(HTMLReport.red)"></i>\(Say.HTML.below50)</span>\
      <span><i class="swatch" style="background:\(HTMLReport.amber)"></i>50%–80%</span>\
      <span><i class="swatch" style="background:\(HTMLReport.green)"></i>\(Say.HTML.above80)</span>\
      <span>\(Say.HTML.whiskers)</span></div>

      """
    out += "<figure>\n" + oddsChart(rows) + "\n</figure>\n</section>\n"
    return out
  }

  func oddsChart(_ rows: [(indicator: Int, annual: GoalOdds?, planTotal: GoalOdds?)]) -> String {
    let width = 1000.0
    let size = 12.5
    let rowHeight = 21.0
    let top = 40.0
    let names = rows.map { indicators[$0.indicator].name }
    let nameWidth = min(320, names.map { SVGCanvas.textWidth($0, size: size) }.max() ?? 80) + 12
    let columnWidth = 150.0
    let x0 = nameWidth + 8
    // A value column per goal type that occurs.
    let types = [GoalType.annual, .planTotal].filter { type in rows.contains { (type == .annual ? $0.annual : $0.planTotal) != nil } }
    let x1 = width - Double(types.count) * columnWidth - 14
    let x = { (p: Double) in x0 + (x1 - x0) * min(1, max(0, p)) }
    let bottom = top + rowHeight * Double(rows.count)
    var svg = SVGCanvas(width: width, height: bottom + 26)
    for (index, _) in rows.enumerated() where index % 2 == 0 {
      svg.rect(x: 0, y: top + rowHeight * Double(index), width: width, height: rowHeight, fill: "#f6f8fa")
    }
    for step in 0...10 {
      let tick = Double(step) / 10
      let middle = step == 5
      svg.line(
        x1: x(tick), y1: top, x2: x(tick), y2: bottom, stroke: middle ? SVGCanvas.axis : SVGCanvas.grid, width: 1,
        dash: middle ? "4 3" : nil)
      let label = "\(step * 10)%"
      svg.text(label, x: x(tick), y: top - 9, anchor: .middle, size: 11, fill: SVGCanvas.muted)
      svg.text(label, x: x(tick), y: bottom + 13, anchor: .middle, size: 11, fill: SVGCanvas.muted)
    }
    svg.text(Say.HTML.oddsAxis.text(), x: x0, y: top - 27, size: 11, weight: 700, fill: SVGCanvas.muted)
    let columns = types.enumerated().map { ($0.element, x1 + 14 + Double($0.offset) * columnWidth) }
    for (type, left) in columns {
      let header = type == .annual
        ? goalLabel(type) : Say.HTML.planGoalShort(simulation.plan.chineseLength, count: simulation.plan.length).text()
      svg.text(header, x: left + 50, y: top - 27, anchor: .end, size: 11, weight: 700, fill: SVGCanvas.muted)
      svg.text(Say.HTML.intervalColumn.text(), x: left + columnWidth - 4, y: top - 27, anchor: .end, size: 11, fill: SVGCanvas.muted)
    }
    for (index, row) in rows.enumerated() {
      let y = top + rowHeight * (Double(index) + 0.5)
      svg.text(SVGCanvas.fit(names[index], width: nameWidth - 8, size: size), x: 4, y: y, size: size)
      // Three-year goal first (a diamond), so that the annual dot stays visible on top of it.
      for (type, goal) in [(GoalType.planTotal, row.planTotal), (GoalType.annual, row.annual)] {
        guard let goal else { continue }
        let color = toneColor(goal.pHit)
        let lo = x(goal.ci95.lower)
        let hi = x(goal.ci95.upper)
        svg.line(x1: lo, y1: y, x2: hi, y2: y, stroke: color, width: 2)
        svg.line(x1: lo, y1: y - 4, x2: lo, y2: y + 4, stroke: color, width: 1.5)
        svg.line(x1: hi, y1: y - 4, x2: hi, y2: y + 4, stroke: color, width: 1.5)
        let tip = "\(names[index]) \(goalLabel(type)): \(percent(goal.pHit)) (95% \(percent(goal.ci95.lower))–\(percent(goal.ci95.upper)))"
        if type == .annual {
          svg.circle(x: x(goal.pHit), y: y, r: 5, fill: color, stroke: "#ffffff", strokeWidth: 1, title: tip)
        } else {
          svg.polygon(diamond(x(goal.pHit), y, 6.5), fill: color, stroke: "#ffffff")
        }
      }
      for (type, left) in columns {
        guard let goal = type == .annual ? row.annual : row.planTotal else {
          svg.text("—", x: left + 50, y: y, anchor: .end, size: size, fill: SVGCanvas.axis)
          continue
        }
        svg.text(percent(goal.pHit), x: left + 50, y: y, anchor: .end, size: size, weight: 700, fill: toneColor(goal.pHit))
        svg.text(
          "\(percent(goal.ci95.lower))–\(percent(goal.ci95.upper))", x: left + columnWidth - 4, y: y, anchor: .end, size: 11,
          fill: SVGCanvas.muted)
      }
    }
    return svg.render(
      title: Say.HTML.oddsChartTitle.text(),
      description: rows.map { row in
        indicators[row.indicator].name + ": "
          + [row.annual, row.planTotal].compactMap { $0 }.map { "\(goalLabel($0.type)) \(percent($0.pHit))" }.joined(separator: ", ")
      }.joined(separator: "; "))
  }

  // MARK: 2. The district outcome against the target

  /// Goals by risk, with an indicator's annual and three-year goals merged when they are the same
  /// outcome against the same target (a level goal whose three-year target is the final year's).
  var mergedGoalsByRisk: [[GoalOdds]] {
    var rows: [[GoalOdds]] = []
    for goal in simulationReport.goalsByRisk {
      if let index = rows.firstIndex(where: { row in
        let first = row[0]
        return first.indicatorIndex == goal.indicatorIndex && first.target == goal.target && first.hits == goal.hits
          && first.p10 == goal.p10 && first.p50 == goal.p50 && first.p90 == goal.p90 && first.mean == goal.mean
      }) {
        rows[index].append(goal)
      } else {
        rows.append([goal])
      }
    }
    return rows
  }

  func distributionSection() -> String {
    let rows = Array(mergedGoalsByRisk.filter { $0[0].target > 0 }.prefix(riskiestCount))
    guard !rows.isEmpty else { return "" }
    var out = section(
      number: "三", title: Say.HTML.distributionSection(rows.count), className: "chart-section")
    out += "<p class=\"lede\">\(xmlEscape(Say.HTML.distributionLead.text()))</p>\n"
    out += "<figure>\n" + distributionChart(rows) + "\n</figure>\n</section>\n"
    return out
  }

  func distributionChart(_ rows: [[GoalOdds]]) -> String {
    let width = 1000.0
    let size = 12.5
    let rowHeight = 46.0
    let top = 46.0
    let names = rows.map { indicators[$0[0].indicatorIndex].name }
    let nameWidth = min(320, names.map { SVGCanvas.textWidth($0, size: size) }.max() ?? 80) + 14
    let valueWidth = 250.0
    let x0 = nameWidth + 10
    let x1 = width - valueWidth - 10
    var ratios: [Double] = [1]
    for row in rows {
      let g = row[0]
      ratios += [g.p10 / g.target, g.p90 / g.target, g.mean / g.target]
    }
    let lowest = ratios.min()!
    let highest = ratios.max()!
    let pad = max(0.02, (highest - lowest) * 0.08)
    let ticks = axisTicks(low: lowest - pad, high: highest + pad, count: 8)
    let domainLow = min(lowest - pad, ticks.first ?? lowest)
    let domainHigh = max(highest + pad, ticks.last ?? highest)
    let x = { (r: Double) in x0 + (x1 - x0) * (r - domainLow) / (domainHigh - domainLow) }
    let bottom = top + rowHeight * Double(rows.count)
    var svg = SVGCanvas(width: width, height: bottom + 44)

    // Legend.
    var lx = x0
    svg.rect(x: lx, y: 4, width: 30, height: 12, fill: "#cfe0f1", stroke: "#8fb3d9")
    svg.text("P10–P90 (80% of runs)", x: lx + 36, y: 10, size: 11.5, fill: SVGCanvas.muted)
    lx += 36 + SVGCanvas.textWidth("P10–P90 (80% of runs)", size: 11.5) + 18
    svg.line(x1: lx + 6, y1: 3, x2: lx + 6, y2: 17, stroke: "#1d4f85", width: 3)
    svg.text(Say.HTML.median.text(), x: lx + 16, y: 10, size: 11.5, fill: SVGCanvas.muted)
    lx += 16 + SVGCanvas.textWidth(Say.HTML.median.text(), size: 11.5) + 18
    svg.polygon(diamond(lx + 6, 10, 5.5), fill: SVGCanvas.ink)
    svg.text(Say.HTML.mean.text(), x: lx + 16, y: 10, size: 11.5, fill: SVGCanvas.muted)
    lx += 16 + SVGCanvas.textWidth(Say.HTML.mean.text(), size: 11.5) + 18
    svg.line(x1: lx, y1: 10, x2: lx + 24, y2: 10, stroke: HTMLReport.red, width: 2, dash: "5 3")
    svg.text(Say.HTML.target.text(), x: lx + 30, y: 10, size: 11.5, fill: SVGCanvas.muted)

    for (index, _) in rows.enumerated() where index % 2 == 0 {
      svg.rect(x: 0, y: top + rowHeight * Double(index), width: width, height: rowHeight, fill: "#f6f8fa")
    }
    for tick in ticks {
      svg.line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, stroke: SVGCanvas.grid)
      let label = "\(Int((tick * 100).rounded()))%"
      svg.text(label, x: x(tick), y: bottom + 13, anchor: .middle, size: 11, fill: SVGCanvas.muted)
    }
    svg.text(
      Say.HTML.outcomeAxis.text(), x: (x0 + x1) / 2, y: bottom + 31, anchor: .middle, size: 11, fill: SVGCanvas.muted)
    for (index, row) in rows.enumerated() {
      let goal = row[0]
      let indicator = indicators[goal.indicatorIndex]
      let unit = unit(indicator.id)
      let y = top + rowHeight * (Double(index) + 0.5)
      let amount = { (v: Double) in simulationReport.amount(indicator.kind, v) }
      svg.text(SVGCanvas.fit(names[index], width: nameWidth - 8, size: size), x: 4, y: y - 8, size: size, weight: 700)
      let tag = row.map { goalLabel($0.type) }.joined(separator: " · ") + " · P(达成) " + percent(goal.pHit)
      svg.text(tag, x: 4, y: y + 10, size: 11, fill: toneColor(goal.pHit))
      let a = x(goal.p10 / goal.target)
      let b = x(goal.p90 / goal.target)
      svg.rect(
        x: a, y: y - 9, width: b - a, height: 18, fill: "#cfe0f1", stroke: "#8fb3d9", radius: 2,
        title: "\(names[index]): P10 \(amount(goal.p10)), P50 \(amount(goal.p50)), P90 \(amount(goal.p90)), \(Say.HTML.mean) \(amount(goal.mean)); \(Say.HTML.target) \(amount(goal.target)) \(unit)")
      let m = x(goal.p50 / goal.target)
      svg.line(x1: m, y1: y - 11, x2: m, y2: y + 11, stroke: "#1d4f85", width: 3)
      svg.polygon(diamond(x(goal.mean / goal.target), y, 5), fill: SVGCanvas.ink, stroke: "#ffffff")
      svg.text("\(Say.HTML.target) \(amount(goal.target)) \(unit)", x: x1 + 18, y: y - 8, size: size)
      svg.text(
        "P10 \(amount(goal.p10)) · P50 \(amount(goal.p50)) · P90 \(amount(goal.p90))", x: x1 + 18, y: y + 10, size: 11,
        fill: SVGCanvas.muted)
    }
    let target = x(1)
    svg.line(x1: target, y1: top - 4, x2: target, y2: bottom + 2, stroke: HTMLReport.red, width: 2, dash: "5 3")
    svg.text("\(Say.HTML.target) 100%", x: target, y: top - 12, anchor: .middle, size: 11, weight: 700, fill: HTMLReport.red)
    return svg.render(
      title: Say.HTML.distributionChartTitle.text(),
      description: rows.map { row in
        let g = row[0]
        return "\(indicators[g.indicatorIndex].name): \(Say.HTML.target) \(g.target), P10 \(g.p10), P50 \(g.p50), P90 \(g.p90), \(Say.HTML.mean) \(g.mean)"
      }.joined(separator: "; "))
  }

  func diamond(_ x: Double, _ y: Double, _ r: Double) -> [(Double, Double)] {
    [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
  }

  // MARK: 3. Each street's part of a miss

  func shortfallSection() -> String {
    var rows: [(goal: GoalOdds, streets: IndicatorStreetOdds)] = []
    for goal in simulationReport.goalsByRisk where goal.type == .annual {
      guard let streets = simulation.indicators.first(where: { $0.indicatorIndex == goal.indicatorIndex }),
        streets.districtMisses > 0, streets.streets.contains(where: { $0.shortfallShare > 0 })
      else { continue }
      rows.append((goal, streets))
      if rows.count == riskiestCount { break }
    }
    guard !rows.isEmpty else { return "" }
    var out = section(
      number: "四", title: Say.HTML.shortfallSection(rows.count, simulation.goalYear), className: "chart-section")
    out += "<p class=\"lede\">\(xmlEscape(Say.HTML.shortfallLead.text()))</p>\n"
    out += "<figure>\n" + shortfallChart(rows) + "\n</figure>\n</section>\n"
    return out
  }

  func shortfallChart(_ rows: [(goal: GoalOdds, streets: IndicatorStreetOdds)]) -> String {
    let width = 1000.0
    let size = 12.5
    let areas = setup.input.areas
    let names = rows.map { indicators[$0.goal.indicatorIndex].name }
    let nameWidth = min(320, names.map { SVGCanvas.textWidth($0, size: size) }.max() ?? 80) + 14
    let valueWidth = 118.0
    let x0 = nameWidth + 10
    let x1 = width - valueWidth - 10

    // Legend, wrapped over as many lines as it needs.
    var legend: [(x: Double, y: Double, area: Int)] = []
    var lx = 4.0
    var ly = 10.0
    for (index, area) in areas.enumerated() {
      let itemWidth = 18 + SVGCanvas.textWidth(area, size: 12) + 16
      if lx + itemWidth > width - 90, lx > 4 {
        lx = 4
        ly += 20
      }
      legend.append((lx, ly, index))
      lx += itemWidth
    }
    let top = ly + 22
    let rowHeight = 32.0
    let bottom = top + rowHeight * Double(rows.count)
    var svg = SVGCanvas(width: width, height: bottom + 30)
    for item in legend {
      svg.rect(x: item.x, y: item.y - 6, width: 12, height: 12, fill: color(area: item.area), radius: 2)
      svg.text(areas[item.area], x: item.x + 17, y: item.y, size: 12)
    }
    let x = { (p: Double) in x0 + (x1 - x0) * p }
    for tick in stride(from: 0.0, through: 1.0001, by: 0.2) {
      svg.line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, stroke: SVGCanvas.grid)
      svg.text("\(Int((tick * 100).rounded()))%", x: x(tick), y: bottom + 13, anchor: .middle, size: 11, fill: SVGCanvas.muted)
    }
    svg.text(Say.HTML.missColumn.text(), x: width - 4, y: top - 8, anchor: .end, size: 11, weight: 700, fill: SVGCanvas.muted)
    for (index, row) in rows.enumerated() {
      let y = top + rowHeight * (Double(index) + 0.5)
      svg.text(SVGCanvas.fit(names[index], width: nameWidth - 8, size: size), x: 4, y: y, size: size)
      let total = row.streets.streets.reduce(0) { $0 + max(0, $1.shortfallShare) }
      var start = 0.0
      for street in row.streets.streets.sorted(by: { $0.areaIndex < $1.areaIndex }) where street.shortfallShare > 0 {
        let share = street.shortfallShare / max(total, 1e-12)
        let a = x(start)
        let b = x(start + share)
        let fill = color(area: street.areaIndex)
        svg.rect(
          x: a, y: y - 11, width: b - a, height: 22, fill: fill, stroke: "#ffffff",
          title: "\(names[index]): \(street.area) \(percent(street.shortfallShare))")
        if b - a >= 30 {
          svg.text(
            "\(Int((street.shortfallShare * 100).rounded()))%", x: (a + b) / 2, y: y, anchor: .middle, size: 11, weight: 700,
            fill: textColor(on: fill))
        }
        start += share
      }
      let miss = 1 - row.goal.pHit
      svg.text(percent(miss), x: width - 4, y: y, anchor: .end, size: size, weight: 700, fill: toneColor(row.goal.pHit))
    }
    return svg.render(
      title: Say.HTML.shortfallChartTitle.text(),
      description: rows.map { row in
        indicators[row.goal.indicatorIndex].name + ": "
          + row.streets.streets.filter { $0.shortfallShare > 0 }.map { "\($0.area) \(percent($0.shortfallShare))" }.joined(separator: ", ")
      }.joined(separator: "; "))
  }

  func color(area index: Int) -> String {
    HTMLReport.streetColors[index % HTMLReport.streetColors.count]
  }

  /// White on dark fills, ink on light ones (relative luminance of the sRGB colour).
  func textColor(on fill: String) -> String {
    let hex = fill.dropFirst()
    guard hex.count == 6, let value = Int(hex, radix: 16) else { return "#ffffff" }
    func channel(_ shift: Int) -> Double {
      let c = Double((value >> shift) & 0xFF) / 255
      return c <= 0.039_28 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    return luminance > 0.33 ? SVGCanvas.ink : "#ffffff"
  }

  // MARK: 4. Each street's target against its baseline and cap

  /// The lines behind the riskiest annual goals (then the table's own order), where the table has a
  /// baseline and a cap for the streets.
  var keyLines: [IndicatorAllocation] {
    var ids: [String] = []
    for goal in simulationReport.goalsByRisk where goal.type == .annual {
      let id = indicators[goal.indicatorIndex].id
      if !ids.contains(id) { ids.append(id) }
    }
    for line in allocation.indicators where !ids.contains(line.indicator.id) { ids.append(line.indicator.id) }
    let lines = ids.compactMap { id in allocation.indicators.first { $0.indicator.id == id } }.filter { line in
      line.status != .notSplit
        && line.areas.values.contains { $0.value != nil && $0.baseline != nil && $0.cap != nil }
    }
    return Array(lines.prefix(keyLineCount))
  }

  func keyLinesSection() -> String {
    let lines = keyLines
    guard !lines.isEmpty else { return "" }
    var out = section(
      number: "五", title: Say.HTML.keyLinesSection(allocation.year, lines.count), className: "chart-section")
    out += """
      <div class="legend"><span><i class="swatch" style="background:#fff;border:2px solid #7b8794;border-radius:50%"></i>\(Say.HTML.baseline)</span>\
      <span><i class="swatch" style="background:\(HTMLReport.blue);border-radius:50%"></i>\(Say.HTML.yearTarget(allocation.year))</span>\
      <span><i class="swatch" style="background:\(HTMLReport.amber);border-radius:50%"></i>\(Say.HTML.atCap)</span>\
      <span><i class="swatch" style="background:#8a1c1c;width:3px;border-radius:0"></i>\(Say.HTML.cap)</span>\
      <span><i class="swatch" style="background:#e3eaf2;width:22px"></i>\(Say.HTML.allowedRange)</span></div>

      """
    out += "<div class=\"pair\">\n"
    for line in lines {
      let report = allocationReport
      let district = line.districtTarget.map { report.value(line.indicator, $0) } ?? ""
      let total = line.allocatedTotal.map { report.value(line.indicator, $0) } ?? ""
      out += "<figure>\n<h3>\(xmlEscape(line.indicator.areaName))（\(xmlEscape(line.indicator.areaUnit))）"
      out += line.status == .infeasible ? " <span class=\"bad-mark\">✗</span>" : ""
      out += " <small>\(Say.HTML.total) \(xmlEscape(total)) · \(Say.HTML.district) \(xmlEscape(district))</small></h3>\n"
      out += keyLineChart(line)
      out += "\n<figcaption>\(xmlEscape(Say.HTML.baselineCaption(line.baselineSource).text()))</figcaption>\n</figure>\n"
    }
    out += "</div>\n</section>\n"
    return out
  }

  func keyLineChart(_ line: IndicatorAllocation) -> String {
    let width = 560.0
    let size = 12.0
    let rowHeight = 25.0
    let top = 22.0
    let report = allocationReport
    let areas = allocation.areas
    let labelWidth = (areas.map { SVGCanvas.textWidth($0, size: size) }.max() ?? 60) + 10
    let valueWidth = 112.0
    let x0 = labelWidth + 8
    let x1 = width - valueWidth - 8
    var highest = 0.0
    for area in areas {
      guard let cell = line.areas[area] else { continue }
      highest = max(highest, cell.value ?? 0, cell.baseline ?? 0, cell.cap ?? 0)
    }
    let ticks = axisTicks(low: 0, high: max(highest, 1e-9) * 1.02, count: 5)
    let domainHigh = max(ticks.last ?? highest, highest * 1.02, 1e-9)
    let x = { (v: Double) in x0 + (x1 - x0) * max(0, v) / domainHigh }
    let bottom = top + rowHeight * Double(areas.count)
    var svg = SVGCanvas(width: width, height: bottom + 28)
    for (index, _) in areas.enumerated() where index % 2 == 0 {
      svg.rect(x: 0, y: top + rowHeight * Double(index), width: width, height: rowHeight, fill: "#f6f8fa")
    }
    svg.text(Say.HTML.target.text(), x: x1 + 50, y: 10, anchor: .end, size: 11, weight: 700, fill: SVGCanvas.muted)
    svg.text(Say.HTML.versusBaseline.text(), x: width - 4, y: 10, anchor: .end, size: 11, weight: 700, fill: SVGCanvas.muted)
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : domainHigh
    for tick in ticks {
      svg.line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, stroke: SVGCanvas.grid)
      svg.text(tickLabel(tick, step: step), x: x(tick), y: bottom + 13, anchor: .middle, size: 11, fill: SVGCanvas.muted)
    }
    for (index, area) in areas.enumerated() {
      let y = top + rowHeight * (Double(index) + 0.5)
      svg.text(area, x: 4, y: y, size: size)
      guard let cell = line.areas[area], let value = cell.value else {
        svg.text(Say.HTML.notApplicable.text(), x: x0 + 4, y: y, size: 11, fill: SVGCanvas.muted)
        continue
      }
      if let cap = cell.cap {
        let floor = cell.floor ?? 0
        svg.rect(x: x(floor), y: y - 5, width: x(cap) - x(floor), height: 10, fill: "#e3eaf2")
        svg.line(x1: x(cap), y1: y - 8, x2: x(cap), y2: y + 8, stroke: "#8a1c1c", width: 2.5)
      }
      let atCap = cell.cap.map { value >= $0 - 1e-9 } ?? false
      let fill = atCap ? HTMLReport.amber : HTMLReport.blue
      if let baseline = cell.baseline {
        if abs(x(value) - x(baseline)) > 7 {
          svg.line(x1: x(baseline), y1: y, x2: x(value), y2: y, stroke: "#7b8794", width: 2)
        }
        svg.circle(x: x(baseline), y: y, r: 4.5, fill: "#ffffff", stroke: "#7b8794", strokeWidth: 2)
      }
      let tip = [
        "\(area): \(Say.HTML.target) \(report.value(line.indicator, value))",
        cell.baseline.map { "\(Say.HTML.baseline) \(report.value(line.indicator, $0))" },
        cell.floor.map { "\(Say.HTML.floor) \(report.value(line.indicator, $0))" },
        cell.cap.map { "\(Say.HTML.cap) \(report.value(line.indicator, $0))" },
        cell.locked ? Say.HTML.locked.text() : nil,
      ].compactMap { $0 }.joined(separator: ", ")
      svg.circle(x: x(value), y: y, r: 5.5, fill: fill, stroke: "#ffffff", strokeWidth: 1, title: tip)
      svg.text(report.value(line.indicator, value) + (cell.locked ? " \(Say.HTML.lockedShort)" : ""), x: x1 + 50, y: y, anchor: .end, size: size, weight: 700)
      let growth = report.percent(cell.growth)
      if !growth.isEmpty {
        svg.text(growth, x: width - 4, y: y, anchor: .end, size: 11, fill: SVGCanvas.muted)
      }
    }
    return svg.render(
      title: Say.HTML.keyLineChartTitle(line.indicator.areaName).text(),
      description: areas.compactMap { area in
        line.areas[area]?.value.map { "\(area) \(report.value(line.indicator, $0))" }
      }.joined(separator: "; "))
  }

  /// An axis label: whole numbers when the step is whole, else as many decimals as the step needs.
  func tickLabel(_ value: Double, step: Double) -> String {
    let whole = { (x: Double) in abs(x - x.rounded()) < 1e-6 }
    if whole(step) || value == 0 { return String(Int(value.rounded())) }
    let decimals = whole(step * 10) ? 1 : 2
    return String(format: "%.\(decimals)f", value)
  }
}

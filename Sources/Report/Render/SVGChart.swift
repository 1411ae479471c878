import Core

/// Small SVG chart writers for the HTML report: stacked bars, grouped
/// bars and lines, with axes, a legend and a fixed palette. Every mark
/// carries `class="mark"` so tests can count what was drawn.
enum SVGChart {
  static let width = 720.0
  static let height = 260.0
  static let left = 56.0
  static let right = 16.0
  static let top = 16.0
  static let bottom = 40.0
  static let palette = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
  ]

  static var plotWidth: Double { width - left - right }
  static var plotHeight: Double { height - top - bottom }

  static func color(_ index: Int) -> String { palette[index % palette.count] }

  /// Draws each label's series values stacked into one bar.
  static func stackedBars(_ chart: ChartData) -> String {
    let totals = chart.labels.indices.map { index in
      chart.series.reduce(0) { $0 + $1.values[index] }
    }
    let maximum = niceMaximum(totals.max() ?? 0)
    let slot = plotWidth / Double(max(chart.labels.count, 1))
    var body = axes(chart, maximum: maximum)
    for index in chart.labels.indices {
      var base = 0.0
      for (seriesIndex, series) in chart.series.enumerated() where series.values[index] > 0 {
        let value = series.values[index]
        let y0 = y(base, maximum)
        let y1 = y(base + value, maximum)
        body += rect(
          x: left + slot * Double(index) + slot * 0.15, y: y1, width: slot * 0.7, height: y0 - y1,
          fill: color(seriesIndex),
          title: "\(series.name) \(chart.labels[index]): \(Format.decimal(value))")
        base += value
      }
    }
    return svg(body + legend(chart.series.map(\.name)), chart)
  }

  /// Draws one bar per series side by side for each label.
  static func groupedBars(_ chart: ChartData) -> String {
    let maximum = niceMaximum(chart.series.flatMap(\.values).max() ?? 0)
    let slot = plotWidth / Double(max(chart.labels.count, 1))
    let barWidth = slot * 0.8 / Double(max(chart.series.count, 1))
    var body = axes(chart, maximum: maximum)
    for index in chart.labels.indices {
      for (seriesIndex, series) in chart.series.enumerated() where series.values[index] > 0 {
        let top = y(series.values[index], maximum)
        body += rect(
          x: left + slot * Double(index) + slot * 0.1 + barWidth * Double(seriesIndex), y: top,
          width: barWidth, height: y(0, maximum) - top, fill: color(seriesIndex),
          title:
            "\(series.name) \(chart.labels[index]): \(Format.decimal(series.values[index], digits: 3))"
        )
      }
    }
    return svg(body + legend(chart.series.map(\.name)), chart)
  }

  /// Draws each series as polylines over the labels, broken where a
  /// value is NaN (no data that day).
  static func lines(_ chart: ChartData) -> String {
    let maximum = niceMaximum(chart.series.flatMap(\.values).filter(\.isFinite).max() ?? 0)
    let step = plotWidth / Double(max(chart.labels.count - 1, 1))
    var body = axes(chart, maximum: maximum)
    for (seriesIndex, series) in chart.series.enumerated() {
      var runs: [[String]] = [[]]
      for (index, value) in series.values.enumerated() {
        guard value.isFinite else {
          if !runs[runs.count - 1].isEmpty { runs.append([]) }
          continue
        }
        runs[runs.count - 1].append(
          "\(number(left + step * Double(index))),\(number(y(value, maximum)))")
      }
      for points in runs where !points.isEmpty {
        let line = points.count == 1 ? [points[0], points[0]] : points
        body +=
          "<polyline class=\"mark\" fill=\"none\" stroke=\"\(color(seriesIndex))\" stroke-width=\"1.5\" points=\"\(line.joined(separator: " "))\"><title>\(HTMLText.escape(series.name))</title></polyline>\n"
      }
    }
    return svg(body + legend(chart.series.map(\.name)), chart)
  }

  static func y(_ value: Double, _ maximum: Double) -> Double {
    top + plotHeight * (1 - value / maximum)
  }

  /// Rounds a maximum up to 1, 2 or 5 times a power of ten.
  static func niceMaximum(_ value: Double) -> Double {
    guard value > 0 else { return 1 }
    let power = pow(10, floor(log10(value)))
    for factor in [1.0, 2, 5, 10] where factor * power >= value { return factor * power }
    return 10 * power
  }

  static func axes(_ chart: ChartData, maximum: Double) -> String {
    var body =
      "<line class=\"axis\" x1=\"\(number(left))\" y1=\"\(number(top + plotHeight))\" x2=\"\(number(width - right))\" y2=\"\(number(top + plotHeight))\"/>\n"
    for fraction in [0.0, 0.5, 1.0] {
      let value = maximum * fraction
      let position = y(value, maximum)
      body +=
        "<line class=\"grid\" x1=\"\(number(left))\" y1=\"\(number(position))\" x2=\"\(number(width - right))\" y2=\"\(number(position))\"/>\n"
      body +=
        "<text class=\"tick\" x=\"\(number(left - 6))\" y=\"\(number(position + 4))\" text-anchor=\"end\">\(Format.decimal(value, digits: 3))</text>\n"
    }
    let count = chart.labels.count
    let shown = Set([0, count / 2, count - 1].filter { $0 >= 0 && $0 < count })
    let slot = plotWidth / Double(max(count, 1))
    for index in shown.sorted() {
      let x = left + slot * (Double(index) + 0.5)
      var anchor = "middle"
      if index == 0 { anchor = "start" }
      if index == count - 1 && count > 1 { anchor = "end" }
      body +=
        "<text class=\"tick\" x=\"\(number(x))\" y=\"\(number(top + plotHeight + 16))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(chart.labels[index]))</text>\n"
    }
    return body
  }

  static func legend(_ names: [String]) -> String {
    var body = ""
    var x = left
    for (index, name) in names.enumerated() {
      let label = name.count > 40 ? String(name.prefix(37)) + "..." : name
      body +=
        "<rect x=\"\(number(x))\" y=\"\(number(height - 14))\" width=\"10\" height=\"10\" fill=\"\(color(index))\"/>"
      body +=
        "<text class=\"legend\" x=\"\(number(x + 14))\" y=\"\(number(height - 5))\">\(HTMLText.escape(label))</text>\n"
      x += 24 + Double(label.count) * 6.5
    }
    return body
  }

  static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String)
    -> String
  {
    "<rect class=\"mark\" x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(max(height, 0.5)))\" fill=\"\(fill)\"><title>\(HTMLText.escape(title))</title></rect>\n"
  }

  static func svg(_ body: String, _ chart: ChartData) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(chart.title))\">\n\(body)</svg>\n"
  }

  static func number(_ value: Double) -> String { Format.decimal(value, digits: 1) }
}

#if canImport(Glibc)
  import Glibc
#endif

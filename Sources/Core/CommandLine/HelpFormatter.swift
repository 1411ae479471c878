/// Renders the `--help` text of a command, and the list of commands.
public enum HelpFormatter {
  public static func usage(of spec: CommandSpec) -> String {
    var parts = ["medmon", spec.name]
    if !spec.allOptions.isEmpty { parts.append("[options]") }
    for positional in spec.positionals {
      var text = positional.name + (positional.repeatable ? "..." : "")
      if positional.optional { text = "[\(text)]" }
      parts.append(text)
    }
    return parts.joined(separator: " ")
  }

  public static func help(for spec: CommandSpec) -> String {
    var lines = [spec.summary, "", "Usage: " + usage(of: spec)]
    if !spec.discussion.isEmpty {
      lines += ["", spec.discussion]
    }
    if !spec.positionals.isEmpty {
      lines += ["", "Arguments:"]
      let rows = spec.positionals.map { ($0.name, $0.help) }
      lines += table(rows)
    }
    lines += ["", "Options:"]
    let rows = spec.allOptions.map { option -> (String, String) in
      var label = option.short.map { "-\($0), " } ?? "    "
      label += "--" + option.name
      if let valueName = option.valueName { label += " " + valueName }
      let help = option.repeatable ? option.help + " Repeatable." : option.help
      return (label, help)
    }
    lines += table(rows)
    return lines.joined(separator: "\n") + "\n"
  }

  public static func overview(commands: [CommandSpec], version: String) -> String {
    var lines = [
      "medmon \(version): watch an offline medical-imaging AI deployment through bundles.",
      "",
      "Usage: medmon COMMAND [options]",
      "",
      "Commands:",
    ]
    lines += table(commands.map { ($0.name, $0.summary) })
    lines += [
      "",
      "Run 'medmon help COMMAND' or 'medmon COMMAND --help' for a command's options,",
      "and 'medmon help TOPIC' for a guide: operator-guide, vendor-guide, privacy, configuration,",
      "bundle-format, results-format, report-format, statistics, limitations.",
      "Global: --version prints the version; -q and -v set verbosity.",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  private static func table(_ rows: [(String, String)]) -> [String] {
    let width = min(28, (rows.map { $0.0.count }.max() ?? 0) + 2)
    return rows.map { label, text in
      let padding =
        label.count < width
        ? String(repeating: " ", count: width - label.count)
        : "\n" + String(repeating: " ", count: width + 2)
      return "  " + label + padding + text
    }
  }
}

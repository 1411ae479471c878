import Collect
import Core

/// `medmon schedule`: prints a crontab line and a systemd timer pair that
/// run `medmon snapshot`.
enum ScheduleCommand: Command {
  static let spec = CommandSpec(
    name: "schedule",
    summary: "Print a crontab line and a systemd service and timer for snapshots.",
    discussion: """
      Nothing is installed: copy the crontab line into 'crontab -e', or save the two \
      units under /etc/systemd/system and run 'systemctl enable --now medmon-snapshot.timer'.
      """,
    options: [
      OptionSpec("config", short: "c", value: "FILE", help: "Configuration file to name in the commands (default $MEDMON_CONFIG, then /etc/medmon/medmon.toml)."),
      OptionSpec("interval", value: "MINUTES", help: "Minutes between snapshots, 15 to 60 (default 30)."),
      OptionSpec("binary", value: "PATH", help: "Path of the medmon executable (default /usr/local/bin/medmon)."),
    ])

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    let minutes = try arguments.integer("interval", in: 15...60) ?? 30
    let binary = arguments.value("binary") ?? "/usr/local/bin/medmon"
    // cron and systemd run from another folder, so the path is made absolute.
    let path = FileSystem.absolutePath(
      SiteConfig.resolvePath(option: arguments.value("config"), environment: context.environment))
    let configuration = " --config \(path)"
    let command = "\(binary) snapshot -q\(configuration)"
    context.standardOutput.write(
      """
      # crontab (crontab -e as the user that owns the state database):
      */\(minutes) * * * * \(command)

      # /etc/systemd/system/medmon-snapshot.service
      [Unit]
      Description=medmon snapshot of the DICOM store, AI logs and host health

      [Service]
      Type=oneshot
      ExecStart=\(command)
      Nice=10
      IOSchedulingClass=idle

      # /etc/systemd/system/medmon-snapshot.timer
      [Unit]
      Description=Run medmon snapshot every \(minutes) minutes

      [Timer]
      OnBootSec=5min
      OnUnitActiveSec=\(minutes)min
      Persistent=true

      [Install]
      WantedBy=timers.target

      """)
    return .success
  }
}
